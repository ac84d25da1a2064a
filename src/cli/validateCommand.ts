/**
 * `tertial validera <fil.xlsx> [--json]`: reads the workbook, runs every rule, prints the findings.
 * stdout carries only the result (text, or with --json a JSON array); progress goes to stderr.
 * Exit 0 without fel, 1 with at least one fel; an unusable file throws, and runCommand makes it 2.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatNumber } from "../core/format";
import { analyse } from "../core/pipeline";
import { calendarDay } from "../core/validate";
import { readSnapshotFromFile } from "../xlsx/read/readSnapshotFromFile";
import { findingsJson, formatFindings } from "./printFindings";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";

export interface ValidateCommandOptions {
  /** Print only a JSON array of the findings on stdout. */
  readonly json?: boolean;
}

const seconds = (sinceMs: number) => `${formatNumber((performance.now() - sinceMs) / 1000, 1)} s`;

export async function validateCommand(
  file: string,
  options: ValidateCommandOptions
): Promise<number> {
  const started = performance.now();
  process.stderr.write(`Läser ${path.basename(file)} … `);
  let snapshot;
  try {
    snapshot = await readSnapshotFromFile(file);
  } catch (error) {
    process.stderr.write("\n"); // the error message gets a line of its own
    throw error;
  }
  process.stderr.write(`${seconds(started)}\n`);

  const { findings } = analyse(snapshot, { today: calendarDay(new Date()) });
  process.stdout.write(
    options.json ? findingsJson(findings) : formatFindings(findings, snapshot.fileName)
  );
  return findings.some((f) => f.severity === "fel") ? EXIT_FINDINGS : EXIT_OK;
}
