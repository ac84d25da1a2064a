/**
 * Mål och indikatorer (template v3): a bedömning the nämnd can adopt, and indicators whose Trend
 * and Målvärde uppnått can be computed. A Bedömning outside the list is `status-ogiltig`'s, an
 * unknown Mål-ID `risk-id-okant`'s and a duplicate ID `id-dubblett`'s (all generic).
 */
import { chronologically, isBefore, readHistory } from "../../history/history";
import { formatNumber } from "../../format";
import { isBlank, readText } from "../../parse/values";
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

/** Målvärde as compared: a number as entered, or its text (Historik keeps values as written). */
function targetValue(value: unknown): number | null {
  if (typeof value === "number") return value;
  const text = readText(value as never);
  if (text === null) return null;
  const number = Number(text.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(number) ? number : null;
}

/** A value with the decimals it was entered with, up to two: 85, 8,6, 7,25. */
const shown = (n: number) => formatNumber(n, Math.min(2, (String(n).split(".")[1] ?? "").length));

const changedTarget = defineRule(
  {
    code: "malvarde-andrat",
    severity: "varning",
    title: "Ett målvärde som ändrats under året syns för nämnden",
  },
  function* ({ model, period }) {
    if (!period || model.indicators.length === 0) return;
    // The latest Målvärde Historik holds for each indicator this year (a new year's targets are
    // a new decision: the year end clears them).
    const latest = new Map<string, { value: number; when: string }>();
    const records = readHistory(model)
      .filter((r) => r.table === "tblIndikatorer" && r.column === "Målvärde")
      .filter((r) => r.year === period.year && isBefore(r, period))
      .sort(chronologically);
    for (const r of records) {
      const value = targetValue(r.value);
      if (value !== null) latest.set(r.key, { value, when: `${r.period} ${r.year}` });
    }
    if (latest.size === 0) return;
    for (const indicator of model.indicators) {
      const { id, target } = indicator.cells;
      const key = textOf(id);
      const now = targetValue(target.raw);
      const before = key === null ? undefined : latest.get(key);
      if (key === null || now === null || before === undefined || now === before.value) continue;
      yield hitAt(
        indicator,
        target,
        msg.targetChanged(key, shown(now), shown(before.value), before.when)
      );
    }
  }
);

export const GOAL_RULES = [
  unassessedAdopted,
  unassessedT1,
  assessedWithoutAnalysis,
  actualWithoutTarget,
  noDirection,
  changedTarget,
];
