import { cellOf } from "../../helpers/snapshot";
import { ACTION, CONTROL, findings, RISK, withCode } from "./run";

describe("id-dubblett", () => {
  it("points at the second occurrence of a Risk-ID and names the first's cell", () => {
    const found = withCode(
      findings({
        risks: [RISK, { ...RISK, "Risk-ID": "R2" }, { ...RISK, Risk: "En annan risk" }],
        actions: [ACTION, { ...ACTION, "Åtgärds-ID": "Å2", "Risk-ID": "R2" }],
      }),
      "id-dubblett"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Risker",
        cell: cellOf("risks", "Risk-ID", 2),
      }),
    ]);
    expect(found[0].message).toBe(
      `Risk-ID R1 finns redan i ${cellOf("risks", "Risk-ID", 0)}. Ge varje rad ett eget Risk-ID.`
    );
  });

  it("checks Åtgärds-ID and Kontroll-ID too", () => {
    const found = withCode(
      findings({
        risks: [RISK],
        actions: [ACTION, ACTION],
        controls: [CONTROL, { ...CONTROL, Process: "Annan" }, { ...CONTROL, "Kontroll-ID": "K2" }],
      }),
      "id-dubblett"
    );
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Åtgärder", cellOf("actions", "Åtgärds-ID", 1)],
      ["Internkontroll", cellOf("controls", "Kontroll-ID", 1)],
    ]);
  });

  it("accepts the same ID in different tables", () => {
    const all = findings({
      risks: [{ ...RISK, "Risk-ID": "X1" }],
      actions: [{ ...ACTION, "Åtgärds-ID": "X1", "Risk-ID": "X1" }],
      controls: [{ ...CONTROL, "Kontroll-ID": "X1", "Risk-ID": "X1" }],
    });
    expect(all).toEqual([]);
  });
});

describe("risk-id-okant", () => {
  it("reports an action or control whose Risk-ID is not on the Risker sheet", () => {
    const found = withCode(
      findings({
        risks: [RISK],
        actions: [ACTION, { ...ACTION, "Åtgärds-ID": "Å2", "Risk-ID": "R9" }],
        controls: [{ ...CONTROL, "Risk-ID": "R7" }],
      }),
      "risk-id-okant"
    );
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["fel", "Åtgärder", cellOf("actions", "Risk-ID", 1)],
      ["fel", "Internkontroll", cellOf("controls", "Risk-ID", 0)],
    ]);
    expect(found[0].message).toBe(
      "Risk-ID R9 finns inte på bladet Risker. Skriv ett Risk-ID som finns där, eller lägg till risken på bladet Risker."
    );
  });

  it("suggests the ID meant when only the case differs", () => {
    const found = withCode(
      findings({
        risks: [RISK],
        actions: [ACTION, { ...ACTION, "Åtgärds-ID": "Å2", "Risk-ID": "r1" }],
      }),
      "risk-id-okant"
    );
    expect(found[0].message).toContain("Menar du R1?");
  });

  it("accepts a control without a Risk-ID (it names its risk in text)", () => {
    const all = findings({
      risks: [RISK],
      actions: [ACTION],
      controls: [{ ...CONTROL, "Risk-ID": null, Risk: "Risk för hot och våld" }],
    });
    expect(all).toEqual([]);
  });
});

describe("risk-id-okant on a large workbook", () => {
  it("stays linear: 10 000 unknown references among 10 000 risks take well under a few seconds", () => {
    const n = 10_000;
    const risks = Array.from({ length: n }, (_, i) => ({ ...RISK, "Risk-ID": `R${i}` }));
    const actions = Array.from({ length: n }, (_, i) => ({
      ...ACTION,
      "Åtgärds-ID": `Å${i}`,
      "Risk-ID": i % 2 ? `R${i}` : `r${i + n}`,
    }));
    const started = performance.now();
    const found = withCode(findings({ risks, actions }), "risk-id-okant");
    expect(found).toHaveLength(n / 2);
    // Was 22 s when each reference was compared with every risk for a suggestion.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
