/**
 * Budget follow-up figures of one ledger row (resultaträkning, driftsredovisning) or of a sum of
 * rows, with the two deviations the report shows.
 */
import type { LedgerAmounts, ModelRow } from "../model";
import { DEVIATION, LEDGER_AMOUNTS } from "../template/columns";
import { difference, sumPresent } from "./sum";

/** The amount columns that are summed: every ledger amount of the template. */
export const LEDGER_AMOUNT_KEYS = LEDGER_AMOUNTS.map((column) => column.key);

export type LedgerAmountKey = (typeof LEDGER_AMOUNTS)[number]["key"];

/** Every ledger amount, and the deviations derived from them. */
export type LedgerFigures = Readonly<Record<LedgerAmountKey, number | null>> & {
  /** Prognos helår − Budget helår; negative is worse than budget. */
  readonly deviation: number | null;
  /** Utfall period − Periodbudget, where a periodbudget is given. */
  readonly periodDeviation: number | null;
};

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
