/**
 * `tertial validera <fil.xlsx> [--json]`: reads the workbook, runs every rule, prints the findings.
 * stdout carries only the result (text, or with --json a JSON array); progress goes to stderr.
 * Exit 0 without fel, 1 with at least one fel; an unusable file throws, and runCommand makes it 2.
 */
import { analyse } from "../core/pipeline";
import { calendarDay } from "../core/validate";
import { findingsJson, formatFindings } from "./printFindings";
import { readWorkbook } from "./progress";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";

export interface ValidateCommandOptions {
  /** Print only a JSON array of the findings on stdout. */
  readonly json?: boolean;
}

export async function validateCommand(
  file: string,
  options: ValidateCommandOptions
): Promise<number> {
  const snapshot = await readWorkbook(file);
  const { findings } = analyse(snapshot, { today: calendarDay(new Date()) });
  process.stdout.write(
    options.json ? findingsJson(findings) : formatFindings(findings, snapshot.fileName)
  );
  return findings.some((f) => f.severity === "fel") ? EXIT_FINDINGS : EXIT_OK;
}
