import { TEMPLATE_V2 } from "../../../src/core/template/v2";
import { cellOf } from "../../helpers/snapshot";
import { ACTION, CONTROL, findingsV2 as findings, RISK, withCode } from "./run";

// The ready-mark typed by hand, as template v2 has it: on a v3 workbook a hand-typed Ja is also
// klarmarkering-utan-kontrollsumma (test/core/seal/readyMark.test.ts), which these rules are not about.

const valueCell = (key: string) =>
  cellOf(
    "settings",
    "Värde",
    TEMPLATE_V2.settingRows.findIndex((s) => s.key === key)
  );

const READY = {
  readyMark: "Ja",
  readyBy: "Eva Ekonom",
  readyDate: new Date(Date.UTC(2024, 8, 15)),
  templateVersion: 2,
} as const;
const CLEAN = { risks: [RISK], actions: [ACTION], controls: [CONTROL] };

describe("klarmarkerad-med-fel", () => {
  it("is a fel at the Klarmarkerad cell when a workbook marked Ja has fel, counting them", () => {
    const all = findings({ ...CLEAN, controls: [{ ...CONTROL, Resultat: null }] }, READY);
    const found = withCode(all, "klarmarkerad-med-fel");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Inställningar",
        cell: valueCell("readyMark"),
      }),
    ]);
    const others = all.filter((f) => f.severity === "fel" && f.code !== "klarmarkerad-med-fel");
    expect(others.length).toBeGreaterThan(0);
    expect(found[0].message).toContain(`har ${others.length} fel`);
    expect(found[0].message).toContain("sätt Klarmarkerad till Nej");
  });

  it("stays silent for a clean workbook marked Ja, and for one with fel marked Nej", () => {
    expect(findings(CLEAN, READY)).toEqual([]);
    const notReady = { ...READY, readyMark: "Nej" };
    const all = findings({ ...CLEAN, controls: [{ ...CONTROL, Resultat: null }] }, notReady);
    expect(all.some((f) => f.severity === "fel")).toBe(true);
    expect(withCode(all, "klarmarkerad-med-fel")).toEqual([]);
  });

  it("does not count varningar", () => {
    const late = { ...ACTION, Slutdatum: new Date(Date.UTC(2024, 5, 30)) };
    const all = findings({ ...CLEAN, actions: [late] }, READY);
    expect(withCode(all, "atgard-forsenad")).toHaveLength(1);
    expect(withCode(all, "klarmarkerad-med-fel")).toEqual([]);
  });
});

describe("klarmarkering-ofullstandig", () => {
  it("is a varning at Klarmarkerad av when Ja has no name, naming both missing values", () => {
    const found = withCode(
      findings(CLEAN, { ...READY, readyBy: null, readyDate: null }),
      "klarmarkering-ofullstandig"
    );
    expect(found).toEqual([
      expect.objectContaining({ severity: "varning", cell: valueCell("readyBy") }),
    ]);
    expect(found[0].message).toContain("Klarmarkerad av och Klarmarkerad datum är inte ifyllda");
  });

  it("points at Klarmarkerad datum when only the date is missing", () => {
    const found = withCode(
      findings(CLEAN, { ...READY, readyDate: null }),
      "klarmarkering-ofullstandig"
    );
    expect(found.map((f) => f.cell)).toEqual([valueCell("readyDate")]);
    expect(found[0].message).toContain("Klarmarkerad datum är inte ifyllt");
  });

  it("asks nothing of a workbook marked Nej", () => {
    const found = findings(CLEAN, { readyMark: "Nej", templateVersion: 2 });
    expect(found).toEqual([]);
  });
});
