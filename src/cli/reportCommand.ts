/**
 * `tertial rapport <fil.xlsx> [--format xlsx|docx|xlsx,docx] [-o ut] [--force]`: writes the report
 * to a NEW workbook (by default `<fil>-rapport.xlsx` beside the input), a Word document
 * (`<fil>-rapport.docx`) or both (reportFormats.ts), and prints the economy summary and the
 * findings count; progress goes to stderr. The input file is only read, never written. The report
 * is written even when there are fel (they are in Kontrollresultat, and the report is a draft),
 * but not for a workbook that cannot be used at all. A report Tertial wrote earlier is replaced
 * without --force, so the same command can run again; any other existing file needs --force.
 * `--word-mall` gives the Word document the kommun's template (wordTemplateFile.ts), read and
 * checked before the workbook.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { countBySeverity } from "../core/findings";
import { analyse, generateReport } from "../core/pipeline";
import type { ReportDoc } from "../core/report/reportDoc";
import { findingCounts, severityCount } from "../core/text/findingCounts";
import { isTertialDocument } from "../docx/documentMarker";
import { checkWordDocumentSize } from "../docx/documentSize";
import { reportDocumentBytes } from "../docx/wordReport";
import type { WordTemplate } from "../docx/wordTemplate";
import { isTertialReport } from "../xlsx/render/reportMarker";
import { reportWorkbookBytes } from "../xlsx/render/renderSheetGrid";
import type { RandomAccessFile } from "../xlsx/zip/packageAt";
import { OutputFileError, prepareOutput } from "./outputFile";
import { readWorkbook, step } from "./progress";
import { reportTargets, type ReportFormat, type ReportTarget } from "./reportFormats";
import { EXIT_FINDINGS, EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";
import { readWordTemplateFile } from "./wordTemplateFile";

export { defaultReportPath } from "./reportFormats";

export interface ReportCommandOptions {
  /** Where to write the report; by default beside the input. */
  readonly output?: string;
  /** `xlsx`, `docx` or `xlsx,docx`; by default what `output` ends in, else xlsx. */
  readonly format?: string;
  /** Replace an existing file that is not an earlier Tertial report. */
  readonly force?: boolean;
  /** The kommun's Word template (.dotx or .docx) whose styles, header and footer the document takes. */
  readonly wordMall?: string;
}

/** How each format is written and recognised as Tertial's own. */
const WRITERS: Record<
  ReportFormat,
  {
    readonly bytes: (doc: ReportDoc, template?: WordTemplate) => Promise<Uint8Array>;
    readonly isOwnOutput: (file: RandomAccessFile) => Promise<boolean>;
  }
> = {
  xlsx: { bytes: (doc) => reportWorkbookBytes(doc), isOwnOutput: isTertialReport },
  docx: {
    bytes: (doc, template) => reportDocumentBytes(doc, doc.about.title, template),
    isOwnOutput: isTertialDocument,
  },
};

/** Where the report went: the workbook with its sheets, the document as it is. */
function where(targets: readonly ReportTarget[], sheetNames: readonly string[]): string {
  return targets
    .map((t) => (t.format === "xlsx" ? `${t.target} (${sheetNames.join(", ")})` : t.target))
    .join(" och ");
}

/** What the run produced: a finished report, or a draft while the workbook has fel. */
function outcome(written: string, fel: number): string {
  if (fel > 0) {
    return (
      `Rapporten är skapad som utkast i ${written}, eftersom arbetsboken har ` +
      `${severityCount("fel", fel)}. Rätta dem och kör tertial rapport igen för en färdig rapport.`
    );
  }
  return `Rapporten är sparad i ${written}.`;
}

/** A report made and not yet written: its bytes and the checked writer of its target. */
interface MadeDocument {
  readonly target: string;
  readonly bytes: Uint8Array;
  readonly write: (bytes: Uint8Array) => Promise<void>;
}

/**
 * Writes each document; when one cannot be written, the ones this run wrote before it are removed
 * again, so the command leaves both reports or neither.
 */
async function writeAll(documents: readonly MadeDocument[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const d of documents) {
      await d.write(d.bytes);
      written.push(d.target);
    }
  } catch (error) {
    await Promise.all(written.map((target) => fs.rm(target, { force: true }).catch(() => {})));
    throw error;
  }
}

/** The Word template named by --word-mall, read and checked before the workbook. */
async function wordMall(
  file: string | undefined,
  targets: readonly ReportTarget[]
): Promise<WordTemplate | undefined> {
  if (file === undefined) return undefined;
  if (!targets.some((t) => t.format === "docx")) {
    throw new OutputFileError(
      "--word-mall gäller Word-dokumentet, men rapporten skrivs bara som arbetsbok. " +
        "Lägg till --format docx (eller xlsx,docx), eller låt -o sluta på .docx."
    );
  }
  return step(`Läser Word-mallen ${path.basename(file)}`, () => readWordTemplateFile(file));
}

export async function reportCommand(file: string, options: ReportCommandOptions): Promise<number> {
  const targets = reportTargets(file, options);
  // Every target is checked before the work starts, so a refusal comes at once and writes nothing.
  const writers = await Promise.all(
    targets.map(async (t) => ({
      ...t,
      write: await prepareOutput({
        target: t.target,
        extension: `.${t.format}`,
        exampleName: `rapport.${t.format}`,
        // -o alone chose the workbook: the name could have chosen the document instead.
        ...(options.format === undefined && t.format === "xlsx"
          ? { alternative: { name: "rapport.docx", what: "ett Word-dokument" } }
          : {}),
        force: options.force,
        isOwnOutput: WRITERS[t.format].isOwnOutput,
        input: { file, what: "rapporten" },
      }),
    }))
  );
  const template = await wordMall(options.wordMall, targets);
  const analysis = analyse(await readWorkbook(file));
  const report = generateReport(analysis);
  if (writers.some((w) => w.format === "docx")) {
    checkWordDocumentSize(report.doc, path.basename(file));
  }
  // Every document is made before any is written: a Word document refused as too large, or a
  // failure while making it, leaves no .xlsx behind.
  const made: MadeDocument[] = [];
  for (const w of writers) {
    made.push({
      ...w,
      bytes: await step(`Skapar ${path.basename(w.target)}`, () =>
        WRITERS[w.format].bytes(report.doc, template)
      ),
    });
  }
  await step(`Skriver ${made.map((m) => path.basename(m.target)).join(" och ")}`, () =>
    writeAll(made)
  );

  const counts = countBySeverity(analysis.findings);
  const { fel, varning } = counts;
  const sheetNames = report.doc.sheets.map((s) => s.name);
  const listed = targets.some((t) => t.format === "xlsx")
    ? "; de listas på bladet Kontrollresultat.\n"
    : "; de listas i kapitlet Kontrollresultat.\n";
  process.stdout.write(
    forTerminal(
      `${outcome(where(targets, sheetNames), fel)}\n\n${report.summary}\n\n` +
        `Kontrollen hittade ${findingCounts(counts)}` +
        (fel + varning > 0 ? listed : ".\n")
    )
  );
  return fel > 0 ? EXIT_FINDINGS : EXIT_OK;
}
