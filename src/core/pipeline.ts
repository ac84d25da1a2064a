/** The operations every host offers, in one place: the task pane, the CLI and the browser call these. */
import { MissingTableError, ReportAsInputError } from "./errors";
import { sortFindings, type Finding } from "./findings";
import type { Model } from "./model";
import { parseModel } from "./parse/parseModel";
import { buildReportDoc, type ReportOptions } from "./report/buildReportDoc";
import { economySummary } from "./report/economyText";
import { ECONOMY_SHEET } from "./report/productSheets";
import type { ReportDoc } from "./report/reportDoc";
import { reportAmounts } from "./report/reportUnit";
import { rollup, type Rollup } from "./rollup/rollup";
import type { Snapshot } from "./snapshot";
import type { ModelTemplate } from "./template/registry";
import { validate, type ValidateOptions } from "./validate";

export interface Analysis {
  readonly model: Model;
  /**
   * Computed once, here: the rules judge material deviations and the cross-check on it, and the
   * report shows the same rows and totals.
   */
  readonly rollup: Rollup;
  /** Sorted in reading order: sheet, row, column. */
  readonly findings: readonly Finding[];
}

/**
 * A workbook without the template's tables that holds the report's sheets instead is Tertial's
 * own report given as the workbook: it is named as such, with the way to the workbook it came from.
 */
function parsed(snapshot: Snapshot, registry?: readonly ModelTemplate[]): Model {
  try {
    return parseModel(snapshot, registry);
  } catch (error) {
    if (
      error instanceof MissingTableError &&
      snapshot.sheetNames.includes(ECONOMY_SHEET) &&
      !snapshot.sheetNames.includes(error.sheet)
    )
      throw new ReportAsInputError(snapshot.fileName);
    throw error;
  }
}

/**
 * Parse, roll up and validate. Throws an UnusableWorkbookError for a workbook that cannot be used
 * at all. `options.today` defaults to the current calendar day; `registry` (the template versions
 * read) is a test's variant at most.
 */
export function analyse(
  snapshot: Snapshot,
  options: ValidateOptions = {},
  registry?: readonly ModelTemplate[]
): Analysis {
  const model = parsed(snapshot, registry);
  const rolled = rollup(model);
  const findings = sortFindings(validate(model, options, rolled), model.sheetNames);
  return { model, rollup: rolled, findings };
}

export interface GeneratedReport {
  /** The Analysis's roll-up (the same object). */
  readonly rollup: Rollup;
  /**
   * The report's content. Hosts render it their way: a worksheet host lays it out with
   * `reportSheets(doc)` (layout/layout.ts) and writes the grids.
   */
  readonly doc: ReportDoc;
  /** The economy summary paragraph of Rapport Ekonomi ("Helårsprognosen är …"), for hosts to show. */
  readonly summary: string;
  /**
   * The workbook has `fel`, so the report is a draft: every sheet carries the UTKAST banner and
   * "Utkast" in its title. Hosts say so in their own words ("Rapporten är skapad som utkast").
   */
  readonly isDraft: boolean;
  /** The number of `fel` in the workbook (0 when the report is no draft). */
  readonly felCount: number;
}

/** Build the report from the Analysis and its roll-up. Findings do not stop it: they go into Kontrollresultat. */
export function generateReport(analysis: Analysis, options: ReportOptions = {}): GeneratedReport {
  const rolled = analysis.rollup;
  const doc = buildReportDoc(analysis.model, rolled, analysis.findings, options);
  const settings = analysis.model.settings.values;
  const amounts = reportAmounts(settings, rolled);
  return {
    rollup: rolled,
    doc,
    summary: economySummary(amounts.rollup, settings, amounts.thresholds, amounts.unit),
    isDraft: doc.draft !== null,
    felCount: doc.draft?.felCount ?? 0,
  };
}
