/**
 * Hämta från Kolada-fil, a workbook operation (operation.ts): the open workbook and the saved
 * Kolada responses the user picked → the workbook with the Kolada indicators' Utfall and Utfall fg
 * år filled (the code `tertial kolada` runs), delivered as a new workbook (opened in Excel,
 * downloaded in browser mode). The open workbook is only read; no network is used.
 */
import {
  koladaFileName,
  notFilledLines,
  replacedLines,
  type KoladaFill,
} from "../core/kolada/koladaFill";
import { capitalize, countPhrase } from "../core/text/swedishWords";
import { savedFileWords, type Delivered, type Operations, type PickedFile } from "./operation";
import type { KoladaStep } from "./progress";

export const KOLADA_WORDS = savedFileWords(
  "Hämta från Kolada-fil",
  "hämta värdena till",
  "npx tertial kolada <fil.xlsx> <kolada.json>",
  "Excel kunde inte öppna den nya arbetsboken. Försök igen om en stund; den här arbetsboken " +
    "är oförändrad."
);

/** Said beside the button. */
export const KOLADA_NOTE =
  "Välj en eller flera sparade svar från Koladas API (.json). Indikatorer med Källa " +
  "Kolada:<KPI-id> får Utfall för året och Utfall fg år för året före, för kommunen i Kommunkod, " +
  "i en ny arbetsbok; den här ändras inte. Tertial hämtar ingenting från nätet.";

export interface KoladaDone {
  readonly from: string;
  readonly fileName: string;
  readonly fill: KoladaFill;
  /** Null when nothing was filled, so nothing was delivered. */
  readonly delivered: Delivered | null;
}

export async function fillFromKolada(
  operations: Operations,
  pages: readonly PickedFile[],
  onStep: (step: KoladaStep) => void
): Promise<KoladaDone> {
  const { delivery, readOpenWorkbook } = operations;
  if (!readOpenWorkbook) throw new Error("Kolada needs an open workbook");
  onStep("read");
  delivery.ready(KOLADA_WORDS);
  const workbook = await readOpenWorkbook(KOLADA_WORDS);
  onStep("koladaFill");
  const made = await operations.engine.kolada(workbook, pages);
  const fileName = koladaFileName(workbook.fileName);
  if (made.bytes === null)
    return { from: workbook.fileName, fileName, fill: made.fill, delivered: null };
  onStep(delivery.workbooks);
  const delivered = await delivery.deliver(
    { fileName, bytes: made.bytes, type: "xlsx" },
    KOLADA_WORDS
  );
  return { from: workbook.fileName, fileName, fill: made.fill, delivered };
}

export interface KoladaMessage {
  readonly intent: "success" | "warning" | "error";
  readonly title: string;
  readonly lines: readonly string[];
}

/** What the pane says afterwards: where the workbook went, each replaced value, each cell not filled. */
export function koladaMessage(done: KoladaDone, workbooks: "open" | "download"): KoladaMessage {
  const { fill } = done;
  const notFilled = notFilledLines(fill);
  if (done.delivered === null) {
    return {
      intent: "error",
      title: "Inga värden att hämta",
      lines: [
        fill.notFilled.length === 0
          ? "Ingen indikator på bladet Indikatorer har Källa Kolada:<KPI-id> (t.ex. Kolada:N00945)."
          : `Kolada-filerna har inget värde för kommun ${fill.municipality} och indikatorerna med Källa Kolada.`,
        ...notFilled,
        `${done.from} ändrades inte och ingen ny arbetsbok skapades.`,
      ],
    };
  }
  const filled = fill.cells.filter((c) => c.after !== null).length;
  return {
    intent: notFilled.length > 0 ? "warning" : "success",
    title: `${capitalize(countPhrase(filled, "värde", "värden", "neuter"))} från Kolada för kommun ${fill.municipality}`,
    lines: [
      workbooks === "open"
        ? `Den är öppnad i Excel som en ny arbetsbok: spara den som ${done.fileName}.`
        : `Den laddas ned som ${done.fileName} (oftast till mappen Hämtade filer).`,
      ...replacedLines(fill).map((line) => `Ersatt: ${line}`),
      ...notFilled,
      `${done.from} ändrades inte. Källa: Kolada.`,
    ],
  };
}
