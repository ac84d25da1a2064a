import fc from "fast-check";
import {
  convertAmount,
  reportUnitOf,
  shownAsZero,
  shownDecimals,
  type AmountUnit,
} from "../../src/core/amountUnit";
import { formatAmountWithUnit, roundShown } from "../../src/core/format";
import {
  ROUNDING_NOTE,
  roundingDiffers,
  withRoundingNote,
} from "../../src/core/report/roundingNote";
import { reportAmounts } from "../../src/core/report/reportUnit";
import { analyse, generateReport } from "../../src/core/pipeline";
import { makeSnapshot } from "../helpers/snapshot";
import type { SnapshotTable } from "../../src/core/snapshot";
import { findings } from "./validate/run";

const NBSP = "\u00a0";
const UNITS: readonly AmountUnit[] = ["kr", "tkr", "mnkr"];

describe("amount units", () => {
  it("report in Rapportenhet, else Enhet, and kronor in mnkr", () => {
    expect(reportUnitOf("kr", null)).toBe("mnkr");
    expect(reportUnitOf("tkr", null)).toBe("tkr");
    expect(reportUnitOf("mnkr", null)).toBe("mnkr");
    expect(reportUnitOf("kr", "tkr")).toBe("tkr");
    expect(reportUnitOf("mnkr", "tkr")).toBe("tkr");
    expect(reportUnitOf("tkr", "mnkr")).toBe("mnkr");
  });

  it("show mnkr with one decimal, tkr and kr whole, an unknown unit with one", () => {
    expect(formatAmountWithUnit(-51.24, "mnkr")).toBe(`\u221251,2${NBSP}mnkr`);
    expect(formatAmountWithUnit(-51240.4, "tkr")).toBe(`\u221251${NBSP}240${NBSP}tkr`);
    expect(formatAmountWithUnit(727686123.37, "kr")).toBe(`727${NBSP}686${NBSP}123${NBSP}kr`);
    expect(formatAmountWithUnit(5, null)).toBe("5,0");
    expect(shownDecimals(null)).toBe(1);
    expect(shownAsZero("tkr")).toBe(0.5);
    expect(shownAsZero("mnkr")).toBeCloseTo(0.05, 12);
  });

  it("convert there and back without loss, and without the noise of the scaling", () => {
    expect(convertAmount(727.7, "mnkr", "tkr")).toBe(727700);
    expect(convertAmount(727686123.37, "kr", "mnkr")).toBe(727.68612337);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...UNITS),
        (ore, from, to) => {
          const value = convertAmount(ore / 100, "kr", from);
          const back = convertAmount(convertAmount(value, from, to), to, from);
          expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
        }
      )
    );
  });

  it("round as shown, half away from zero", () => {
    expect(roundShown(-0.04, 1)).toBe(0);
    expect(roundShown(-2.25, 1)).toBe(-2.3);
    expect(roundShown(1499.5, 0)).toBe(1500);
  });
});

describe("Avrundningsdifferenser kan förekomma", () => {
  const sums = (rows: number[], sum = rows.reduce((a, b) => a + b, 0)) => [
    { sum: { x: sum }, rows: rows.map((x) => ({ x })) },
  ];

  it("is said when the printed rows do not add up to the printed sum", () => {
    // 1,4 + 1,4 = 2,8 exact, printed 1 + 1 beside 3.
    expect(roundingDiffers(sums([1.4, 1.4]), ["x"], 0)).toBe(true);
    expect(roundingDiffers(sums([1.4, 1.4]), ["x"], 1)).toBe(false);
    expect(roundingDiffers(sums([1, 2]), ["x"], 0)).toBe(false);
    expect(withRoundingNote({ kind: "spacer" }, true)).toEqual([
      { kind: "spacer" },
      { kind: "paragraph", text: ROUNDING_NOTE, style: "note" },
    ]);
  });

  it("is not said for a gap no rounding explains, nor for an empty sum", () => {
    expect(roundingDiffers(sums([1, 2], 10), ["x"], 0)).toBe(false);
    expect(roundingDiffers([{ sum: { x: null }, rows: [{ x: 1.4 }] }], ["x"], 0)).toBe(false);
  });

  it("is said exactly when it is true of the printed figures (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        (tenths) => {
          const rows = tenths.map((t) => t / 10);
          const printed = rows.reduce((a, v) => a + Math.round(Math.abs(v)) * Math.sign(v), 0);
          const exact = Math.round(Math.abs(rows.reduce((a, v) => a + v, 0)) + 1e-9);
          const sumPrinted = Math.sign(rows.reduce((a, v) => a + v, 0)) * exact;
          expect(roundingDiffers(sums(rows), ["x"], 0)).toBe(printed !== sumPrinted);
        }
      )
    );
  });
});

describe("the report unit", () => {
  const ledgers = (unit: string, factor: number) =>
    makeSnapshot(
      {
        incomeStatement: [
          {
            Post: "Taxor",
            Typ: "Intäkt",
            "Utfall period": 1.44 * factor,
            "Budget helår": 2 * factor,
            "Prognos helår": 2.44 * factor,
          },
          {
            Post: "Personal",
            Typ: "Kostnad",
            "Utfall period": -1.44 * factor,
            "Budget helår": -2 * factor,
            "Prognos helår": -2.44 * factor,
          },
        ],
        operatingStatement: [
          { Verksamhet: "Hemtjänst", "Utfall period": 0, "Budget helår": 0, "Prognos helår": 0 },
        ],
      },
      { unit, materialAmount: 1 * factor }
    );

  /** The rows with the setting's Värde set: the template's own row when it has one (v3), else one added. */
  const withSetting = (rows: SnapshotTable["rows"], label: string, value: string) =>
    rows.some((r) => r[0] === label)
      ? rows.map((r) => (r[0] === label ? [label, value] : r))
      : [...rows, [label, value]];

  it("is Rapportenhet when given: a kr workbook in tkr, its threshold too", () => {
    const analysis = analyse(
      {
        ...ledgers("kr", 1e6),
        tables: ledgers("kr", 1e6).tables.map((t) =>
          t.name === "tblInstallningar" ? { ...t, rows: withSetting(t.rows, "Rapportenhet", "tkr") } : t
        ),
      },
      { today: new Date(Date.UTC(2024, 8, 20)) }
    );
    const amounts = reportAmounts(analysis.model.settings.values, analysis.rollup);
    expect(amounts.unit).toBe("tkr");
    expect(amounts.format).toBe("wholeAmount");
    expect(amounts.thresholds.amount).toBe(1000);
    expect(amounts.rollup.incomeStatement.income.actual).toBe(1440);
    // The rules judged the kronor: the roll-up they used is untouched.
    expect(analysis.rollup.incomeStatement.income.actual).toBe(1.44e6);
    const summary = generateReport(analysis).summary;
    expect(summary).toContain(`minst 1${NBSP}000${NBSP}tkr`);
  });

  it("is mnkr or tkr: another Rapportenhet is a fel at its cell, and the report keeps Enhet", () => {
    const found = findings({}, { reportUnit: "kr" }).filter(
      (f) => f.code === "installning-ogiltig"
    );
    expect(found).toEqual([expect.objectContaining({ severity: "fel", sheet: "Inställningar" })]);
    expect(found[0].message).toContain("Rapportenhet");
    expect(found[0].message).toContain("Välj mnkr eller tkr.");
    const analysis = analyse(makeSnapshot({}, { unit: "tkr", reportUnit: "kr" }));
    expect(reportAmounts(analysis.model.settings.values, analysis.rollup).unit).toBe("tkr");
  });

  it("is mnkr for a kr workbook without Rapportenhet", () => {
    const analysis = analyse(ledgers("kr", 1e6), { today: new Date(Date.UTC(2024, 8, 20)) });
    expect(reportAmounts(analysis.model.settings.values, analysis.rollup).unit).toBe("mnkr");
    expect(generateReport(analysis).summary).toContain(`minst 1,0${NBSP}mnkr`);
  });
});
