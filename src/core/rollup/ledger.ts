/**
 * Budget follow-up figures of one ledger row (resultaträkning, driftsredovisning) or of a sum of
 * rows, with the two deviations the report shows.
 */
import type { LedgerAmounts, ModelRow } from "../model";
import { DEVIATION } from "../template/columns";
import { difference, sumPresent } from "./sum";

export interface LedgerFigures {
  readonly priorYear: number | null;
  readonly actualPriorYear: number | null;
  readonly actual: number | null;
  readonly periodBudget: number | null;
  readonly budget: number | null;
  readonly forecast: number | null;
  /** Prognos helår − Budget helår; negative is worse than budget. */
  readonly deviation: number | null;
  /** Utfall period − Periodbudget, where a periodbudget is given. */
  readonly periodDeviation: number | null;
}

/** The amount columns that are summed; the deviations are derived from the sums. */
export const LEDGER_AMOUNT_KEYS = [
  "priorYear",
  "actualPriorYear",
  "actual",
  "periodBudget",
  "budget",
  "forecast",
] as const;

export type LedgerAmountKey = (typeof LEDGER_AMOUNT_KEYS)[number];

type Amounts = Record<LedgerAmountKey, number | null>;

function withDeviations(amounts: Amounts): LedgerFigures {
  return {
    ...amounts,
    deviation: DEVIATION.compute(amounts),
    periodDeviation: difference(amounts.actual, amounts.periodBudget),
  };
}

export function ledgerFigures(line: ModelRow<LedgerAmounts>): LedgerFigures {
  const amounts = {} as Amounts;
  for (const key of LEDGER_AMOUNT_KEYS) amounts[key] = line.cells[key].value;
  return withDeviations(amounts);
}

/** Column sums; the deviations of a sum are those of its summed budget and forecast. */
export function sumFigures(figures: readonly LedgerFigures[]): LedgerFigures {
  const amounts = {} as Amounts;
  for (const key of LEDGER_AMOUNT_KEYS) amounts[key] = sumPresent(figures.map((f) => f[key]));
  return withDeviations(amounts);
}
