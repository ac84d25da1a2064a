import { parseModel } from "../../../src/core/parse/parseModel";
import { crossCheck } from "../../../src/core/rollup/crossCheck";
import { cellOf, makeSnapshot, type RowSpec } from "../../helpers/snapshot";
import { DOC004_INCOME_STATEMENT, DOC004_OPERATING_STATEMENT } from "./doc004";
import { findings, withCode } from "./run";

const CODE = "avstamning-differens";
const HEADER = (header: string) => cellOf("operatingStatement", header, -1);

const doc004 = () =>
  parseModel(
    makeSnapshot({
      incomeStatement: DOC004_INCOME_STATEMENT,
      operatingStatement: DOC004_OPERATING_STATEMENT,
    })
  );

describe("crossCheck (the computation)", () => {
  it("reproduces document 004's totals, differences and rounding tolerance", () => {
    const byHeader = Object.fromEntries(crossCheck(doc004()).map((r) => [r.header, r]));
    expect(Object.keys(byHeader)).toEqual([
      "Bokslut fg år",
      "Utfall period fg år",
      "Utfall period",
      "Periodbudget",
      "Budget helår",
      "Prognos helår",
      // Template v2's amount column both ledgers have (empty in document 004's T2 figures).
      "Prognos föregående tertial",
    ]);
    expect(byHeader["Prognos föregående tertial"]).toMatchObject({
      incomeStatement: { total: 0, terms: 0 },
      operatingStatement: { total: 0, terms: 0 },
      agrees: true,
    });
    expect(byHeader["Utfall period fg år"]).toEqual({
      column: "actualPriorYear",
      header: "Utfall period fg år",
      incomeStatement: { total: -673.4, terms: 9 },
      operatingStatement: { total: -670.3, terms: 15 },
      difference: -3.1,
      // 19 one-decimal terms (0,05 each) and 5 whole numbers (15,0 · 0 · −1,0 … read as 15, 0, −1: 0,5 each)
      tolerance: 1.2,
      agrees: false,
      sheet: "Driftsredovisning",
      cell: HEADER("Utfall period fg år"),
    });
    expect(byHeader["Utfall period"]).toMatchObject({
      incomeStatement: { total: -727.7 },
      operatingStatement: { total: -727.6 },
      difference: -0.1,
      agrees: true,
    });
    expect(byHeader["Budget helår"]).toMatchObject({ difference: 0.2, agrees: true });
    expect(byHeader["Prognos helår"]).toMatchObject({ difference: -0.2, agrees: true });
    expect(byHeader["Periodbudget"]).toMatchObject({
      incomeStatement: { total: 0, terms: 0 },
      operatingStatement: { total: 0, terms: 0 },
      agrees: true,
    });
  });

  it("allows half a unit of the column's finest decimal per term, also for numbers typed as text", () => {
    const model = (income: RowSpec[], operating: RowSpec[]) =>
      parseModel(makeSnapshot({ incomeStatement: income, operatingStatement: operating }));
    const actual = (value: unknown): RowSpec => ({
      Post: "P",
      Typ: "Kostnad",
      "Utfall period": value as number,
    });
    const activity = (value: unknown): RowSpec => ({
      Verksamhet: "V",
      "Utfall period": value as number,
    });
    const result = (income: unknown[], operating: unknown[]) =>
      crossCheck(model(income.map(actual), operating.map(activity))).find(
        (r) => r.column === "actual"
      )!;

    // −12 among one-decimal figures was rounded to one decimal too (Excel stores −12,0 as −12).
    expect(result([-44.5], [-12]).tolerance).toBe(0.1);
    expect(result([-44], [-12]).tolerance).toBe(1);
    expect(result(["-1 234,50"], [-1234.5]).tolerance).toBe(0.01);
    // At the tolerance agrees; beyond it does not (1,25 − 1,24 is 0,010000000000000009 in binary).
    expect(result([-1.25], [-1.24])).toMatchObject({
      difference: -0.01,
      tolerance: 0.01,
      agrees: true,
    });
    expect(result([-1.26], [-1.24])).toMatchObject({ difference: -0.02, agrees: false });
  });
});

describe(CODE, () => {
  it("reports document 004's Utfall period fg år, and only that column", () => {
    const found = withCode(
      findings({
        incomeStatement: DOC004_INCOME_STATEMENT,
        operatingStatement: DOC004_OPERATING_STATEMENT,
      }),
      CODE
    );
    expect(found).toEqual([
      {
        severity: "fel",
        file: "test.xlsx",
        code: CODE,
        sheet: "Driftsredovisning",
        cell: HEADER("Utfall period fg år"),
        message:
          "Utfall period fg år stämmer inte mellan tabellerna: resultaträkningen summerar till −673,4\u00a0mnkr " +
          "och driftsredovisningen till −670,3\u00a0mnkr, en skillnad på 3,1\u00a0mnkr. Avrundning av de 24 " +
          "beloppen förklarar högst 1,20\u00a0mnkr. Leta efter ett tecken- eller inmatningsfel i kolumnen " +
          "(t.ex. en kostnad som skrivits positiv) och rätta det.",
      },
    ]);
  });

  it("is silent once the sign error is corrected", () => {
    const corrected = DOC004_OPERATING_STATEMENT.map((row) =>
      row.Verksamhet === "Bostadsanpassning" ? { ...row, "Utfall period fg år": -1.6 } : row
    );
    const all = findings({
      incomeStatement: DOC004_INCOME_STATEMENT,
      operatingStatement: corrected,
    });
    expect(all).toEqual([]);
  });

  it("reports a column filled in one table and empty in the other", () => {
    const found = withCode(
      findings({
        incomeStatement: [{ Post: "Personalkostnader", Typ: "Kostnad", Periodbudget: -509.0 }],
        operatingStatement: [{ Verksamhet: "Hemtjänst", "Utfall period": null, Kommentar: "Ny." }],
      }),
      CODE
    );
    expect(found.map((f) => f.cell)).toEqual([HEADER("Periodbudget")]);
    expect(found[0].message).toBe(
      "Periodbudget har belopp i Resultaträkning (summa −509,0\u00a0mnkr) men inga i Driftsredovisning, så " +
        "tabellerna kan inte stämmas av. Fyll i kolumnen i båda tabellerna, eller i ingen av dem."
    );
  });
});
