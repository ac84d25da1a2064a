/**
 * Ny period from a read workbook, as every host runs it: `analyse` (to count the fel that are
 * carried as they stand), `rollForward`, and the new workbook's name. The host then writes
 * `content` into a copy of the input's package (src/xlsx/cycle/nextPeriodWorkbook.ts) and reports
 * `summary`, with what could not be carried.
 */
import { countBySeverity } from "../findings";
import { analyse } from "../pipeline";
import type { Snapshot } from "../snapshot";
import type { WorkbookContent } from "../template/content";
import type { WritableTemplate } from "../template/definition";
import { LATEST_TEMPLATE, TEMPLATES, type ModelTemplate } from "../template/registry";
import { nextWorkbookName } from "./fileName";
import { rollForward, type PeriodOf, type RolledForward } from "./nextPeriod";

/** Something of the input Ny period could not carry into the new workbook: named, never silent. */
export interface NotCarried {
  readonly sheet: string;
  /** Where on the sheet: `cell N7`, `delen xl/drawings/drawing1.xml`. */
  readonly where: string;
  /** What it was, in Swedish. */
  readonly what: string;
}

/** What Ny period made, for a host to say. */
export interface NewPeriodSummary {
  /** `<Organisation> <År> <Period>.xlsx` of the new period. */
  readonly fileName: string;
  readonly closed: PeriodOf;
  readonly next: PeriodOf;
  /** The new workbook's Mallversion: always the latest. */
  readonly templateVersion: number;
  readonly historyAdded: number;
  readonly historyTotal: number;
  /** Åtgärds-IDs left out at the year end (Avslutad, Avbruten); kept in Historik. */
  readonly droppedActions: readonly string[];
  /** The closed workbook's fel: its values are carried as they stand. */
  readonly fel: number;
  /** What the writer could not carry (src/xlsx/cycle/); empty until the workbook is written. */
  readonly notCarried: readonly NotCarried[];
}

export interface NextPeriodPlan {
  readonly summary: NewPeriodSummary;
  /** The definition the new workbook is written as: the latest (a test's variant of it). */
  readonly template: WritableTemplate;
  /** The new workbook's content, for `template`. */
  readonly content: WorkbookContent;
  /** The input's sheet row of each carried table row (RolledForward.sourceRows). */
  readonly sourceRows: RolledForward["sourceRows"];
}

/** The input's name without its extension: the new name's stem when Organisation is empty. */
const stem = (fileName: string) => fileName.replace(/\.[^.]*$/, "");

/**
 * Throws the core's UnusableWorkbookErrors (PeriodUnknownError when År or Period is unusable).
 * `registry` and `target` (the versions read, the one written) are a test's variants at most.
 */
export function planNextPeriod(
  snapshot: Snapshot,
  registry: readonly ModelTemplate[] = TEMPLATES,
  target: WritableTemplate = LATEST_TEMPLATE
): NextPeriodPlan {
  const { model, findings } = analyse(snapshot, {}, registry);
  const rolled = rollForward(model, target);
  return {
    template: rolled.template,
    content: rolled.content,
    sourceRows: rolled.sourceRows,
    summary: {
      fileName: nextWorkbookName(
        model.settings.values.organisation,
        rolled.next,
        stem(snapshot.fileName)
      ),
      closed: rolled.closed,
      next: rolled.next,
      templateVersion: target.version,
      historyAdded: rolled.historyAdded,
      historyTotal: rolled.historyTotal,
      droppedActions: rolled.droppedActions,
      fel: countBySeverity(findings).fel,
      notCarried: [],
    },
  };
}
