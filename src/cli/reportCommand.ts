/**
 * `tertial rapport <fil.xlsx> [-o ut.xlsx] [--force]`: writes the report sheets to a NEW workbook
 * (by default `<fil>-rapport.xlsx` beside the input) and prints the economy summary and the
 * findings count; progress goes to stderr. The input file is only read, never written. The report
 * is written even when there are fel (they are in Kontrollresultat, and the report is a draft),
 * but not for a workbook that cannot be used at all. A report Tertial wrote earlier is replaced
 * without --force, so the same command can run again; any other existing file needs --force.
 */
import path from "node:path";
import { countBySeverity } from "../core/findings";
import { analyse, generateReport } from "../core/pipeline";
import { findingCounts, severityCount } from "../core/text/findingCounts";
import { isTertialReport } from "../xlsx/render/reportMarker";
import { reportWorkbookBytes } from "../xlsx/render/renderSheetGrid";
import { prepareOutput } from "./outputFile";
import { readWorkbook, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface ReportCommandOptions {
  /** Where to write the report (.xlsx); by default beside the input. */
  readonly output?: string;
  /** Replace an existing file that is not an earlier Tertial report. */
  readonly force?: boolean;
}

/** `exempel.xlsx` → `exempel-rapport.xlsx` in the same folder. */
export function defaultReportPath(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-rapport.xlsx`);
}

/** What the run produced: a finished report, or a draft while the workbook has fel. */
function outcome(target: string, sheetNames: readonly string[], fel: number): string {
  const where = `${target} (${sheetNames.join(", ")})`;
  if (fel > 0) {
    return (
      `Rapporten är skapad som utkast i ${where}, eftersom arbetsboken har ` +
      `${severityCount("fel", fel)}. Rätta dem och kör tertial rapport igen för en färdig rapport.`
    );
  }
  return `Rapporten är sparad i ${where}.`;
}

export async function reportCommand(file: string, options: ReportCommandOptions): Promise<number> {
  const target = options.output ?? defaultReportPath(file);
  const write = await prepareOutput({
    target,
    extension: ".xlsx",
    exampleName: "rapport.xlsx",
    force: options.force,
    isOwnOutput: isTertialReport,
    input: { file, what: "rapporten" },
  });
  const analysis = analyse(await readWorkbook(file));
  const report = generateReport(analysis);
  await step(`Skriver ${path.basename(target)}`, async () =>
    write(await reportWorkbookBytes(report.doc))
  );

  const counts = countBySeverity(analysis.findings);
  const { fel, varning } = counts;
  const sheetNames = report.doc.sheets.map((s) => s.name);
  process.stdout.write(
    forTerminal(
      `${outcome(target, sheetNames, fel)}\n\n${report.summary}\n\n` +
        `Kontrollen hittade ${findingCounts(counts)}` +
        (fel + varning > 0 ? "; de listas på bladet Kontrollresultat.\n" : ".\n")
    )
  );
  return fel > 0 ? EXIT_FINDINGS : EXIT_OK;
}
