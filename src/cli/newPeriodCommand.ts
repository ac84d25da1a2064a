/**
 * `tertial ny-period <fil.xlsx> [-o ut.xlsx] [--force]`: writes the next period's workbook (T1 →
 * T2 → Helår → T1 of the next year) as a NEW file, by default `<Organisation> <År> <Period>.xlsx`
 * beside the input. Always a fresh template of the latest version filled with the carried data,
 * so a version-1 workbook comes out as version 2. The input is only read. The rules are the
 * core's (src/core/cycle/); this module reads, calls, writes and reports.
 */
import path from "node:path";
import { countBySeverity } from "../core/findings";
import { nextWorkbookName } from "../core/cycle/fileName";
import { rollForward, type PeriodOf } from "../core/cycle/nextPeriod";
import { analyse } from "../core/pipeline";
import { LATEST_TEMPLATE } from "../core/template/registry";
import { severityCount } from "../core/text/findingCounts";
import { buildWorkbook } from "../xlsx/template/buildWorkbook";
import { workbookBytes } from "../xlsx/template/saveWorkbook";
import { prepareOutput } from "./outputFile";
import { readWorkbook, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface NewPeriodOptions {
  /** Where to write the new workbook (.xlsx); by default beside the input. */
  readonly output?: string;
  /** Replace an existing file. */
  readonly force?: boolean;
}

const named = ({ year, period }: PeriodOf) => `${period} ${year}`;

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
  const { model, findings } = analyse(await readWorkbook(file));
  const rolled = rollForward(model);
  const target =
    given ??
    path.join(
      path.dirname(file),
      nextWorkbookName(model.settings.values.organisation, rolled.next, path.parse(file).name)
    );
  const write = early ?? (await prepare(file, target, options.force));
  const { fel } = countBySeverity(findings);
  if (fel > 0) {
    process.stderr.write(
      forTerminal(
        `Varning: ${path.basename(file)} har ${severityCount("fel", fel)}. Värdena förs över som de ` +
          "står; rätta dem i den nya arbetsboken (tertial validera visar dem).\n"
      )
    );
  }
  await step(`Skriver ${path.basename(target)}`, async () =>
    write(await workbookBytes(buildWorkbook(LATEST_TEMPLATE, rolled.content)))
  );

  const dropped =
    rolled.droppedActions.length > 0
      ? ` Avslutade och avbrutna åtgärder följer inte med till ${rolled.next.year} ` +
        `(finns kvar i Historik): ${rolled.droppedActions.join(", ")}.`
      : "";
  process.stdout.write(
    forTerminal(
      `Skrev ${target}: ${named(rolled.next)} (mallversion ${LATEST_TEMPLATE.version}), ` +
        `efter ${named(rolled.closed)}. Historik fick ${rolled.historyAdded} nya rader ` +
        `(${rolled.historyTotal} totalt).${dropped}\n`
    )
  );
  return fel > 0 ? EXIT_FINDINGS : EXIT_OK;
}
