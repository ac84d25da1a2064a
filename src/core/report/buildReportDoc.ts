/** Model + Rollup + Findings → the report's four sheets. */
import type { Finding } from "../findings";
import type { Model } from "../model";
import { thresholdsOf } from "../rollup/materiality";
import type { Rollup } from "../rollup/rollup";
import { controlSheet } from "./controlSheet";
import { economySheet } from "./economySheet";
import { reconciliationText } from "./economyText";
import { findingsSheet } from "./findingsSheet";
import type { ReportDoc } from "./reportDoc";
import { riskSheet } from "./riskSheet";

export interface ReportOptions {
  /**
   * The report sits inside the user's workbook (the add-in), so each finding's cell can be a link
   * that jumps to it. A separate report file (CLI, browser download) has no such sheets: false.
   */
  readonly linkFindings?: boolean;
}

export function buildReportDoc(
  model: Model,
  rollup: Rollup,
  findings: readonly Finding[],
  options: ReportOptions = {}
): ReportDoc {
  const settings = model.settings.values;
  return {
    sheets: [
      economySheet(
        rollup,
        settings,
        thresholdsOf(settings),
        reconciliationText(rollup.crossCheck, settings.unit)
      ),
      riskSheet(model.risks, model.actions, rollup, settings),
      controlSheet(model.controls, model.risks, rollup, settings),
      findingsSheet(findings, settings, model.fileName, options.linkFindings ?? false),
    ],
  };
}
