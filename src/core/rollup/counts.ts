/** Counts for the risk picture and the internal-control report: all from the data, never typed. */
import type { Action, Control, Risk } from "../model";
import { LISTS, type ActionStatus, type ControlResult, type Treatment } from "../template/lists";

export interface RiskCounts {
  readonly total: number;
  readonly byTreatment: Readonly<Record<Treatment, number>>;
  /** Risks whose Riskhantering is empty or not one of the list's values. */
  readonly withoutTreatment: number;
}

export interface ActionCounts {
  readonly total: number;
  readonly byStatus: Readonly<Record<ActionStatus, number>>;
  readonly withoutStatus: number;
  /** Ej påbörjad or Pågående, and the Slutdatum is before the end of the period. */
  readonly overdue: number;
}

export interface ControlCounts {
  readonly total: number;
  readonly byResult: Readonly<Record<ControlResult, number>>;
  /** Controls without a (valid) Resultat. */
  readonly withoutResult: number;
}

function tally<T extends string>(
  allowed: readonly T[],
  values: readonly (T | null)[]
): { byValue: Record<T, number>; missing: number } {
  const byValue = Object.fromEntries(allowed.map((v) => [v, 0])) as Record<T, number>;
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else byValue[v]++;
  }
  return { byValue, missing };
}

export function countRisks(risks: readonly Risk[]): RiskCounts {
  const { byValue, missing } = tally(
    LISTS.riskhantering,
    risks.map((r) => r.cells.treatment.value)
  );
  return { total: risks.length, byTreatment: byValue, withoutTreatment: missing };
}

const OPEN: ReadonlySet<ActionStatus | null> = new Set<ActionStatus>(["Ej påbörjad", "Pågående"]);

/** Ej påbörjad or Pågående, with a Slutdatum before `asOf` (the last day of the period). */
export function isOverdue(action: Action, asOf: Date): boolean {
  const end = action.cells.endDate.value;
  return OPEN.has(action.cells.status.value) && end !== null && end.getTime() < asOf.getTime();
}

/** `asOf` null (År or Period missing): no action can be judged overdue. */
export function countActions(actions: readonly Action[], asOf: Date | null): ActionCounts {
  const { byValue, missing } = tally(
    LISTS.atgardsstatus,
    actions.map((a) => a.cells.status.value)
  );
  const overdue = asOf === null ? 0 : actions.filter((a) => isOverdue(a, asOf)).length;
  return { total: actions.length, byStatus: byValue, withoutStatus: missing, overdue };
}

export function countControls(controls: readonly Control[]): ControlCounts {
  const { byValue, missing } = tally(
    LISTS.kontrollresultat,
    controls.map((c) => c.cells.result.value)
  );
  return { total: controls.length, byResult: byValue, withoutResult: missing };
}
