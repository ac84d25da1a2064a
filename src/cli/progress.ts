/** Progress lines on stderr ("Läser exempel.xlsx … 0,4 s"), so that stdout carries only the result. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatNumber } from "../core/format";
import type { Snapshot } from "../core/snapshot";
import { readSnapshotFromFile, readWorkbookFile } from "../xlsx/read/readSnapshotFromFile";
import { CELL_QUOTE_LIMIT, clip, forTerminal } from "./terminalText";

const seconds = (sinceMs: number) => `${formatNumber((performance.now() - sinceMs) / 1000, 1)} s`;

/** Runs `work` between "<label> … " and the seconds it took; a failure ends the line first. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stderr.write(`${clip(forTerminal(label), CELL_QUOTE_LIMIT)} … `);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    process.stderr.write("\n"); // the error message gets a line of its own
    throw error;
  }
  process.stderr.write(`${seconds(started)}\n`);
  return result;
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false
  );

/** Reads the workbook with a progress line; a file that is not there gets only its error. */
export async function readWorkbook(file: string): Promise<Snapshot> {
  if (!(await exists(file))) return readSnapshotFromFile(file);
  return step(`Läser ${path.basename(file)}`, () => readSnapshotFromFile(file));
}

/** readWorkbook, with the bytes it read (for a writer that edits a copy of them). */
export async function readWorkbookWithBytes(file: string): ReturnType<typeof readWorkbookFile> {
  if (!(await exists(file))) return readWorkbookFile(file);
  return step(`Läser ${path.basename(file)}`, () => readWorkbookFile(file));
}
