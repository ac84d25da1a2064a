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
import { isLockFile, lockFile, readUnit, splitOutcomes, type UnitOutcome } from "./readUnit";

/** A unit's file as a host has it: its name and a way to its bytes (read when its turn comes). */
export interface UnitFile {
  readonly name: string;
  bytes(): Promise<Uint8Array | ArrayBuffer>;
}

export interface ConsolidateFilesOptions extends Omit<ConsolidateOptions, "unusable"> {
  /** The day the units' workbooks are validated as of (calendarDay of now). */
  readonly today: Date;
  /** Called as each file's turn comes: 0-based index and name. */
  readonly onFile?: (index: number, name: string) => void;
}

/**
 * The consolidated workbook and its per-unit result, or the refusal (År, Period, Enhet or
 * Mallversion differ, a unit twice, nothing usable) with the files that could not be used.
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
    outcomes.push(
      await readUnit(
        file.name,
        async () => readSnapshotFromBuffer(await file.bytes(), file.name),
        today
      )
    );
  }
  return outcomes;
}

export async function consolidateFiles(
  files: readonly UnitFile[],
  { today, onFile, ...options }: ConsolidateFilesOptions
): Promise<ConsolidatedFiles> {
  const { reports, unusable } = splitOutcomes(await readUnitFiles(files, today, onFile));
  let consolidation: Consolidation;
  try {
    consolidation = consolidate(reports, { ...options, unusable });
  } catch (error) {
    if (error instanceof ConsolidationRefusedError) return { refused: error, unusable };
    throw error;
  }
  return { consolidation, bytes: await consolidatedWorkbookBytes(consolidation) };
}
