/**
 * Budget follow-up figures of one ledger row (resultaträkning, driftsredovisning) or of a sum of
 * rows, with the year's figure (yearEnd.ts) and what the report derives from it.
 */
import type { LedgerAmounts, ModelRow } from "../model";
import { LEDGER_AMOUNTS, PREVIOUS_FORECAST } from "../template/columns";
import { difference, sumPresent } from "./sum";
import { yearEndValue, type YearEndBasis } from "./yearEnd";

/**
 * The amount columns that are summed: every ledger amount of the template, Prognos föregående
 * tertial among them (a version-1 workbook lacks it: null).
 */
export const LEDGER_AMOUNT_KEYS = [
  ...LEDGER_AMOUNTS.map((column) => column.key),
  PREVIOUS_FORECAST.key,
];

export type LedgerAmountKey = (typeof LEDGER_AMOUNTS)[number]["key"] | typeof PREVIOUS_FORECAST.key;

/** Every ledger amount, and the figures derived from them. */
export type LedgerFigures = Readonly<Record<LedgerAmountKey, number | null>> & {
  /** The year's figure: Prognos helår, or at Helår Utfall period (yearEnd.ts). */
  readonly yearEnd: number | null;
  /** The year's figure − Budget helår; negative is worse than budget. */
  readonly deviation: number | null;
  /** Utfall period − Periodbudget, where a periodbudget is given. */
  readonly periodDeviation: number | null;
  /**
   * The year's figure − Prognos föregående tertial: negative, the forecast got worse since the
   * last tertial (at Helår: the outcome was worse than the T2 forecast). Null without both.
   */
  readonly forecastChange: number | null;
};

type Amounts = Record<LedgerAmountKey, number | null>;

function derived(amounts: Amounts, yearEnd: number | null): LedgerFigures {
  return {
    ...amounts,
    yearEnd,
    deviation: difference(yearEnd, amounts.budget),
    periodDeviation: difference(amounts.actual, amounts.periodBudget),
    forecastChange: difference(yearEnd, amounts.previousForecast),
  };
}

export function ledgerFigures(line: ModelRow<LedgerAmounts>, basis: YearEndBasis): LedgerFigures {
  const amounts = {} as Amounts;
  for (const key of LEDGER_AMOUNT_KEYS) amounts[key] = line.cells[key].value;
  return derived(amounts, yearEndValue(basis, amounts));
}

/**
 * Column sums; a sum's derived figures are those of its sums (its deviation is summed year's
 * figure − summed budget, its Prognosförändring summed year's figure − summed previous forecast).
 */
export function sumFigures(figures: readonly LedgerFigures[]): LedgerFigures {
  const amounts = {} as Amounts;
  for (const key of LEDGER_AMOUNT_KEYS) amounts[key] = sumPresent(figures.map((f) => f[key]));
  return derived(amounts, sumPresent(figures.map((f) => f.yearEnd)));
}
