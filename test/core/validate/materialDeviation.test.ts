import { cellOf } from "../../helpers/snapshot";
import { findings, withCode } from "./run";

const CODE = "vasentlig-avvikelse-utan-kommentar";

/** An investment row: the simplest table the rule covers, with no cross-check beside it. */
const investment = (budget: unknown, forecast: unknown, comment: string | null = null) => ({
  Investering: "Inventarier",
  "Budget helår": budget as number,
  "Prognos helår": forecast as number,
  Kommentar: comment,
});

const material = (row: ReturnType<typeof investment>, settings = {}) =>
  withCode(findings({ investments: [row] }, settings), CODE);

describe(CODE, () => {
  it("requires a comment when the deviation reaches the amount threshold", () => {
    const found = material(investment(44.0, 48.7), { materialAmount: 1, materialPercent: 50 });
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Investeringar",
        cell: cellOf("investments", "Kommentar", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      "Inventarier: avvikelsen prognos mot budget är 4,7\u00a0mnkr (10,7\u00a0% av budget) och når eller " +
        "överstiger gränsen för väsentlig avvikelse (1,0\u00a0mnkr eller 50\u00a0% av budget). Förklara " +
        "avvikelsen i Kommentar."
    );
  });

  it("counts a deviation exactly at the threshold, despite floating point (48,7 − 44,0)", () => {
    expect(
      material(investment(44.0, 48.7), { materialAmount: 4.7, materialPercent: 50 })
    ).toHaveLength(1);
    expect(material(investment(44.0, 48.7), { materialAmount: 4.8, materialPercent: 50 })).toEqual(
      []
    );
  });

  it("requires a comment when the deviation reaches the percent threshold", () => {
    const settings = { materialAmount: 100, materialPercent: 5 };
    expect(material(investment(-100, -105), settings)).toHaveLength(1);
    expect(material(investment(44.0, 46.2), settings)).toHaveLength(1); // 5 % of 44,0 exactly
    expect(material(investment(-100, -104.9), settings)).toEqual([]);
  });

  it("uses the percent threshold only when there is a budget", () => {
    const settings = { materialAmount: 1, materialPercent: 5 };
    expect(material(investment(0, 0.5), settings)).toEqual([]);
    expect(material(investment(0, 2), settings)).toHaveLength(1);
  });

  it("never asks to explain a deviation of zero, even with thresholds of zero", () => {
    expect(material(investment(-4.2, -4.2), { materialAmount: 0, materialPercent: 0 })).toEqual([]);
  });

  it("accepts a commented deviation, and rows without budget or forecast", () => {
    expect(material(investment(44.0, 48.7, "Fler avgifter."))).toEqual([]);
    expect(material(investment(null, 48.7))).toEqual([]);
    expect(material(investment(44.0, null))).toEqual([]);
  });

  it("covers the resultaträkning and the driftsredovisning", () => {
    const found = withCode(
      findings({
        incomeStatement: [
          {
            Post: "Personalkostnader",
            Typ: "Kostnad",
            "Budget helår": -763.5,
            "Prognos helår": -829.9,
          },
        ],
        operatingStatement: [
          { Verksamhet: "Hemtjänst", "Budget helår": -763.5, "Prognos helår": -829.9 },
        ],
      }),
      CODE
    );
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Resultaträkning", cellOf("incomeStatement", "Kommentar", 0)],
      ["Driftsredovisning", cellOf("operatingStatement", "Kommentar", 0)],
    ]);
    expect(found[0].message).toContain("−66,4\u00a0mnkr (−8,7\u00a0% av budget)");
  });

  it("stays silent when neither threshold can be read", () => {
    const found = material(investment(44.0, 48.7), { materialAmount: "x", materialPercent: null });
    expect(found).toEqual([]);
  });

  it("with Väsentlig avvikelse villkor Belopp och procent, requires both thresholds", () => {
    const both = { materialAmount: 1, materialPercent: 5, materialCondition: "Belopp och procent" };
    // 4,7 is 10,7 % of 44,0: both reached.
    const found = material(investment(44.0, 48.7), both);
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe(
      "Inventarier: avvikelsen prognos mot budget är 4,7\u00a0mnkr (10,7\u00a0% av budget) och når eller " +
        "överstiger både beloppsgränsen (1,0\u00a0mnkr) och procentgränsen (5\u00a0% av budget) för " +
        "väsentlig avvikelse. Förklara avvikelsen i Kommentar."
    );
    // 2,0 of a budget of 1 000 reaches the amount, not the percent; 0,5 of 4 the percent, not the amount.
    expect(material(investment(-1000, -1002), both)).toEqual([]);
    expect(material(investment(4, 4.5), both)).toEqual([]);
    // The same rows with either threshold enough (the default, and what a workbook without the row gets).
    const either = { ...both, materialCondition: "Belopp eller procent" };
    expect(material(investment(-1000, -1002), either)).toHaveLength(1);
    expect(material(investment(4, 4.5), either)).toHaveLength(1);
    expect(
      material(investment(-1000, -1002), { materialAmount: 1, materialPercent: 5 })
    ).toHaveLength(1);
  });

  it("with Belopp och procent, judges a row without budget by the amount alone", () => {
    const both = { materialAmount: 1, materialPercent: 5, materialCondition: "Belopp och procent" };
    const found = material(investment(0, 2), both);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(
      "och når eller överstiger gränsen för väsentlig avvikelse (1,0\u00a0mnkr)."
    );
    expect(material(investment(0, 0.5), both)).toEqual([]);
  });
});
