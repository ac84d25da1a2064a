/**
 * `tertial importera <arbetsbok.xlsx> <fil.se|.sie|.si|.csv> [-o ut.xlsx] [--force]`: the ledger's
 * utfall (and budget) for the workbook's År and Period written into a NEW workbook, a copy of the
 * input where only the imported cells changed (src/xlsx/cycle/importedWorkbook.ts). Prints what
 * it read, filled, left and could not place, and the reconciliation. Exit 0 all placed, 1 written
 * but something of the ledger did not reach it, 2 nothing written. Both inputs are only read.
 */
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { FileNotReadableError } from "../core/errors";
import { importHasGaps, planImport, type ImportPlan } from "../core/importing/importPlan";
import {
  filledLines,
  gapLines,
  ledgerLine,
  reconciliationLines,
} from "../core/importing/importText";
import type { Ledger } from "../core/ledger/ledger";
import { readLedger } from "../core/ledger/readLedger";
import { analyse } from "../core/pipeline";
import { importedFileName, importedWorkbookBytes } from "../xlsx/cycle/importedWorkbook";
import { fileProblem } from "../xlsx/read/readSnapshotFromFile";
import { prepareOutput } from "./outputFile";
import { readWorkbookWithBytes, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface ImportOptions {
  /** The imported workbook (.xlsx); by default `<arbetsbok> importerad.xlsx` beside the input. */
  readonly output?: string;
  readonly force?: boolean;
}

/** The default target: beside the workbook, named after it. */
export function defaultImportTarget(workbook: string): string {
  return path.join(path.dirname(workbook), importedFileName(path.basename(workbook)));
}

/** The ledger streamed in chunks (a typ-4 file may be hundreds of MB); only a regular file. */
async function readLedgerFile(file: string): Promise<Ledger> {
  const stats = await fs.stat(file).catch((error: unknown) => {
    throw fileProblem(error, file, "ledger");
  });
  if (stats.isDirectory()) throw new FileNotReadableError(file, "directory", "ledger");
  if (!stats.isFile()) throw new FileNotReadableError(file, "special", "ledger");
  try {
    return await readLedger(path.basename(file), createReadStream(file));
  } catch (error) {
    throw fileProblem(error, file, "ledger");
  }
}

/** Everything the import says, in reading order. */
export function importReport(plan: ImportPlan, target: string): string[] {
  return [
    ledgerLine(plan),
    `Skrev ${target}.`,
    ...filledLines(plan),
    ...gapLines(plan),
    ...reconciliationLines(plan),
  ];
}

export async function importCommand(
  workbook: string,
  ledgerFile: string,
  options: ImportOptions
): Promise<number> {
  const target = options.output ?? defaultImportTarget(workbook);
  const write = await prepareOutput({
    target,
    extension: ".xlsx",
    exampleName: "importerad.xlsx",
    force: options.force,
    input: { file: [workbook, ledgerFile], what: "den importerade arbetsboken" },
  });
  const input = await readWorkbookWithBytes(workbook);
  const { model, findings } = analyse(input.snapshot);
  const ledger = await step(`Läser ${path.basename(ledgerFile)}`, () => readLedgerFile(ledgerFile));
  const plan = planImport(model, findings, ledger);
  await step(`Skriver ${path.basename(target)}`, async () =>
    write(await importedWorkbookBytes(input.bytes, model.fileName, plan.changes))
  );
  process.stdout.write(forTerminal(`${importReport(plan, target).join("\n")}\n`));
  return importHasGaps(plan) ? EXIT_FINDINGS : EXIT_OK;
}
