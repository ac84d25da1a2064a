/** Builds the context every rule gets: the Model, its roll-up, the period's dates and the day of the run. */
import type { Model } from "../model";
import { periodEnd, yearStart } from "../period";
import type { Rollup } from "../rollup/rollup";
import type { PeriodDates, RuleContext } from "./rule";

/** Years a workbook can plausibly be for; anything else is a typo (e.g. 24 or 20024). */
export const PLAUSIBLE_YEARS = { min: 2000, max: 2100 } as const;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/** The calendar day of a clock reading where it was taken (local time), as UTC midnight. */
export function calendarDay(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function periodDates(model: Model): PeriodDates | null {
  const { year, period } = model.settings.values;
  if (year === null || period === null || !isPlausibleYear(year)) return null;
  return { year, period, yearStart: yearStart(year), end: periodEnd(year, period) };
}

/** `today` is a calendar day as UTC midnight (see `calendarDay`); a time of day is dropped. */
export function ruleContext(model: Model, rollup: Rollup, today: Date): RuleContext {
  return { model, rollup, today: utcMidnight(today), period: periodDates(model), earlier: [] };
}
