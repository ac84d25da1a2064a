/**
 * Väsentliga avvikelser: deviations at or over the workbook's thresholds (Väsentlig avvikelse
 * belopp / procent; Väsentlig avvikelse villkor says whether either one suffices, the default, or
 * both must be reached). Ranked by size so the report leads with the largest.
 */
import type { SettingValues } from "../model";

export interface MaterialityThresholds {
  /** In the workbook's unit; null when not set. */
  readonly amount: number | null;
  /** Percent of Budget helår; null when not set. */
  readonly percent: number | null;
  /** Belopp och procent: a deviation must reach both thresholds, not just one. */
  readonly both: boolean;
}

/**
 * A negative threshold is a finding (it would make every deviation material): it is not applied.
 * A missing or unknown villkor (a finding too) is the default, Belopp eller procent.
 */
export function thresholdsOf(settings: SettingValues): MaterialityThresholds {
  const usable = (value: number | null) => (value !== null && value >= 0 ? value : null);
  return {
    amount: usable(settings.materialAmount),
    percent: usable(settings.materialPercent),
    both: settings.materialCondition === "Belopp och procent",
  };
}

// A deviation of exactly the threshold counts; this absorbs floating-point noise in "at or over".
const EPSILON = 1e-9;

/** Deviation as a fraction of |budget| (−0.087 for −8.7 %); null when there is no budget to compare with. */
export function shareOfBudget(deviation: number, budget: number | null): number | null {
  return budget === null || budget === 0 ? null : deviation / Math.abs(budget);
}

/**
 * Judged by the thresholds that apply: a threshold that is not set does not, and the percent one
 * needs a budget to be a percent of. With none applying, nothing is material.
 */
export function isMaterialDeviation(
  deviation: number | null,
  budget: number | null,
  thresholds: MaterialityThresholds
): boolean {
  if (deviation === null || deviation === 0) return false;
  const reached: boolean[] = [];
  if (thresholds.amount !== null) reached.push(Math.abs(deviation) >= thresholds.amount - EPSILON);
  const share = shareOfBudget(deviation, budget);
  if (thresholds.percent !== null && share !== null)
    reached.push(Math.abs(share) * 100 >= thresholds.percent - EPSILON);
  if (reached.length === 0) return false;
  return thresholds.both ? reached.every(Boolean) : reached.some(Boolean);
}

export type DeviationSource = "incomeStatement" | "operatingStatement" | "investments";

export interface MaterialDeviation {
  readonly source: DeviationSource;
  /** Post, Verksamhet or Investering. */
  readonly label: string;
  readonly budget: number | null;
  /** The year's figure the deviation is taken from: Prognos helår, or at Helår the outcome. */
  readonly yearEnd: number | null;
  readonly deviation: number;
  /** Deviation as a fraction of |budget|; null when budget is 0 or missing. */
  readonly share: number | null;
  readonly comment: string | null;
  /**
   * Kommentar holds something. An error value there shows no comment in the report, yet needs no
   * "explain it" finding: the error value is a finding of its own.
   */
  readonly commented: boolean;
  readonly sheet: string;
  /** 1-based sheet row, for naming a row without a label. */
  readonly row: number;
  /** The row's Kommentar cell: where the explanation belongs. */
  readonly commentCell: string;
}

/** Largest |deviation| first; equal sizes keep table and row order (Array.prototype.sort is stable). */
export function rankDeviations(deviations: readonly MaterialDeviation[]): MaterialDeviation[] {
  return [...deviations].sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation));
}
