/**
 * The counts sentences of the risk picture, worded as document 001 words them ("Fem risker har
 * identifierats … och samtliga har status Hantera. Uppföljningen visar att fem åtgärder pågår och att
 * tre åtgärder har avslutats under perioden."), but counted from the data.
 */
import type { ActionCounts, RiskCounts } from "../rollup/counts";
import { LISTS } from "../template/lists";
import { capitalize, countPhrase, joinSwedish, numberWord } from "../text/swedishWords";
import type { ChangeCounts } from "./sinceLastPeriod";

export function riskCountsText(risks: RiskCounts): string {
  if (risks.total === 0) return "Inga risker har identifierats i den samlade riskbilden.";
  const opening = `${capitalize(countPhrase(risks.total, "risk", "risker"))} har identifierats och ingår i den samlade riskbilden`;
  const used = LISTS.riskhantering.filter((t) => risks.byTreatment[t] > 0);
  const all = risks.total === 1 ? "den" : "samtliga";
  if (used.length === 1 && risks.withoutTreatment === 0) {
    return `${opening} och ${all} har status ${used[0]}.`;
  }
  if (used.length === 0) return `${opening} och ${all} saknar riskhantering.`;
  const parts = used.map((t) => `${numberWord(risks.byTreatment[t])} har status ${t}`);
  if (risks.withoutTreatment > 0)
    parts.push(`${numberWord(risks.withoutTreatment)} saknar riskhantering`);
  return `${opening}. ${capitalize(joinSwedish(parts))}.`;
}

/** What each status says about an action, in the singular and the plural. */
const STATUS_CLAUSES: ReadonlyArray<{
  readonly count: (a: ActionCounts) => number;
  readonly singular: string;
  readonly plural: string;
}> = [
  { count: (a) => a.byStatus["Pågående"], singular: "åtgärd pågår", plural: "åtgärder pågår" },
  {
    count: (a) => a.byStatus["Ej påbörjad"],
    singular: "åtgärd inte har påbörjats",
    plural: "åtgärder inte har påbörjats",
  },
  {
    count: (a) => a.byStatus["Avbruten"],
    singular: "åtgärd har avbrutits",
    plural: "åtgärder har avbrutits",
  },
  {
    count: (a) => a.byStatus["Avslutad"],
    singular: "åtgärd har avslutats under perioden",
    plural: "åtgärder har avslutats under perioden",
  },
  {
    count: (a) => a.withoutStatus,
    singular: "åtgärd saknar status",
    plural: "åtgärder saknar status",
  },
];

export function actionCountsText(actions: ActionCounts): string {
  if (actions.total === 0) return "Inga åtgärder har registrerats.";
  const clauses = STATUS_CLAUSES.filter((c) => c.count(actions) > 0).map((c) => {
    const n = c.count(actions);
    return `att ${numberWord(n)} ${n === 1 ? c.singular : c.plural}`;
  });
  const followUp = `Uppföljningen visar ${joinSwedish(clauses)}.`;
  const open = actions.byStatus["Pågående"] + actions.byStatus["Ej påbörjad"];
  if (open === 0) return followUp;
  const late =
    actions.overdue === 0
      ? open === 1
        ? "Den öppna åtgärden har inte passerat sitt slutdatum."
        : "Ingen av de öppna åtgärderna har passerat sitt slutdatum."
      : `${capitalize(countPhrase(actions.overdue, "åtgärd", "åtgärder"))} ${actions.overdue === 1 ? "är försenad" : "är försenade"}: slutdatum har passerat utan att ${actions.overdue === 1 ? "den" : "de"} har avslutats.`;
  return `${followUp} ${late}`;
}

/**
 * What changed since the last period (`since`, "T1"): "Sedan T1 har en risk och två åtgärder
 * tillkommit, tre åtgärder bytt status och en risk fått ändrat riskvärde."
 */
export function changesSinceText(since: string, changes: ChangeCounts): string {
  const added = [
    changes.newRisks > 0 ? countPhrase(changes.newRisks, "risk", "risker") : null,
    changes.newActions > 0 ? countPhrase(changes.newActions, "åtgärd", "åtgärder") : null,
  ].filter((p) => p !== null);
  const parts = [
    added.length > 0 ? `${joinSwedish(added)} tillkommit` : null,
    changes.changedActions > 0
      ? `${countPhrase(changes.changedActions, "åtgärd", "åtgärder")} bytt status`
      : null,
    changes.rescoredRisks > 0
      ? `${countPhrase(changes.rescoredRisks, "risk", "risker")} fått ändrat riskvärde`
      : null,
  ].filter((p) => p !== null);
  if (parts.length === 0)
    return `Sedan ${since} har inga risker eller åtgärder tillkommit och ingen åtgärd har bytt status.`;
  return `Sedan ${since} har ${joinSwedish(parts)}.`;
}
