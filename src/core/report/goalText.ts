/**
 * The words of Uppföljning av mål: the counts sentence and a bedömning as word, symbol and colour.
 * At Helår the year is over and the words are its outcome ("uppfylldes"); during the year they
 * are the expected outcome for the year ("bedöms uppfyllas").
 */
import type { GoalAssessment, Period } from "../template/lists";
import type { Cell, StatusTone } from "./reportDoc";
import { capitalize, joinSwedish, numberWord } from "../text/swedishWords";

/** Every row of tblMal counts, whatever its Målnivå; no Bedömning counts as "ej bedömt". */
export interface GoalCounts {
  readonly total: number;
  readonly met: number;
  readonly partly: number;
  readonly notMet: number;
  readonly cannotAssess: number;
  readonly unassessed: number;
}

export function countGoals(assessments: readonly (GoalAssessment | null)[]): GoalCounts {
  const n = (a: GoalAssessment | null) => assessments.filter((x) => x === a).length;
  return {
    total: assessments.length,
    met: n("Uppfyllt"),
    partly: n("Delvis uppfyllt"),
    notMet: n("Ej uppfyllt"),
    cannotAssess: n("Kan inte bedömas"),
    unassessed: n(null),
  };
}

/**
 * "Två av fem mål bedöms uppfyllas, två delvis och ett inte." — the uppfyllda first, each other
 * count after it (mål is neuter: ett, två …); at Helår "… uppfylldes …".
 */
export function goalCountsText(counts: GoalCounts, period: Period | null): string {
  if (counts.total === 0) return "";
  const word = (n: number) => numberWord(n, "neuter");
  const met = counts.met === 0 ? "Inget" : capitalize(word(counts.met));
  const verb = period === "Helår" ? "uppfylldes" : "bedöms uppfyllas";
  const others = [
    { n: counts.partly, text: "delvis" },
    { n: counts.notMet, text: "inte" },
    { n: counts.cannotAssess, text: "kan inte bedömas" },
    { n: counts.unassessed, text: counts.unassessed === 1 ? "är ej bedömt" : "är ej bedömda" },
  ]
    .filter((o) => o.n > 0)
    .map((o) => `${word(o.n)} ${o.text}`);
  const opening = `${met} av ${word(counts.total)} mål ${verb}`;
  return others.length === 0 ? `${opening}.` : `${opening}, ${joinSwedish(others)}.`;
}

const MARKERS: Record<GoalAssessment, { symbol: string; tone: StatusTone }> = {
  Uppfyllt: { symbol: "●", tone: "utan-avvikelse" },
  "Delvis uppfyllt": { symbol: "▲", tone: "mindre-avvikelse" },
  "Ej uppfyllt": { symbol: "■", tone: "stor-avvikelse" },
  "Kan inte bedömas": { symbol: "○", tone: "saknas" },
};

/** "● Uppfyllt", coloured; "– Ej bedömt" for a mål without bedömning. */
export function assessmentCell(assessment: GoalAssessment | null): Cell {
  if (assessment === null) return { value: "– Ej bedömt", emphasis: "status.saknas" };
  const m = MARKERS[assessment];
  return { value: `${m.symbol} ${assessment}`, emphasis: `status.${m.tone}` };
}
