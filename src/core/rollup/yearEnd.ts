/**
 * The year's figure of a ledger or investment row: what the report compares with the budget.
 * Until the year has closed it is the forecast (Prognos helår); at Helår the year is over and
 * the report is a verksamhetsberättelse, so it is the outcome (Utfall period, cumulative from
 * 1 January: the whole year). This is the one place that choice is made; deviations, väsentliga
 * avvikelser, Prognosförändring and the report's wording all follow `basis`.
 */
import type { Period } from "../template/lists";

export type YearEndBasis = "forecast" | "outcome";

export function yearEndBasis(period: Period | null): YearEndBasis {
  return period === "Helår" ? "outcome" : "forecast";
}

export function yearEndValue(
  basis: YearEndBasis,
  figures: { readonly forecast: number | null; readonly actual: number | null }
): number | null {
  return basis === "outcome" ? figures.actual : figures.forecast;
}
