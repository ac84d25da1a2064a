import { analyse } from "../../src/core/pipeline";
import { findingsJson, formatFindings, summaryLine } from "../../src/cli/printFindings";
import { cellOf, makeSnapshot } from "../helpers/snapshot";
import { LEDGERS } from "../core/validate/run";

const TODAY = new Date(Date.UTC(2024, 8, 20));

const analysed = analyse(
  makeSnapshot(
    {
      ...LEDGERS,
      risks: [
        { "Risk-ID": "R1", Risk: "Brist", Sannolikhet: 2, Konsekvens: 9, Riskhantering: "Bevaka" },
      ],
      actions: [
        { "Åtgärds-ID": "Å1", "Risk-ID": "R1", Åtgärd: "Kartlägga", Status: "pagaende" },
        { "Åtgärds-ID": "Å2", "Risk-ID": "R1", Åtgärd: "Följa upp", Status: "Avslutad" },
      ],
    },
    { assessment: null },
    "exempel.xlsx"
  ),
  { today: TODAY }
);

describe("formatFindings", () => {
  it("groups findings by sheet in reading order, with cell, severity, message and code", () => {
    const text = formatFindings(analysed.findings, "exempel.xlsx");
    const lines = text.split("\n");
    expect(lines[0]).toBe("Inställningar");
    expect(lines[1]).toMatch(
      /^ {2}C12 {2}varning {2}Bedömning av intern kontroll är inte ifylld\..*\[bedomning-saknas\]$/
    );
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe("Risker");
    // Cells are padded to the widest address (C10), severities to "varning".
    expect(lines[4]).toMatch(/^ {2}H4 {3}fel {6}Konsekvens: 9 är inte ett heltal 1–4\./);
    expect(cellOf("risks", "Konsekvens", 0)).toBe("H4");
    expect(lines[6]).toBe("Åtgärder");
    expect(lines[7]).toContain(
      `${cellOf("actions", "Status", 0)}   fel      Status "pagaende" är nästan rätt. Skriv Pågående`
    );
    expect(lines[8]).toContain(
      `${cellOf("actions", "Kommentar vid senaste uppföljning", 1)}   varning  Åtgärden Å2 är avslutad`
    );
    expect(lines.slice(-3)).toEqual(["", "2 fel och 2 varningar i exempel.xlsx", ""]);
  });

  it("says so when there is nothing to report", () => {
    expect(formatFindings([], "ren.xlsx")).toBe("Inga fel eller varningar i ren.xlsx\n");
  });
});

describe("summaryLine", () => {
  it("counts fel and varningar in Swedish", () => {
    const one = [{ ...analysed.findings[0], severity: "varning" as const }];
    expect(summaryLine(one, "a.xlsx")).toBe("0 fel och 1 varning i a.xlsx");
  });
});

describe("findingsJson", () => {
  it("is a JSON array of severity, code, sheet, cell and message only", () => {
    const parsed: unknown = JSON.parse(findingsJson(analysed.findings));
    expect(parsed).toHaveLength(4);
    for (const finding of parsed as Record<string, unknown>[])
      expect(Object.keys(finding)).toEqual(["severity", "code", "sheet", "cell", "message"]);
    expect((parsed as Record<string, unknown>[])[0]).toEqual({
      severity: "varning",
      code: "bedomning-saknas",
      sheet: "Inställningar",
      cell: "C12",
      message: expect.stringContaining("Bedömning av intern kontroll"),
    });
    expect(JSON.parse(findingsJson([]))).toEqual([]);
  });
});
