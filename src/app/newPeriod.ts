/**
 * Ny period, a workbook operation (operation.ts): the open workbook's bytes, the next period's
 * workbook made from them by the code `tertial ny-period` runs, and that workbook delivered
 * (opened in Excel, downloaded in browser mode). The open workbook is only read.
 */
import type { NewPeriodSummary } from "../core/cycle/plan";
import {
  carriedFelSentence,
  droppedActionsSentence,
  historySentence,
  notCarriedLines,
  periodName,
} from "../core/cycle/newPeriodText";
import { savedFileWords, type Delivered, type Delivery, type Operations } from "./operation";
import type { NewPeriodStep } from "./progress";

/** Where Excel cannot do it: the same in browser mode or on the command line, from the saved file. */
export const NEW_PERIOD_WORDS = savedFileWords(
  "Ny period",
  "gör nästa period från",
  "npx tertial ny-period <fil.xlsx>",
  "Excel kunde inte öppna den nya arbetsboken. Välj Ny period igen om en stund; " +
    "den här arbetsboken är oförändrad."
);

/** Said beside the button: what is read, and that it is not changed. */
export function newPeriodNote(operations: Operations): string {
  return operations.savedFile === undefined
    ? "Ny period gör nästa periods arbetsbok av den här och öppnar den som en ny arbetsbok i Excel. " +
        "Tertial läser arbetsboken som Excel har den nu, också ändringar som inte är sparade, och " +
        "ändrar ingenting i den."
    : `Ny period gör nästa periods arbetsbok av ${operations.savedFile} och laddar ned den. Tertial ` +
        "läser filen som den är sparad (spara i Excel först) och ändrar ingenting i den.";
}

export interface NewPeriodDone {
  /** The workbook the new one was made from. */
  readonly from: string;
  readonly summary: NewPeriodSummary;
  readonly delivered: Delivered;
}

export type OnNewPeriodStep = (step: NewPeriodStep) => void;

/** Ny period on the open workbook, which is only read; the new workbook goes through `deliver`. */
export async function startNewPeriod(
  operations: Operations,
  onStep: OnNewPeriodStep
): Promise<NewPeriodDone> {
  const { delivery, readOpenWorkbook } = operations;
  if (!readOpenWorkbook) throw new Error("Ny period needs an open workbook");
  onStep("read");
  // Checked before any work: an old Excel hears it at once, not after the roll.
  delivery.ready(NEW_PERIOD_WORDS);
  const workbook = await readOpenWorkbook(NEW_PERIOD_WORDS);
  onStep("rollForward");
  const file = await operations.engine.nextPeriod(workbook);
  onStep(delivery.workbooks);
  const delivered = await delivery.deliver(
    { fileName: file.fileName, bytes: file.bytes, type: "xlsx" },
    NEW_PERIOD_WORDS
  );
  return { from: workbook.fileName, summary: file, delivered };
}

export interface NewPeriodMessage {
  readonly title: string;
  /** Sentences, each shown as its own paragraph. */
  readonly lines: readonly string[];
}

/** What the pane says once the new workbook is made. */
export function newPeriodMessage(
  { from, summary }: Pick<NewPeriodDone, "from" | "summary">,
  delivery: Delivery["workbooks"]
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
