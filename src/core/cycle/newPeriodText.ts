/** Ny period's words, the same in the CLI and the task pane. */
import type { NewPeriodSummary } from "./plan";
import type { PeriodOf } from "./nextPeriod";
import { severityCount } from "../text/findingCounts";
import { joinSwedish } from "../text/swedishWords";

/** "T2 2024". */
export const periodName = ({ year, period }: PeriodOf): string => `${period} ${year}`;

/** "Historik fick 120 nya rader (340 totalt)." */
export function historySentence(summary: NewPeriodSummary): string {
  return `Historik fick ${summary.historyAdded} nya rader (${summary.historyTotal} totalt).`;
}

/**
 * A dropped åtgärd by its Nyckel in Historik: the Åtgärds-ID, or for one without (Nyckel
 * `rad 12`, src/core/cycle/historyKeys.ts) its row, so that the user can find it in both places.
 */
function droppedActionName(key: string): string {
  const row = /^rad (\d+)$/.exec(key)?.[1];
  return row === undefined
    ? key
    : `åtgärden utan Åtgärds-ID på rad ${row} (i Historik som "${key}")`;
}

/** The åtgärder left behind at the year end, or "" when none were. */
export function droppedActionsSentence(summary: NewPeriodSummary): string {
  if (summary.droppedActions.length === 0) return "";
  return (
    `Avslutade och avbrutna åtgärder följer inte med till ${summary.next.year} ` +
    `(finns kvar i Historik): ${joinSwedish(summary.droppedActions.map(droppedActionName))}.`
  );
}

/** "T2 2024.xlsx har 3 fel. Värdena förs över som de står; rätta dem i den nya arbetsboken" */
export function carriedFelSentence(workbookName: string, fel: number): string {
  return (
    `${workbookName} har ${severityCount("fel", fel)}. Värdena förs över som de står; ` +
    "rätta dem i den nya arbetsboken"
  );
}

/**
 * What the new workbook lacks, one line per item: "Följde inte med: bladet Resultaträkning, cell
 * N7: en kommentar …". Empty when everything was carried.
 */
export function notCarriedLines(summary: NewPeriodSummary): string[] {
  return summary.notCarried.map(
    (item) => `Följde inte med: bladet ${item.sheet}, ${item.where}: ${item.what}.`
  );
}
