/**
 * `tertial ny-period <fil.xlsx> [-o ut.xlsx] [--force]`: writes the next period's workbook (T1 →
 * T2 → Helår → T1 of the next year) as a NEW file, by default `<Organisation> <År> <Period>.xlsx`
 * beside the input: a copy of the input with only what the roll changes changed, so what the user
 * added comes along; what cannot be carried is named on stderr and the exit code is 1. A
 * version-1 workbook is rebuilt as version 2. The input is only read. The rules are the
 * core's (src/core/cycle/); this module reads, calls, writes and reports.
 */
import path from "node:path";
import { planNextPeriod } from "../core/cycle/plan";
import {
  carriedFelSentence,
  droppedActionsSentence,
  historySentence,
  notCarriedLines,
  periodName,
} from "../core/cycle/newPeriodText";
import { nextPeriodBytes } from "../xlsx/cycle/nextPeriodWorkbook";
import { prepareOutput } from "./outputFile";
import { readWorkbookWithBytes, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface NewPeriodOptions {
  /** Where to write the new workbook (.xlsx); by default beside the input. */
  readonly output?: string;
  /** Replace an existing file. */
  readonly force?: boolean;
}

const prepare = (file: string, target: string, force: boolean | undefined) =>
  prepareOutput({
    target,
    extension: ".xlsx",
    exampleName: "nästa-period.xlsx",
    force,
    input: { file, what: "den nya arbetsboken" },
  });

export async function newPeriodCommand(file: string, options: NewPeriodOptions): Promise<number> {
  // A target given with -o is checked before any work, so a refusal comes at once; the default
  // one is named after the next period, known only once the workbook is read.
  const given = options.output;
  const early = given === undefined ? null : await prepare(file, given, options.force);
  const input = await readWorkbookWithBytes(file);
  const plan = planNextPeriod(input.snapshot);
  const { summary } = plan;
  const target = given ?? path.join(path.dirname(file), summary.fileName);
  const write = early ?? (await prepare(file, target, options.force));
  if (summary.fel > 0) {
    process.stderr.write(
      forTerminal(
        `Varning: ${carriedFelSentence(path.basename(file), summary.fel)} ` +
          "(tertial validera visar dem).\n"
      )
    );
  }
  const written = await step(`Skriver ${path.basename(target)}`, async () => {
    const next = await nextPeriodBytes(input.bytes, input.snapshot, plan);
    await write(next.bytes);
    return next;
  });
  for (const line of notCarriedLines(written)) {
    process.stderr.write(forTerminal(`Varning: ${line}\n`));
  }

  const dropped = droppedActionsSentence(summary);
  process.stdout.write(
    forTerminal(
      `Skrev ${target}: ${periodName(summary.next)} (mallversion ${summary.templateVersion}), ` +
        `efter ${periodName(summary.closed)}. ${historySentence(summary)}` +
        `${dropped === "" ? "" : ` ${dropped}`}\n`
    )
  );
  return summary.fel > 0 || written.notCarried.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
