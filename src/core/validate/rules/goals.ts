/**
 * Mål och indikatorer (template v3): a bedömning the nämnd can adopt, and indicators whose Trend
 * and Målvärde uppnått can be computed. A Bedömning outside the list is `status-ogiltig`'s, an
 * unknown Mål-ID `risk-id-okant`'s and a duplicate ID `id-dubblett`'s (all generic).
 */
import { isBlank } from "../../parse/values";
import type { Period } from "../../template/lists";
import { goals as msg } from "../messages";
import { defineRule, hitAt, type RuleContext } from "../rule";
import { textOf } from "../tables";

/** T2 and Helår are the reports a nämnd adopts with a bedömning of every mål. */
const adoptedReport = (period: Period) => period !== "T1";

function* unassessed({ model, period }: RuleContext, wanted: (period: Period) => boolean) {
  if (!period || !wanted(period.period)) return;
  for (const goal of model.goals) {
    const { id, assessment } = goal.cells;
    if (!isBlank(assessment.raw)) continue;
    yield hitAt(goal, assessment, msg.unassessed(textOf(id), goal.row, period.period));
  }
}

const unassessedAdopted = defineRule(
  {
    code: "mal-bedomning-saknas",
    severity: "fel",
    title: "I T2 och Helår har varje mål en bedömning",
  },
  (ctx) => unassessed(ctx, adoptedReport)
);

const unassessedT1 = defineRule(
  {
    code: "mal-bedomning-saknas-tidigt",
    severity: "varning",
    title: "I T1 har varje mål en bedömning",
  },
  (ctx) => unassessed(ctx, (p) => !adoptedReport(p))
);

const assessedWithoutAnalysis = defineRule(
  {
    code: "mal-analys-saknas",
    severity: "fel",
    title: "I T2 och Helår har ett bedömt mål en analys",
  },
  function* ({ model, period }) {
    if (!period || !adoptedReport(period.period)) return;
    for (const goal of model.goals) {
      const { id, assessment, analysis } = goal.cells;
      if (isBlank(assessment.raw) || !isBlank(analysis.raw)) continue;
      yield hitAt(goal, analysis, msg.noAnalysis(textOf(id), goal.row, String(assessment.raw)));
    }
  }
);

const actualWithoutTarget = defineRule(
  {
    code: "malvarde-saknas",
    severity: "varning",
    title: "En indikator med Område Mål och ett utfall har ett målvärde",
  },
  function* ({ model }) {
    for (const indicator of model.indicators) {
      const { id, area, actual, target } = indicator.cells;
      if (area.value !== "Mål" || isBlank(actual.raw) || !isBlank(target.raw)) continue;
      yield hitAt(indicator, target, msg.noTarget(textOf(id), indicator.row));
    }
  }
);

const noDirection = defineRule(
  {
    code: "riktning-saknas",
    severity: "varning",
    title: "Indikatorer har en riktning så att Trend och Målvärde uppnått kan räknas fram",
  },
  function* ({ model }) {
    for (const indicator of model.indicators) {
      const { id, direction } = indicator.cells;
      if (!isBlank(direction.raw) || direction.absent) continue;
      yield hitAt(indicator, direction, msg.noDirection(textOf(id), indicator.row));
    }
  }
);

export const GOAL_RULES = [
  unassessedAdopted,
  unassessedT1,
  assessedWithoutAnalysis,
  actualWithoutTarget,
  noDirection,
];
