/** Period dates. All outcomes are cumulative from 1 January; dates are UTC midnight. */
import type { Period } from "./template/lists";

const LAST_MONTH: Record<Period, number> = { T1: 4, T2: 8, Helår: 12 };

/** The last day of the period, e.g. T2 2024 → 2024-08-31. */
export function periodEnd(year: number, period: Period): Date {
  return new Date(Date.UTC(year, LAST_MONTH[period], 0));
}

export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/** T1 ≤ T2 ≤ Helår: is something due at `timing` due by the end of `period`? */
export function isDueBy(timing: Period, period: Period): boolean {
  return LAST_MONTH[timing] <= LAST_MONTH[period];
}

/**
 * The tertial before `period` in the same year (T2 → T1, Helår → T2); null for T1, whose
 * forecast has no predecessor: forecasts start over at the year end.
 */
export function previousTertial(period: Period): Period | null {
  return period === "T2" ? "T1" : period === "Helår" ? "T2" : null;
}

/** A period of a year: what a workbook's År and Period name. */
export interface PeriodOf {
  readonly year: number;
  readonly period: Period;
}

/** T1 → T2 → Helår → T1 of the next year. */
export function followingPeriod({ year, period }: PeriodOf): PeriodOf {
  if (period === "T1") return { year, period: "T2" };
  if (period === "T2") return { year, period: "Helår" };
  return { year: year + 1, period: "T1" };
}

/** The period before: T2 → T1, Helår → T2, T1 → Helår of År − 1 (the one Ny period closed). */
export function precedingPeriod({ year, period }: PeriodOf): PeriodOf {
  if (period === "T1") return { year: year - 1, period: "Helår" };
  return { year, period: period === "T2" ? "T1" : "T2" };
}
