/**
 * Sammanställ from files' bytes: what the task pane and browser mode run (the CLI reads paths,
 * in worker threads when there are many, and shares the steps: readUnit.ts, consolidate,
 * consolidatedWorkbook.ts). The files are read one after another, each read, reduced and
 * dropped, so memory holds one workbook at a time. No Node imports: this runs in the page.
 */
import {
  consolidate,
  type ConsolidateOptions,
  type Consolidation,
  type UnusableFile,
} from "../../core/consolidate/consolidate";
import { ConsolidationRefusedError } from "../../core/consolidate/refusal";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import { consolidatedWorkbookBytes } from "./consolidatedWorkbook";
import {
  isLockFile,
  lockFile,
  readSettingsFrom,
  readUnit,
  splitOutcomes,
  type UnitOutcome,
} from "./readUnit";

/** A unit's file as a host has it: its name and a way to its bytes (read when its turn comes). */
export interface UnitFile {
  readonly name: string;
  bytes(): Promise<Uint8Array | ArrayBuffer>;
}

export interface ConsolidateFilesOptions extends Omit<
  ConsolidateOptions,
  "unusable" | "settingsFrom"
> {
  /** A workbook whose Inställningar give the thresholds and other settings (else the first unit's). */
  readonly settingsFile?: UnitFile;
  /** The day the units' workbooks are validated as of (calendarDay of now). */
  readonly today: Date;
  /** Called as each file's turn comes: 0-based index and name. */
  readonly onFile?: (index: number, name: string) => void;
}

/**
 * The consolidated workbook and its per-unit result, or the refusal (År, Period, Enhet or
 * Mallversion differ, a unit twice, nothing usable, an unusable settings workbook) with the files
 * that could not be used.
 */
export type ConsolidatedFiles =
  | { readonly consolidation: Consolidation; readonly bytes: Uint8Array }
  | { readonly refused: ConsolidationRefusedError; readonly unusable: readonly UnusableFile[] };

export async function readUnitFiles(
  files: readonly UnitFile[],
  today: Date,
  onFile?: (index: number, name: string) => void
): Promise<UnitOutcome[]> {
  const outcomes: UnitOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onFile?.(index, file.name);
    if (isLockFile(file.name)) {
      outcomes.push({ unusable: lockFile(file.name) });
      continue;
    }
    outcomes.push(await readUnit(file.name, () => file.bytes(), today));
  }
  return outcomes;
}

/** The settings workbook's Inställningar, read before the units (as the CLI does). */
function readSettingsFile(file: UnitFile, today: Date) {
  return readSettingsFrom(
    file.name,
    async () => readSnapshotFromBuffer(await file.bytes(), file.name),
    today
  );
}

export async function consolidateFiles(
  files: readonly UnitFile[],
  { today, onFile, settingsFile, ...options }: ConsolidateFilesOptions
): Promise<ConsolidatedFiles> {
  let unusable: UnusableFile[] = [];
  let consolidation: Consolidation;
  try {
    const settingsFrom = settingsFile ? await readSettingsFile(settingsFile, today) : undefined;
    const read = splitOutcomes(await readUnitFiles(files, today, onFile));
    unusable = read.unusable;
    consolidation = consolidate(read.reports, { ...options, settingsFrom, unusable });
  } catch (error) {
    if (error instanceof ConsolidationRefusedError) return { refused: error, unusable };
    throw error;
  }
  return { consolidation, bytes: await consolidatedWorkbookBytes(consolidation) };
}
