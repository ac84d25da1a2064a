/**
 * `tertial sammanstall <filer eller mappar…> -o <nämnd.xlsx> [--organisation "…"]
 * [--installningar fil.xlsx] [--force]`: consolidates the units' workbooks into a NEW workbook of
 * the latest template with a Sammanställning sheet (src/core/consolidate/). The inputs are only
 * read. Each file is read, reduced and dropped (readUnits.ts), in worker threads when there are
 * many. Exit 0 when every file was used and no unit has fel, 1 when a file could not be used or
 * a unit has fel (the workbook is written all the same), 2 when nothing was written.
 */
import path from "node:path";
import { consolidate, type UnitSummary } from "../core/consolidate/consolidate";
import { consolidationTotals, conversionNote } from "../core/consolidate/summaryText";
import { formatNumber } from "../core/format";
import { severityCount } from "../core/text/findingCounts";
import { calendarDay } from "../core/validate";
import { consolidatedWorkbookBytes } from "../xlsx/consolidate/consolidatedWorkbook";
import { readSettingsFrom, splitOutcomes } from "../xlsx/consolidate/readUnit";
import { prepareOutput } from "./outputFile";
import { readWorkbook, step } from "./progress";
import { readUnits, workerCount } from "./readUnits";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";
import { unitFiles, type UnitFiles } from "./unitFiles";

export interface ConsolidateOptions {
  readonly output: string;
  readonly organisation?: string;
  /** A workbook whose Inställningar give the thresholds and other settings. */
  readonly installningar?: string;
  readonly force?: boolean;
}

/** "1 fil", "300 filer". */
const countOf = (n: number, singular: string, plural: string) =>
  `${formatNumber(n, 0)} ${n === 1 ? singular : plural}`;

/**
 * What the units are counted against: "5 filer", "7 filer i mappen", "6 filer och 1 undermapp i
 * mappen", "9 filer i mapparna".
 */
function inputsCount(files: number, subfolders: number, given: UnitFiles["given"]): string {
  const counted =
    countOf(files, "fil", "filer") +
    (subfolders > 0 ? ` och ${countOf(subfolders, "undermapp", "undermappar")}` : "");
  if (given === "folder") return `${counted} i mappen`;
  if (given === "folders") return `${counted} i mapparna`;
  return counted;
}

/**
 * "inte klarmarkerad, 2 fel, Enhet tkr omräknad till mnkr" for a unit the controller should look
 * at, or null.
 */
function attention(unit: UnitSummary, to: string): string | null {
  const conversion = conversionNote(unit, to);
  const parts = [
    ...(unit.changedAfterReady
      ? ["ändrad efter klarmarkering"]
      : unit.readyMark === "Ja"
        ? []
        : ["inte klarmarkerad"]),
    ...(unit.fel > 0 ? [severityCount("fel", unit.fel)] : []),
    ...(conversion !== null ? [conversion] : []),
  ];
  return parts.length > 0 ? parts.join(", ") : null;
}

export async function consolidateCommand(
  entries: readonly string[],
  options: ConsolidateOptions
): Promise<number> {
  const { files, skipped, given, subfolders } = await unitFiles(entries);
  const write = await prepareOutput({
    target: options.output,
    extension: ".xlsx",
    exampleName: "nämnd.xlsx",
    force: options.force,
    input: {
      file: [...files, ...(options.installningar ? [options.installningar] : [])],
      what: "sammanställningen",
    },
  });
  const today = calendarDay(new Date());
  const settingsFile = options.installningar;
  const settingsFrom = settingsFile
    ? await readSettingsFrom(path.basename(settingsFile), () => readWorkbook(settingsFile), today)
    : undefined;

  const workers = workerCount(files.length);
  const threads = workers > 0 ? ` i ${workers} trådar` : "";
  const outcomes = await step(
    `Läser ${countOf(files.length, "arbetsbok", "arbetsböcker")}${threads}`,
    () => readUnits(files, today)
  );
  const read = splitOutcomes(outcomes);
  const reports = read.reports;
  const unusable = [...skipped, ...read.unusable];
  for (const file of unusable) {
    process.stderr.write(forTerminal(`Används inte: ${file.file}: ${file.reason}\n`));
  }

  const result = consolidate(reports, {
    organisation: options.organisation,
    settingsFrom,
    unusable,
  });
  await step(`Skriver ${path.basename(options.output)}`, async () =>
    write(await consolidatedWorkbookBytes(result))
  );

  const lines = [
    `Skrev ${options.output}: ${countOf(result.units.length, "enhet", "enheter")} av ` +
      `${inputsCount(files.length + skipped.length - subfolders, subfolders, given)} ` +
      `${result.units.length === 1 ? "sammanställd" : "sammanställda"}` +
      (unusable.length > 0 ? `, ${formatNumber(unusable.length, 0)} kunde inte användas` : "") +
      ` (se bladet Sammanställning). ${consolidationTotals(result)}`,
    ...result.units.flatMap((u) => {
      const note = attention(u, result.unit);
      return note === null ? [] : [`  ${u.file} (${u.name}): ${note}`];
    }),
  ];
  process.stdout.write(forTerminal(`${lines.join("\n")}\n`));
  const problems = unusable.length > 0 || result.units.some((u) => u.fel > 0);
  return problems ? EXIT_FINDINGS : EXIT_OK;
}
