import { cellOf } from "../../helpers/snapshot";
import { ACTION, findings, RISK, withCode } from "./run";

describe("hantera-utan-atgard", () => {
  it("warns about a risk to be handled that has no action, at its Riskhantering cell", () => {
    const found = withCode(
      findings({ risks: [RISK, { ...RISK, "Risk-ID": "R2" }], actions: [ACTION] }),
      "hantera-utan-atgard"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        sheet: "Risker",
        cell: cellOf("risks", "Riskhantering", 1),
      }),
    ]);
    expect(found[0].message).toContain("Lägg till en åtgärd med Risk-ID R2");
  });

  it.each(["Acceptera", "Bevaka"])("accepts a risk treated with %s and no action", (treatment) => {
    expect(findings({ risks: [{ ...RISK, Riskhantering: treatment }] })).toEqual([]);
  });
});

describe("risk-ej-vardera", () => {
  it("warns for each empty axis of the risk matrix", () => {
    const found = withCode(
      findings({ risks: [{ ...RISK, Sannolikhet: null, Konsekvens: " " }], actions: [ACTION] }),
      "risk-ej-vardera"
    );
    expect(found.map((f) => [f.severity, f.cell])).toEqual([
      ["varning", cellOf("risks", "Sannolikhet", 0)],
      ["varning", cellOf("risks", "Konsekvens", 0)],
    ]);
    expect(found[0].message).toBe(
      "Sannolikhet saknas för risken R1, så riskmatrisen kan inte placera den. Skriv ett heltal 1–4."
    );
  });

  it("leaves a wrong value to the range check", () => {
    const all = findings({ risks: [{ ...RISK, Sannolikhet: 7 }], actions: [ACTION] });
    expect(all.map((f) => f.code)).toEqual(["varde-utanfor-intervall"]);
  });
});
