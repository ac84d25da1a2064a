/**
 * Ny period in the task pane: the open workbook's bytes, the next period's workbook made from
 * them by the code `tertial ny-period` runs, and that workbook opened (Excel) or downloaded
 * (browser). The host supplies each part; the open workbook is only read.
 */
import type { NewPeriodSummary } from "../core/cycle/plan";
import {
  carriedFelSentence,
  droppedActionsSentence,
  historySentence,
  notCarriedLines,
  periodName,
} from "../core/cycle/newPeriodText";
import type { NewPeriodStep } from "./progress";

/** The next period's workbook as the shared path returns it (src/xlsx/cycle/). */
export interface NextPeriodFile extends NewPeriodSummary {
  readonly bytes: Uint8Array;
}

/** The open workbook, as bytes. */
export interface WorkbookBytes {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** How a host runs Ny period. */
export interface NewPeriodHost {
  /** Excel opens the new workbook beside the open one; the browser downloads it. */
  readonly delivery: "open" | "download";
  /** Said beside the button: what is read, and that it is not changed. */
  readonly note: string;
  /** The open workbook's bytes; checks first that the host can do the rest. */
  readWorkbook(): Promise<WorkbookBytes>;
  /** The shared path (loaded when first needed, it carries exceljs). */
  nextWorkbook(workbook: WorkbookBytes): Promise<NextPeriodFile>;
  /** Opens or downloads the new workbook; the open one is not touched. */
  deliver(file: NextPeriodFile): Promise<void>;
}

export interface NewPeriodDone {
  /** The workbook the new one was made from. */
  readonly from: string;
  readonly summary: NewPeriodSummary;
}

export type OnNewPeriodStep = (step: NewPeriodStep) => void;

export async function startNewPeriod(
  host: NewPeriodHost,
  onStep: OnNewPeriodStep
): Promise<NewPeriodDone> {
  onStep("read");
  const workbook = await host.readWorkbook();
  onStep("rollForward");
  const file = await host.nextWorkbook(workbook);
  onStep(host.delivery);
  await host.deliver(file);
  return { from: workbook.fileName, summary: file };
}

export interface NewPeriodMessage {
  readonly title: string;
  /** Sentences, each shown as its own paragraph. */
  readonly lines: readonly string[];
}

/** What the pane says once the new workbook is made. */
export function newPeriodMessage(
  { from, summary }: NewPeriodDone,
  delivery: NewPeriodHost["delivery"]
): NewPeriodMessage {
  const where =
    delivery === "open"
      ? `Den är öppnad i Excel som en ny arbetsbok: spara den som ${summary.fileName}.`
      : `Den laddas ned som ${summary.fileName} (oftast till mappen Hämtade filer).`;
  const dropped = droppedActionsSentence(summary);
  return {
    title: `Arbetsboken för ${periodName(summary.next)} är skapad`,
    lines: [
      where,
      `${periodName(summary.closed)} är stängd: ${historySentence(summary)}`,
      ...(dropped === "" ? [] : [dropped]),
      ...(summary.fel > 0
        ? [`${carriedFelSentence(from, summary.fel)} (Validera visar dem i ${from}).`]
        : []),
      ...notCarriedLines(summary),
      `${from} ändrades inte.`,
    ],
  };
}
