/**
 * Sammanställ in the page (browser mode, and the pane inside Excel): the workbooks the user picked
 * or dropped → the consolidated workbook's bytes and file name, and the per-unit result. The
 * consolidation code and exceljs are loaded with import() into the chunk `exceljs.js` (the same
 * chunk browser mode loads as it starts), so the Excel pane fetches them only on Sammanställ.
 * The files are only read, one after another, and only inside the page.
 */
import { HostError } from "../app/appHost";
import { consolidatedFileName } from "../app/consolidationView";
import type { Consolidation, UnusableFile } from "../core/consolidate/consolidate";
import { UnusableWorkbookError } from "../core/errors";
import { calendarDay } from "../core/validate";
import type { UnitFile } from "../xlsx/consolidate/consolidateFiles";
import { readBytes, type OpenedWorkbook, type ReportFile } from "./browserHost";

type ConsolidationIo = typeof import("../xlsx/consolidate/consolidateFiles");

function loadConsolidation(): Promise<ConsolidationIo> {
  return import(/* webpackChunkName: "exceljs" */ "../xlsx/consolidate/consolidateFiles").catch(
    (error: unknown) => {
      console.error(error);
      throw new HostError(
        "Tertial kunde inte ladda delen som sammanställer arbetsböcker. " +
          "Kontrollera nätverket och ladda om sidan (F5)."
      );
    }
  );
}

/** A picked file that can no longer be read (changed, moved or deleted since it was picked). */
class PickedFileGoneError extends UnusableWorkbookError {
  readonly code = "fil-kan-inte-lasas";
  constructor(name: string) {
    super(
      `${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du valde ` +
        "den? Välj arbetsböckerna igen."
    );
  }
}

function unitFile(workbook: OpenedWorkbook): UnitFile {
  return {
    name: workbook.name,
    bytes: async () => readBytes(workbook, (name) => new PickedFileGoneError(name)),
  };
}

/** The consolidated workbook and its per-unit result, or why it could not be made. */
export type ConsolidationOutcome =
  | { readonly consolidation: Consolidation; readonly file: ReportFile }
  | { readonly refused: UnusableWorkbookError; readonly unusable: readonly UnusableFile[] };

export interface ConsolidateWorkbooksOptions {
  /** The nämnd's name for Inställningar; else the first unit's Organisation. */
  readonly organisation?: string;
  /** A workbook whose Inställningar give the thresholds and other settings; else the first unit's. */
  readonly settings?: OpenedWorkbook;
  /** Called as each file's turn comes. */
  readonly onFile?: (index: number, name: string) => void;
  /** The day the units are validated as of; defaults to today. */
  readonly today?: Date;
}

export async function consolidateWorkbooks(
  workbooks: readonly OpenedWorkbook[],
  options: ConsolidateWorkbooksOptions = {}
): Promise<ConsolidationOutcome> {
  const io = await loadConsolidation();
  const outcome = await io.consolidateFiles(workbooks.map(unitFile), {
    today: options.today ?? calendarDay(new Date()),
    organisation: options.organisation,
    settingsFile: options.settings ? unitFile(options.settings) : undefined,
    onFile: options.onFile,
  });
  if ("refused" in outcome) return outcome;
  return {
    consolidation: outcome.consolidation,
    file: { fileName: consolidatedFileName(outcome.consolidation), bytes: outcome.bytes },
  };
}
