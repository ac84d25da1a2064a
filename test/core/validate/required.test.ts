import { cellOf } from "../../helpers/snapshot";
import { ACTION, findings, RISK, withCode } from "./run";

describe("obligatorisk-saknas", () => {
  it("reports an empty required status cell with the values to choose from", () => {
    const found = withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, Status: null }] }),
      "obligatorisk-saknas"
    );
    expect(found).toEqual([
      {
        severity: "fel",
        file: "test.xlsx",
        code: "obligatorisk-saknas",
        sheet: "Åtgärder",
        cell: cellOf("actions", "Status", 0),
        message:
          "Status saknas på en rad som i övrigt är ifylld. Välj Ej påbörjad, Pågående, Avslutad eller Avbruten.",
      },
    ]);
  });

  it("reports every empty required text cell of a partly filled row, with the column's guidance", () => {
    const found = withCode(
      findings({ risks: [{ Riskbeskrivning: "Något kan hända." }] }),
      "obligatorisk-saknas"
    );
    expect(found.map((f) => f.cell)).toEqual([
      cellOf("risks", "Risk-ID", 0),
      cellOf("risks", "Risk", 0),
      cellOf("risks", "Riskhantering", 0),
    ]);
    expect(found[0].message).toBe(
      "Risk-ID saknas på en rad som i övrigt är ifylld. Fyll i Risk-ID: Unik beteckning, t.ex. R1."
    );
  });

  it("treats a cell of spaces as empty", () => {
    const found = withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, Åtgärd: " \u00a0 " }] }),
      "obligatorisk-saknas"
    );
    expect(found.map((f) => f.cell)).toEqual([cellOf("actions", "Åtgärd", 0)]);
  });

  it("ignores blank rows and empty optional cells", () => {
    const all = findings({
      risks: [RISK, { "Risk-ID": "  " }, { ...RISK, "Risk-ID": "R2", Riskområde: null }],
      actions: [ACTION, { ...ACTION, "Åtgärds-ID": "Å2", "Risk-ID": "R2", Ansvarig: null }],
    });
    expect(withCode(all, "obligatorisk-saknas")).toEqual([]);
  });
});
