/**
 * One unit's workbook → its UnitReport, or the Swedish reason it cannot be used: the step every
 * host takes per file (the CLI in a worker thread or its main thread, the task pane and browser
 * mode one file after another). The workbook is dropped when this returns.
 */
import type { ConsolidateOptions, UnusableFile } from "../../core/consolidate/consolidate";
import { refusal } from "../../core/consolidate/refusal";
import { reduceUnit, type UnitReport } from "../../core/consolidate/unitReport";
import { UnusableWorkbookError } from "../../core/errors";
import { analyse } from "../../core/pipeline";
import type { Snapshot } from "../../core/snapshot";
import { contentOf } from "../../core/template/content";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import type { Inflate } from "../zip/unpackPart";
import { readSources } from "./sourcesMarker";

export type UnitOutcome = { readonly report: UnitReport } | { readonly unusable: UnusableFile };

const UNEXPECTED =
  "Tertial kunde inte läsa arbetsboken (oväntat fel). Öppna den i Excel, spara den igen och " +
  "försök på nytt.";

const LOCK_FILE =
  "Excels låsfil (~$) för en arbetsbok som är öppen i Excel, ingen arbetsbok. Den lästes inte; " +
  "stäng arbetsboken i Excel om filen ligger kvar.";

/** Excel's lock file beside an open workbook (`~$IFO.xlsx`): never read, but listed. */
export const isLockFile = (name: string) => name.startsWith("~$");

export const lockFile = (name: string): UnusableFile => ({ file: name, reason: LOCK_FILE });

/**
 * `name` is the file's name as the user sees it; `read` gives its bytes (`inflate`: see
 * readSnapshotFromBuffer). A consolidation's record of the units it was made from is read too.
 */
export async function readUnit(
  name: string,
  read: () => Promise<Uint8Array | ArrayBuffer>,
  today: Date,
  inflate?: Inflate
): Promise<UnitOutcome> {
  try {
    const data = await read();
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const report = reduceUnit(
      analyse(await readSnapshotFromBuffer(bytes, name, inflate), { today })
    );
    if (!report.consolidated) return { report };
    return { report: { ...report, madeFrom: await readSources(bytes, inflate) } };
  } catch (error) {
    const reason = error instanceof UnusableWorkbookError ? error.message : UNEXPECTED;
    return { unusable: { file: name, reason } };
  }
}

/**
 * The settings workbook's Inställningar (`--installningar`, the pane's "Inställningar från"), or
 * a ConsolidationRefusedError naming the file and why it cannot be used: nothing is consolidated
 * with other thresholds than the ones the controller chose.
 */
export async function readSettingsFrom(
  name: string,
  read: () => Promise<Snapshot>,
  today: Date
): Promise<NonNullable<ConsolidateOptions["settingsFrom"]>> {
  try {
    return { file: name, settings: contentOf(analyse(await read(), { today }).model).settings };
  } catch (error) {
    const reason = error instanceof UnusableWorkbookError ? error.message : UNEXPECTED;
    throw refusal.settingsUnusable(name, reason);
  }
}

/** The outcomes split into the units to consolidate and the files that could not be used. */
export function splitOutcomes(outcomes: readonly UnitOutcome[]): {
  reports: UnitReport[];
  unusable: UnusableFile[];
} {
  const reports: UnitReport[] = [];
  const unusable: UnusableFile[] = [];
  for (const outcome of outcomes) {
    if ("report" in outcome) reports.push(outcome.report);
    else unusable.push(outcome.unusable);
  }
  return { reports, unusable };
}
