/**
 * Model + Rollup + Findings → the report's sheets (four, and Rapport Verksamhet for a v3 workbook
 * with text or mål) and the same blocks as the document's chapters (documentChapters.ts).
 */
import { countBySeverity, type Finding } from "../findings";
import type { Model, SettingValues } from "../model";
import type { Rollup } from "../rollup/rollup";
import { activityParts, activitySheet } from "./activitySheet";
import { controlParts, controlSheet } from "./controlSheet";
import { documentChapters } from "./documentChapters";
import { economyParts, economySheet } from "./economySheet";
import { reconciliationText } from "./economyText";
import { draftBanner } from "./findingsText";
import { countGoals, goalCountsText } from "./goalText";
import { findingsSheet } from "./findingsSheet";
import type { Block, ReportDoc } from "./reportDoc";
import { riskParts, riskSheet } from "./riskSheet";
import { reportAmounts } from "./reportUnit";
import { sinceLastPeriod } from "./sinceLastPeriod";
import { templateHeaders } from "./templateHeaders";
import { periodName, reportName, reportTitle } from "./titles";

export interface ReportOptions {
  /**
   * The report sits inside the user's workbook (the add-in), so each finding's cell can be a link
   * that jumps to it. A separate report file (CLI, browser download) has no such sheets: false.
   */
  readonly linkFindings?: boolean;
}

/** What every sheet opens with: the draft banner while the workbook has fel, then the title. */
function sheetTop(settings: SettingValues, fel: number, findingsSheet = false): Block[] {
  const title: Block = { kind: "title", text: reportTitle(settings, fel > 0) };
  if (fel === 0) return [title];
  return [{ kind: "paragraph", text: draftBanner(fel, findingsSheet), style: "utkast" }, title];
}

/** The mål counts sentence the Sammanfattning and Rapport Verksamhet share; null without mål. */
function goalCountsOf(model: Model): string | null {
  if (model.goals.length === 0) return null;
  const counts = countGoals(model.goals.map((g) => g.cells.assessment.value));
  return goalCountsText(counts, model.settings.values.period);
}

export function buildReportDoc(
  model: Model,
  rollup: Rollup,
  findings: readonly Finding[],
  options: ReportOptions = {}
): ReportDoc {
  const settings = model.settings.values;
  const { fel } = countBySeverity(findings);
  const top = sheetTop(settings, fel);
  const since = sinceLastPeriod(model);
  const amounts = reportAmounts(settings, rollup);
  const economy = economyParts(
    amounts,
    settings,
    reconciliationText(amounts.rollup.crossCheck, amounts.unit),
    templateHeaders(model.template)
  );
  const risk = riskParts(model.risks, model.actions, rollup, since);
  const control = controlParts(model.controls, model.risks, rollup, settings, since);
  const activity = activityParts(model);
  const goalCounts = goalCountsOf(model);
  const checks = findingsSheet(
    sheetTop(settings, fel, true),
    findings,
    model.fileName,
    options.linkFindings ?? false
  );
  return {
    sheets: [
      economySheet(top, economy, goalCounts),
      ...(activity ? [activitySheet(top, activity)] : []),
      riskSheet(top, risk),
      controlSheet(top, control),
      checks,
    ],
    chapters: documentChapters({
      top,
      economy,
      risk,
      control,
      activity,
      goalCounts,
      findings: checks,
    }),
    draft: fel > 0 ? { felCount: fel } : null,
    about: {
      title: reportTitle(settings, fel > 0),
      organisation: settings.organisation,
      report: reportName(settings),
      period: periodName(settings),
    },
  };
}
