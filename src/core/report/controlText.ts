/** The counts sentence of the internal-control report, from the data. */
import type { ControlCounts } from "../rollup/counts";
import type { ControlResult, Period } from "../template/lists";
import { capitalize, countPhrase, joinSwedish, numberWord } from "../text/swedishWords";

const RESULT_CLAUSES: ReadonlyArray<readonly [ControlResult, string]> = [
  ["Kontroll genomförd utan avvikelse", "har genomförts utan avvikelse"],
  ["Kontroll genomförd med mindre avvikelse", "har genomförts med mindre avvikelse"],
  ["Kontroll genomförd med stor avvikelse", "har genomförts med stor avvikelse"],
  ["Kontroll ej genomförd", "har inte genomförts"],
];

/**
 * `planned`: kontroller planned for a later period (from T2 on, when the report knows it), not
 * in `controls.withoutResult`: they have no result yet, and none is missing.
 */
export function controlCountsText(controls: ControlCounts, planned = 0): string {
  if (controls.total === 0) return "Internkontrollplanen innehåller inga kontroller.";
  const parts = RESULT_CLAUSES.filter(([result]) => controls.byResult[result] > 0).map(
    ([result, clause]) => `${numberWord(controls.byResult[result])} ${clause}`
  );
  if (controls.withoutResult > 0)
    parts.push(`${numberWord(controls.withoutResult)} saknar resultat`);
  if (planned > 0) parts.push(`${numberWord(planned)} ${plannedLater(planned)}`);
  const plan = `Internkontrollplanen innehåller ${countPhrase(controls.total, "kontroll", "kontroller")}.`;
  const all = controls.total === 1 ? "Den" : "Samtliga";
  if (controls.withoutResult === controls.total) return `${plan} ${all} saknar resultat.`;
  if (planned === controls.total) return `${plan} ${all} ${plannedLater(planned)}.`;
  const single = RESULT_CLAUSES.find(([result]) => controls.byResult[result] === controls.total);
  if (single) {
    if (controls.total === 1) return `${plan} Den ${single[1]}.`;
    return single[0] === "Kontroll ej genomförd"
      ? `${plan} Ingen av dem har genomförts.`
      : `${plan} Samtliga ${single[1]}.`;
  }
  return `${plan} ${capitalize(joinSwedish(parts))}.`;
}

const plannedLater = (n: number) => `är ${n === 1 ? "planerad" : "planerade"} senare under året`;

/** "i T2", "vid helår": when a kontroll is reported, as a sentence or a heading says it. */
export function reportedWhen(period: Period): string {
  return period === "Helår" ? "vid helår" : `i ${period}`;
}

/**
 * Kontroller by when they are reported: `now` counts the rows of this period's table, `missing`
 * those of them without a result, so the sentence counts what the table shows.
 */
export interface ReportingCounts {
  readonly now: number;
  readonly missing: number;
  readonly earlier: number;
  readonly later: number;
}

/**
 * "Fyra kontroller har rapporterats i T2 2024, en rapporterades tidigare under året och en är
 * planerad senare under året." With results missing: "Fyra kontroller ska rapporteras i T2 2024
 * (en saknar resultat), …".
 */
export function controlReportingText(
  period: Period,
  year: number,
  counts: ReportingCounts
): string {
  const when = `${reportedWhen(period)} ${year}`;
  const now = countPhrase(counts.now, "kontroll", "kontroller");
  const missing =
    counts.missing === counts.now
      ? counts.now === 1
        ? "den saknar resultat"
        : "samtliga saknar resultat"
      : `${numberWord(counts.missing)} saknar resultat`;
  const parts = [
    counts.now === 0
      ? `ingen kontroll har rapporterats ${when}`
      : counts.missing === 0
        ? `${now} har rapporterats ${when}`
        : `${now} ska rapporteras ${when} (${missing})`,
  ];
  if (counts.earlier > 0)
    parts.push(`${numberWord(counts.earlier)} rapporterades tidigare under året`);
  if (counts.later > 0) parts.push(`${numberWord(counts.later)} ${plannedLater(counts.later)}`);
  return `${capitalize(joinSwedish(parts))}.`;
}
