/**
 * One unit's workbook → its UnitReport, or the Swedish reason it cannot be used. Runs in a worker
 * thread or in the main thread alike; the workbook is dropped when this returns.
 */
import path from "node:path";
import { reduceUnit, type UnitReport } from "../core/consolidate/unitReport";
import type { UnusableFile } from "../core/consolidate/consolidate";
import { UnusableWorkbookError } from "../core/errors";
import { analyse } from "../core/pipeline";
import { readSnapshotFromFile } from "../xlsx/read/readSnapshotFromFile";

export type UnitOutcome = { readonly report: UnitReport } | { readonly unusable: UnusableFile };

const UNEXPECTED =
  "Tertial kunde inte läsa arbetsboken (oväntat fel). Öppna den i Excel, spara den igen och " +
  "försök på nytt.";

export async function readUnit(file: string, today: Date): Promise<UnitOutcome> {
  try {
    return { report: reduceUnit(analyse(await readSnapshotFromFile(file), { today })) };
  } catch (error) {
    const reason = error instanceof UnusableWorkbookError ? error.message : UNEXPECTED;
    return { unusable: { file: path.basename(file), reason } };
  }
}
