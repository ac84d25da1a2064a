/** A report made while the workbook has fel is a draft, and says so on every sheet. */
import { analyse, generateReport } from "../../../src/core/pipeline";
import { reportSheets } from "../../../src/core/layout/layout";
import type { Block } from "../../../src/core/report/reportDoc";
import { makeSnapshot, type RowSpec } from "../../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 20));

const LINE: RowSpec = {
  Post: "Lokalhyror",
  Typ: "Kostnad",
  "Utfall period": -40,
  "Budget helår": -64.1,
  "Prognos helår": -64.1,
};
const ACTIVITY: RowSpec = {
  Verksamhet: "Hemtjänst",
  "Utfall period": -40,
  "Budget helår": -64.1,
  "Prognos helår": -64.1,
};

/**
 * The Lokalhyror line, and `fel` zero lines with an unknown Typ (one fel each) that keep the
 * resultaträkning equal to the driftsredovisning.
 */
function reportWith(fel: number, varning = false) {
  const wrongType = Array.from({ length: fel }, (_, i) => ({
    Post: `Post ${i + 1}`,
    Typ: "Kostnadd",
    "Utfall period": 0,
    "Budget helår": 0,
    "Prognos helår": 0,
  }));
  const snapshot = makeSnapshot({
    incomeStatement: [LINE, ...wrongType],
    operatingStatement: [ACTIVITY],
    // Hantera without an åtgärd: a varning, which makes no draft.
    risks: varning
      ? [
          {
            "Risk-ID": "R1",
            Risk: "Brist",
            Riskhantering: "Hantera",
            Sannolikhet: 2,
            Konsekvens: 2,
          },
        ]
      : [],
  });
  const analysis = analyse(snapshot, { today: TODAY });
  return { analysis, report: generateReport(analysis) };
}

const texts = (blocks: readonly Block[]) =>
  blocks.map((b) =>
    "text" in b ? [b.kind, b.text, "style" in b ? b.style : undefined] : [b.kind]
  );

describe("the draft marker", () => {
  it("opens every sheet with the UTKAST banner and Utkast in the title while fel remain", () => {
    const { analysis, report } = reportWith(1);
    expect(analysis.findings.filter((f) => f.severity === "fel")).toHaveLength(1);
    expect(report.doc.draft).toEqual({ felCount: 1 });
    expect(report.isDraft).toBe(true);
    expect(report.felCount).toBe(1);
    const title = "Utkast: Vård- och omsorgsnämnden – Delårsrapport augusti 2024";
    for (const sheet of report.doc.sheets) {
      const banner =
        sheet.name === "Kontrollresultat"
          ? "UTKAST – arbetsboken har ett fel; se listan nedan."
          : "UTKAST – arbetsboken har ett fel; se Kontrollresultat.";
      expect(texts(sheet.blocks.slice(0, 2))).toEqual([
        ["paragraph", banner, "utkast"],
        ["title", title, undefined],
      ]);
    }
    // The laid-out grid starts with the banner, across the sheet, in the utkast style.
    for (const grid of reportSheets(report.doc)) {
      expect(grid.rows[0][0]).toMatchObject({ style: "utkast" });
      expect(String(grid.rows[0][0]?.value)).toMatch(/^UTKAST – /);
      expect(grid.merges[0]).toEqual({
        row: 1,
        col: 1,
        rowSpan: 1,
        colSpan: grid.columnWidths.length,
      });
      expect(grid.rows[1][0]?.value).toBe(title);
    }
  });

  it("counts the fel in words, agreeing in number", () => {
    const { analysis, report } = reportWith(3);
    expect(analysis.findings.filter((f) => f.severity === "fel")).toHaveLength(3);
    expect(report.felCount).toBe(3);
    expect(report.doc.sheets[0].blocks[0]).toMatchObject({
      text: "UTKAST – arbetsboken har tre fel; se Kontrollresultat.",
    });
  });

  it("is absent from a workbook without fel, varningar or not", () => {
    for (const varning of [false, true]) {
      const { analysis, report } = reportWith(0, varning);
      expect(analysis.findings.filter((f) => f.severity === "fel")).toEqual([]);
      expect(analysis.findings.length > 0).toBe(varning);
      expect(report.doc.draft).toBeNull();
      expect(report.isDraft).toBe(false);
      expect(report.felCount).toBe(0);
      for (const sheet of report.doc.sheets) {
        expect(sheet.blocks[0]).toEqual({
          kind: "title",
          text: "Vård- och omsorgsnämnden – Delårsrapport augusti 2024",
        });
      }
      const all = reportSheets(report.doc)
        .flatMap((g) => g.rows.flat())
        .map((c) => String(c?.value ?? ""));
      expect(all.filter((t) => /utkast/i.test(t))).toEqual([]);
    }
  });
});
