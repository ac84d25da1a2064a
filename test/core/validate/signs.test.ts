import { cellOf } from "../../helpers/snapshot";
import { BOSTADSANPASSNING, DOC004_INCOME_STATEMENT, DOC004_OPERATING_STATEMENT } from "./doc004";
import { findings, withCode } from "./run";

const INCOME = {
  Post: "Taxor och avgifter",
  Typ: "Intäkt",
  "Budget helår": 44.0,
  "Prognos helår": 44.0,
};
const COST = { Post: "Lokalhyror", Typ: "Kostnad", "Budget helår": -64.1, "Prognos helår": -64.1 };

describe("kostnad-positiv and intakt-negativ", () => {
  it("warns about each cost amount that is positive and each income amount that is negative", () => {
    const all = findings({
      incomeStatement: [
        { ...COST, "Utfall period": 45.3 },
        { ...INCOME, "Utfall period": -32.3, "Bokslut fg år": 44.5 },
      ],
    });
    expect(withCode(all, "kostnad-positiv")).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("incomeStatement", "Utfall period", 0),
      }),
    ]);
    expect(withCode(all, "kostnad-positiv")[0].message).toBe(
      "Lokalhyror är en kostnad men beloppet i Utfall period är positivt (45,3\u00a0mnkr). " +
        "Kostnader anges negativa i resultaträkningen: kontrollera tecknet."
    );
    expect(withCode(all, "intakt-negativ")).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("incomeStatement", "Utfall period", 1),
      }),
    ]);
  });

  it("words the message so that it agrees whatever the column (en budget, ett utfall)", () => {
    const all = findings({ incomeStatement: [{ ...INCOME, "Budget helår": -44.0 }] });
    expect(withCode(all, "intakt-negativ")[0].message).toBe(
      "Taxor och avgifter är en intäkt men beloppet i Budget helår är negativt (\u221244,0\u00a0mnkr). " +
        "Intäkter anges positiva i resultaträkningen: kontrollera tecknet."
    );
  });

  it("accepts zero and correctly signed amounts", () => {
    const all = findings({
      incomeStatement: [
        { ...COST, "Utfall period": 0 },
        { ...INCOME, "Utfall period": 0 },
      ],
      operatingStatement: [
        {
          Verksamhet: "Netto",
          "Utfall period": 0,
          "Budget helår": -20.1,
          "Prognos helår": -20.1,
        },
      ],
    });
    expect(all).toEqual([]);
  });
});

describe("nettokostnad-positiv", () => {
  it("finds document 004's sign error: Bostadsanpassning's Utfall period fg år +1,6", () => {
    const found = withCode(
      findings({
        incomeStatement: DOC004_INCOME_STATEMENT,
        operatingStatement: DOC004_OPERATING_STATEMENT,
      }),
      "nettokostnad-positiv"
    );
    expect(found).toEqual([
      {
        severity: "varning",
        file: "test.xlsx",
        code: "nettokostnad-positiv",
        sheet: "Driftsredovisning",
        cell: cellOf("operatingStatement", "Utfall period fg år", BOSTADSANPASSNING),
        message:
          "Bostadsanpassning: beloppet i Utfall period fg år är positivt (1,6\u00a0mnkr). Driftsredovisningen visar " +
          "nettokostnader, som anges negativa: kontrollera tecknet. Är det en verklig nettointäkt kan " +
          "varningen lämnas utan åtgärd.",
      },
    ]);
  });

  it("finds no sign errors in document 004's resultaträkning", () => {
    const all = findings({
      incomeStatement: DOC004_INCOME_STATEMENT,
      operatingStatement: DOC004_OPERATING_STATEMENT,
    });
    expect(withCode(all, "kostnad-positiv")).toEqual([]);
    expect(withCode(all, "intakt-negativ")).toEqual([]);
  });
});
