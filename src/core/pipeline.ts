/** The operations every host offers, in one place: the task pane, the CLI and the browser call these. */
import { sortFindings, type Finding } from "./findings";
import type { Model } from "./model";
import { parseModel } from "./parse/parseModel";
import type { Snapshot } from "./snapshot";
import { validate, type ValidateOptions } from "./validate";

export interface Analysis {
  readonly model: Model;
  /** Sorted in reading order: sheet, row, column. */
  readonly findings: readonly Finding[];
}

/**
 * Parse and validate. Throws an UnusableWorkbookError for a workbook that cannot be used at all.
 * `options.today` defaults to the current calendar day.
 */
export function analyse(snapshot: Snapshot, options: ValidateOptions = {}): Analysis {
  const model = parseModel(snapshot);
  return { model, findings: sortFindings(validate(model, options), model.sheetNames) };
}
