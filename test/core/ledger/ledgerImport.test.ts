/**
 * A read ledger mapped onto a workbook's År, Period and Enhet. The expected figures are summed by
 * hand from the fixtures (test/fixtures/sie/README.md): per month in 2024, 3010 −10 000,00 kr
 * (100: −6 000, 200: −4 000), 4610 5 000,00 (100: 4 000, no object for 1 000), 5010 20 000,50
 * (100: 12 000,25, 200: 5 000,25, 300: 3 000), 8400 100,00 (100 only), in months 1, 4, 8, 9, 12;
 * 2023: 3010 −9 000 and 5010 18 000 (both 100) in months 1, 8, 12; budget 2024: 3010 −11 000,
 * 5010 21 000 (100) in months 1, 4, 8, 12.
 */
import { importLedger, type LedgerImport } from "../../../src/core/ledger/ledgerImport";
import type { LedgerMapping } from "../../../src/core/ledger/mapping";
import { readLedger } from "../../../src/core/ledger/readLedger";
import { readFixture } from "../../helpers/ledgerFixtures";

const MAPPING: LedgerMapping = {
  accounts: [
    { from: 3000, to: 3999, post: "Verksamhetens intäkter" },
    { from: 4000, to: 7999, post: "Verksamhetens kostnader" },
    { from: 8000, to: 8999, post: "Finansiella poster" },
  ],
  objects: [
    { dimension: 1, from: "100", to: "199", activity: "Äldreomsorg" },
    { dimension: 1, from: 200, to: 299, activity: "Hemtjänst" },
  ],
};

const T2_KR = { year: 2024, period: "T2", unit: "kr" } as const;

const byName = (rows: LedgerImport["posts"]) =>
  Object.fromEntries(rows.map((row) => [row.name, row.amounts]));

describe("importLedger", () => {
  it("gives T2's Utfall period, fg år and Periodbudget per Post in the template's sign", async () => {
    const result = importLedger(await readFixture("psaldo-typ3.se"), MAPPING, T2_KR);
    expect(result.columns).toEqual(["actual", "actualPriorYear", "periodBudget"]);
    expect(result.columnsWithoutData).toEqual([]);
    expect(byName(result.posts)).toEqual({
      "Verksamhetens intäkter": { actual: 30_000, actualPriorYear: 18_000, periodBudget: 33_000 },
      "Verksamhetens kostnader": {
        actual: -75_001.5,
        actualPriorYear: -36_000,
        periodBudget: -63_000,
      },
      "Finansiella poster": { actual: -300, actualPriorYear: 0, periodBudget: 0 },
    });
  });

  it("gives the Driftsredovisning from the mapped dimension's object rows, numeric and text ranges alike", async () => {
    const result = importLedger(await readFixture("psaldo-typ3.se"), MAPPING, T2_KR);
    expect(byName(result.activities)).toEqual({
      Äldreomsorg: { actual: -30_300.75, actualPriorYear: -18_000, periodBudget: -63_000 },
      Hemtjänst: { actual: -3_000.75, actualPriorYear: 0, periodBudget: 0 },
    });
  });

  it("reconciles: ledger = RR, DR short by the unmapped object and the uncovered part", async () => {
    const { reconciliation } = importLedger(await readFixture("psaldo-typ3.se"), MAPPING, T2_KR);
    expect(reconciliation.totals.actual).toEqual({
      ledger: -45_301.5,
      incomeStatement: -45_301.5,
      operatingStatement: -33_301.5,
    });
    expect(reconciliation.unmappedAccounts).toEqual([]);
    expect(reconciliation.unmappedObjects).toEqual([
      {
        dimension: 1,
        object: "300",
        name: "Gemensamt",
        amounts: { actual: -9_000, actualPriorYear: 0, periodBudget: 0 },
      },
    ]);
    // 4610 carries 1 000 kr a month on no object: a note, in the period's months only.
    expect(reconciliation.totalsVersusObjects).toEqual(
      [1, 4, 8].map((month) => ({
        column: "actual",
        account: "4610",
        name: "Köp av huvudverksamhet",
        dimension: 1,
        month,
        total: -5_000,
        objects: -4_000,
      }))
    );
    expect(reconciliation.derivedTotals).toEqual([
      { account: "8400", name: "Räntekostnader", dimension: 1 },
    ]);
    expect(reconciliation.resultsVersusMovements).toEqual([
      {
        year: 2024,
        account: "4610",
        name: "Köp av huvudverksamhet",
        movements: -25_000,
        result: -25_000.01,
      },
    ]);
  });

  it("takes the period's months only: T1 is January–April, Helår the whole year", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    const income = (period: "T1" | "Helår") =>
      byName(importLedger(ledger, MAPPING, { year: 2024, period, unit: "kr" }).posts)[
        "Verksamhetens intäkter"
      ];
    expect(income("T1")).toEqual({ actual: 20_000, actualPriorYear: 9_000, periodBudget: 22_000 });
    expect(income("Helår")).toEqual({
      actual: 50_000,
      actualPriorYear: 27_000,
      periodBudget: 44_000,
    });
  });

  it("converts to tkr and mnkr at full precision, never rounded", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    const costs = (unit: "tkr" | "mnkr") =>
      byName(importLedger(ledger, MAPPING, { year: 2024, period: "T2", unit }).posts)[
        "Verksamhetens kostnader"
      ];
    expect(costs("tkr").actual).toBe(-75.0015);
    expect(costs("mnkr").actual).toBe(-0.0750015);
  });

  it("names unmapped result accounts with their amounts and ignores class 1–2", async () => {
    const mapping = { ...MAPPING, accounts: MAPPING.accounts.slice(0, 2) };
    const { reconciliation } = importLedger(await readFixture("psaldo-typ3.se"), mapping, T2_KR);
    expect(reconciliation.unmappedAccounts).toEqual([
      {
        account: "8400",
        name: "Räntekostnader",
        amounts: { actual: -300, actualPriorYear: 0, periodBudget: 0 },
      },
    ]);
    // 8400's object rows leave the Driftsredovisning with it: RR = DR by construction.
    expect(reconciliation.totals.actual).toEqual({
      ledger: -45_301.5,
      incomeStatement: -45_001.5,
      operatingStatement: -33_001.5,
    });
  });

  it("gives the typ-4 vouchers the same figures as the #PSALDO file", async () => {
    const balances = await readFixture("psaldo-typ3.se");
    const vouchers = await readFixture("verifikationer-typ4.se");
    for (const period of ["T1", "T2", "Helår"] as const) {
      const frame = { year: 2024, period, unit: "tkr" } as const;
      const a = importLedger(balances, MAPPING, frame);
      const b = importLedger(vouchers, MAPPING, frame);
      expect(b.posts).toEqual(a.posts);
      expect(b.activities).toEqual(a.activities);
      expect(b.reconciliation.totals).toEqual(a.reconciliation.totals);
      expect(b.reconciliation.unmappedObjects).toEqual(a.reconciliation.unmappedObjects);
    }
  });

  it("gives a CSV export the same utfall, and leaves Periodbudget untouched", async () => {
    const sie = importLedger(await readFixture("psaldo-typ3.se"), MAPPING, T2_KR);
    for (const file of ["huvudbok-utf8.csv", "huvudbok-windows-1252.csv"]) {
      const csv = importLedger(await readFixture(file), MAPPING, T2_KR);
      expect(csv.columnsWithoutData).toEqual(["periodBudget"]);
      const withoutBudget = (rows: LedgerImport["posts"]) =>
        rows.map(({ name, amounts }) => ({
          name,
          amounts: { actual: amounts.actual, actualPriorYear: amounts.actualPriorYear },
        }));
      expect(csv.posts).toEqual(withoutBudget(sie.posts));
      expect(csv.activities).toEqual(withoutBudget(sie.activities));
    }
  });

  it("reads a CSV's bare months and missing period as the workbook's År", async () => {
    const text = "Konto;Ansvar;Period;Belopp\n3010;150;4;-100\n3010;;9;-50\n";
    const ledger = await readLedger("utfall.csv", [new TextEncoder().encode(text)]);
    const result = importLedger(ledger, MAPPING, T2_KR);
    expect(result.columns).toEqual(["actual"]);
    expect(byName(result.posts)["Verksamhetens intäkter"]).toEqual({ actual: 100 });
    expect(byName(result.activities).Äldreomsorg).toEqual({ actual: 100 });
    const whole = await readLedger("period.csv", [
      new TextEncoder().encode("Konto;Belopp\n3010;-100\n"),
    ]);
    expect(byName(importLedger(whole, MAPPING, T2_KR).posts)["Verksamhetens intäkter"]).toEqual({
      actual: 100,
    });
  });

  it("refuses a file without the workbook's År, naming the years it has", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    expect(() => importLedger(ledger, MAPPING, { year: 2026, period: "T2", unit: "kr" })).toThrow(
      "psaldo-typ3.se innehåller inte år 2026, arbetsbokens År (filen har 2023, 2024). " +
        "Exportera 2026 från ekonomisystemet, eller välj arbetsboken för rätt år, och försök igen."
    );
  });

  it("leaves a column without data untouched: a year without year −1", async () => {
    const result = importLedger(await readFixture("psaldo-typ3.se"), MAPPING, {
      year: 2023,
      period: "T2",
      unit: "kr",
    });
    expect(result.columnsWithoutData).toEqual(["actualPriorYear", "periodBudget"]);
    expect(byName(result.posts)["Verksamhetens intäkter"]).toEqual({ actual: 18_000 });
  });
});
