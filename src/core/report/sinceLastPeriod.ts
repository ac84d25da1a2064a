/**
 * What changed since the last period, as Historik tells it (issue 10): which åtgärder changed
 * status or are new, which risks are new or have another riskvärde, and when each kontroll was
 * reported. Historik records a status, a Sannolikhet, a Konsekvens and a Resultat when it is new
 * or changed, so its latest record before this period is the value of the period before, and a
 * row it knows nothing of is new. Null for a workbook whose Historik holds no earlier period (a
 * first T1, a version-1 workbook): its report looks as it always has.
 */
import { historyColumn, historyLookup, isBefore, readHistory } from "../history/history";
import type { Action, Control, Model, ModelCell, Risk } from "../model";
import { readText } from "../parse/values";
import { isDueBy } from "../period";
import { RISK_SCORE } from "../template/columns";
import type { Period } from "../template/lists";

export type ActionChange =
  | { readonly kind: "new" }
  | { readonly kind: "status"; readonly from: string; readonly to: string };

/** When a kontroll was (or will be) reported, seen from this period. */
export type ControlReporting =
  | { readonly when: "now" }
  | { readonly when: "earlier"; readonly period: Period }
  | { readonly when: "later"; readonly period: Period };

export interface SinceLastPeriod {
  /** The period before this one as the report names it: "T1", or "Helår 2023" across a year end. */
  readonly label: string;
  /** This period. */
  readonly year: number;
  readonly period: Period;
  actionChange(action: Action): ActionChange | null;
  isNewRisk(risk: Risk): boolean;
  /** The riskvärde of the period before, when it differs from this one's; else null. */
  previousScore(risk: Risk): number | null;
  reporting(control: Control): ControlReporting;
}

export interface ChangeCounts {
  readonly newRisks: number;
  readonly rescoredRisks: number;
  readonly newActions: number;
  readonly changedActions: number;
}

const ACTION_STATUS = historyColumn("actions", "status");
const LIKELIHOOD = historyColumn("risks", "likelihood");
const IMPACT = historyColumn("risks", "impact");
const RESULT = historyColumn("controls", "result");

/** A row's key as Ny period wrote it into Historik's Nyckel. */
const keyOf = (cell: ModelCell<unknown>) => readText(cell.raw);

/**
 * A kontroll without a result: planned later when its Tidpunkt is after `period` (no result is
 * missing yet), else due now. An unreadable result is a finding of this period's: due now.
 * Needs no Historik, so a first T1 tells its T2 and Helår kontroller apart too.
 */
export function plannedReporting(control: Control, period: Period): ControlReporting {
  const { timing, result } = control.cells;
  const planned = timing.value;
  return result.value === null &&
    readText(result.raw) === null &&
    planned !== null &&
    planned !== "Löpande" &&
    !isDueBy(planned, period)
    ? { when: "later", period: planned }
    : { when: "now" };
}

export function sinceLastPeriod(model: Model): SinceLastPeriod | null {
  const { year, period } = model.settings.values;
  if (year === null || period === null) return null;
  const now = { year, period };
  // A row whose År cannot be read belongs to no period the report could name.
  const earlier = readHistory(model).filter((r) => Number.isFinite(r.year) && isBefore(r, now));
  if (earlier.length === 0) return null;
  const last = earlier.reduce((a, b) => (isBefore(a, b) ? b : a));
  const lookup = historyLookup(earlier);

  const number = (table: string, key: string, column: string) => {
    const v = lookup.latest(table, key, column);
    return typeof v === "number" ? v : null;
  };

  return {
    label: last.year === year ? last.period : `${last.period} ${last.year}`,
    year,
    period,
    actionChange(action) {
      const id = keyOf(action.cells.id);
      const to = action.cells.status.value;
      if (id === null || to === null) return null;
      if (!lookup.knows(ACTION_STATUS.table, id)) return { kind: "new" };
      const from = readText(lookup.latest(ACTION_STATUS.table, id, ACTION_STATUS.column) ?? null);
      return from !== null && from !== to ? { kind: "status", from, to } : null;
    },
    isNewRisk(risk) {
      const id = keyOf(risk.cells.id);
      return id !== null && !lookup.knows(LIKELIHOOD.table, id);
    },
    previousScore(risk) {
      const id = keyOf(risk.cells.id);
      if (id === null) return null;
      const before = RISK_SCORE.compute({
        likelihood: number(LIKELIHOOD.table, id, LIKELIHOOD.column),
        impact: number(IMPACT.table, id, IMPACT.column),
      });
      const score = RISK_SCORE.compute({
        likelihood: risk.cells.likelihood.value,
        impact: risk.cells.impact.value,
      });
      return before !== null && score !== null && before !== score ? before : null;
    },
    reporting(control) {
      const { id, timing, result } = control.cells;
      const key = keyOf(id);
      if (result.value === null) return plannedReporting(control, period);
      // A Löpande kontroll is reported anew each period; another one was reported earlier when
      // Historik recorded this very result for it earlier this year (later changes are new).
      if (key === null || timing.value === "Löpande") return { when: "now" };
      const reported = lookup.latestRecord(RESULT.table, key, RESULT.column);
      return reported && reported.year === year && readText(reported.value) === result.value
        ? { when: "earlier", period: reported.period }
        : { when: "now" };
    },
  };
}

export function countChanges(
  since: SinceLastPeriod,
  risks: readonly Risk[],
  actions: readonly Action[]
): ChangeCounts {
  const changes = actions.map((a) => since.actionChange(a)?.kind);
  return {
    newRisks: risks.filter((r) => since.isNewRisk(r)).length,
    rescoredRisks: risks.filter((r) => since.previousScore(r) !== null).length,
    newActions: changes.filter((k) => k === "new").length,
    changedActions: changes.filter((k) => k === "status").length,
  };
}
