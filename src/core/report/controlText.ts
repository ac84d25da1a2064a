/** The counts sentence of the internal-control report, from the data. */
import type { ControlCounts } from "../rollup/counts";
import type { ControlResult } from "../template/lists";
import { capitalize, countPhrase, joinSwedish, numberWord } from "../text/swedishWords";

const RESULT_CLAUSES: ReadonlyArray<readonly [ControlResult, string]> = [
  ["Kontroll genomförd utan avvikelse", "har genomförts utan avvikelse"],
  ["Kontroll genomförd med mindre avvikelse", "har genomförts med mindre avvikelse"],
  ["Kontroll genomförd med stor avvikelse", "har genomförts med stor avvikelse"],
  ["Kontroll ej genomförd", "har inte genomförts"],
];

export function controlCountsText(controls: ControlCounts): string {
  if (controls.total === 0) return "Internkontrollplanen innehåller inga kontroller.";
  const parts = RESULT_CLAUSES.filter(([result]) => controls.byResult[result] > 0).map(
    ([result, clause]) => `${numberWord(controls.byResult[result])} ${clause}`
  );
  if (controls.withoutResult > 0)
    parts.push(`${numberWord(controls.withoutResult)} saknar resultat`);
  const plan = `Internkontrollplanen innehåller ${countPhrase(controls.total, "kontroll", "kontroller")}.`;
  if (controls.withoutResult === controls.total)
    return `${plan} ${controls.total === 1 ? "Den saknar" : "Samtliga saknar"} resultat.`;
  const single = RESULT_CLAUSES.find(([result]) => controls.byResult[result] === controls.total);
  if (single) {
    if (controls.total === 1) return `${plan} Den ${single[1]}.`;
    return single[0] === "Kontroll ej genomförd"
      ? `${plan} Ingen av dem har genomförts.`
      : `${plan} Samtliga ${single[1]}.`;
  }
  return `${plan} ${capitalize(joinSwedish(parts))}.`;
}
