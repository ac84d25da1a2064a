/**
 * The report's roll-up in another unit is the roll-up of the same workbook entered in that unit:
 * every amount scaled, shares and volumes as they are, the same rows material.
 */
import fc from "fast-check";
import { analyse } from "../../../src/core/pipeline";
import { rollupInUnit } from "../../../src/core/rollup/inUnit";
import type { Rollup } from "../../../src/core/rollup/rollup";
import { makeSnapshot } from "../../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 20));
const amount = fc.integer({ min: -50_000, max: 50_000 }).map((tenths) => tenths / 10);

/** A T2 workbook in `unit`: its amounts (given in mnkr) times `factor`. */
function workbook(
  rows: readonly (readonly [number, number, number, number])[],
  unit: string,
  factor: number
) {
  const ledger = (
    label: string,
    i: number,
    [actual, budget, forecast, previous]: readonly number[]
  ) => ({
    [label]: `Rad ${i + 1}`,
    "Utfall period": actual * factor,
    "Budget helår": budget * factor,
    "Prognos helår": forecast * factor,
    "Prognos föregående tertial": previous * factor,
  });
  return makeSnapshot(
    {
      incomeStatement: rows.map((r, i) => ({ ...ledger("Post", i, r), Typ: "Kostnad" })),
      operatingStatement: rows.map((r, i) => ledger("Verksamhet", i, r)),
      investments: rows.map(([actual, budget, forecast]) => ({
        Investering: "Inventarier",
        "Utfall period": actual * factor,
        "Budget helår": budget * factor,
        "Prognos helår": forecast * factor,
      })),
      volumes: rows.map(([a, b]) => ({
        Verksamhet: "Hemtjänst",
        Volymenhet: "Timmar",
        "Volym budget": 100,
        "Volym prognos": 104,
        "Avvikelse belopp": (a - b) * factor,
      })),
    },
    { unit, materialAmount: 5 * factor, materialPercent: 10 }
  );
}

/** Every number a report reads of the roll-up, by path; the cross-check's tolerance aside. */
function figures(rollup: Rollup): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const walk = (value: unknown, at: string): void => {
    if (typeof value === "number" || value === null) out[at] = value as number | null;
    else if (value instanceof Date) return;
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}.${i}`));
    else if (typeof value === "object")
      for (const [k, v] of Object.entries(value as object))
        if (k !== "line" && k !== "tolerance" && k !== "row") walk(v, `${at}.${k}`);
  };
  walk(rollup, "");
  return out;
}

describe("rollupInUnit", () => {
  it("gives the roll-up of the workbook entered in the other unit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount, amount, amount, amount), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const mnkr = analyse(workbook(rows, "mnkr", 1), { today: TODAY }).rollup;
          const tkr = analyse(workbook(rows, "tkr", 1000), { today: TODAY }).rollup;
          const scaled = figures(rollupInUnit(mnkr, "mnkr", "tkr"));
          const entered = figures(tkr);
          expect(Object.keys(scaled)).toEqual(Object.keys(entered));
          for (const [at, want] of Object.entries(entered)) {
            const got = scaled[at];
            if (want === null) expect(got).toBeNull();
            else
              expect(Math.abs((got ?? NaN) - want)).toBeLessThanOrEqual(
                1e-6 * Math.max(1, Math.abs(want))
              );
          }
        }
      ),
      { numRuns: 40 }
    );
  });

  it("is the same roll-up when the units are alike", () => {
    const rollup = analyse(workbook([[1, 2, 3, 4]], "tkr", 1), { today: TODAY }).rollup;
    expect(rollupInUnit(rollup, "tkr", "tkr")).toBe(rollup);
  });
});
