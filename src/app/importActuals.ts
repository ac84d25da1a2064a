/**
 * Importera utfall, a workbook operation (operation.ts) in two steps: `previewImport` reads the
 * open workbook and the picked ledger file and makes the imported copy, returning what changes
 * (before → after, every cell) and the reconciliation for the pane to show; only after the user
 * confirms does `applyImport` act: in Excel it writes those cells into the open workbook (after
 * opening a copy of it as it was, when asked), in browser mode it downloads the imported copy.
 * The code that plans and makes the copy is `tertial importera`'s.
 */
import type { CellChange, ImportPlan } from "../core/importing/importPlan";
import { importHasGaps } from "../core/importing/importPlan";
import {
  filledLines,
  formatBefore,
  formatImported,
  gapLines,
  ledgerLine,
  reconciliationLines,
} from "../core/importing/importText";
import { formatNumber } from "../core/format";
import {
  savedFileWords,
  type Delivered,
  type Operations,
  type PickedFile,
  type WorkbookBytes,
} from "./operation";
import type { ImportStep } from "./progress";

export const IMPORT_WORDS = savedFileWords(
  "Importera utfall",
  "importera från",
  "npx tertial importera <arbetsbok.xlsx> <fil.se>",
  "Excel kunde inte öppna den importerade arbetsboken. Välj Importera utfall igen om en stund; " +
    "den här arbetsboken är oförändrad."
);

/** One line of the preview: a cell before → after. */
export interface PreviewRow {
  readonly sheet: string;
  readonly cell: string;
  /** Post or Verksamhet. */
  readonly name: string;
  readonly header: string;
  readonly before: string;
  readonly after: string;
}

export interface ImportPreview {
  /** The workbook imported into. */
  readonly from: string;
  /** Its bytes as read: "Skapa kopia först" opens them before the cells are written. */
  readonly original: Uint8Array;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly rows: readonly PreviewRow[];
  /** The file as read, what was filled and left. */
  readonly summary: readonly string[];
  /** What did not reach the workbook (unmapped accounts and objects with amounts …). */
  readonly gaps: readonly string[];
  readonly reconciliation: readonly string[];
  /** The cells, for a host that writes them into the open workbook instead. */
  readonly changes: readonly CellChange[];
}

/** What the import makes of the engine's plan: the words every host shows. */
export function importPreview(
  workbook: WorkbookBytes,
  made: { fileName: string; bytes: Uint8Array; plan: ImportPlan }
): ImportPreview {
  const { plan } = made;
  const { unit } = plan.result.frame;
  return {
    from: workbook.fileName,
    original: workbook.bytes,
    fileName: made.fileName,
    bytes: made.bytes,
    rows: plan.changes.map((change) => ({
      sheet: change.sheet,
      cell: change.address,
      name: change.name,
      header: change.header,
      before: formatBefore(change.before, unit),
      after: formatImported(change.after, unit),
    })),
    summary: [ledgerLine(plan), ...filledLines(plan)],
    gaps: importHasGaps(plan) ? gapLines(plan) : [],
    reconciliation: reconciliationLines(plan),
    changes: plan.changes,
  };
}

/** Reads and plans; nothing is delivered or written. */
export async function previewImport(
  operations: Operations,
  ledger: PickedFile,
  onStep: (step: ImportStep) => void
): Promise<ImportPreview> {
  const { delivery, readOpenWorkbook } = operations;
  if (!readOpenWorkbook) throw new Error("Importera utfall needs an open workbook");
  onStep("read");
  // Checked before any work: an old Excel hears it at once, not after the import.
  delivery.ready(IMPORT_WORDS);
  const workbook = await readOpenWorkbook(IMPORT_WORDS);
  onStep("importLedger");
  const made = await operations.engine.importActuals(workbook, ledger);
  return importPreview(workbook, made);
}

/** Where the confirmed import went. */
export type ImportApplied =
  /** Into the open workbook (Excel); `copy` is the workbook as it was, opened first when asked. */
  | { readonly kind: "written"; readonly copy: Delivered | null }
  /** The imported copy, downloaded (browser mode) or opened. */
  | { readonly kind: "delivered"; readonly delivered: Delivered };

/** `<arbetsbok> före import.xlsx`: the workbook as it was, beside the one imported into. */
export const copyBeforeImportName = (fileName: string) =>
  `${fileName.replace(/\.[^.]*$/, "")} före import.xlsx`;

const COPY_WORDS = {
  ...IMPORT_WORDS,
  openFailed:
    "Excel kunde inte öppna kopian av arbetsboken, så inget importerades och den här arbetsboken " +
    "är oförändrad. Välj Importera utfall igen om en stund.",
};

/**
 * After the user's confirmation. Where the host writes into the open workbook (Excel) the
 * previewed cells are written there, after opening the workbook as it was as a new workbook when
 * `copyFirst`; elsewhere the imported copy is delivered.
 */
export async function applyImport(
  operations: Operations,
  preview: ImportPreview,
  copyFirst: boolean,
  onStep: (step: ImportStep) => void
): Promise<ImportApplied> {
  const { delivery, writeImportedCells } = operations;
  if (!writeImportedCells) {
    onStep(delivery.workbooks);
    const delivered = await delivery.deliver(
      { fileName: preview.fileName, bytes: preview.bytes, type: "xlsx" },
      IMPORT_WORDS
    );
    return { kind: "delivered", delivered };
  }
  let copy: Delivered | null = null;
  if (copyFirst) {
    onStep("copy");
    copy = await delivery.deliver(
      { fileName: copyBeforeImportName(preview.from), bytes: preview.original, type: "xlsx" },
      COPY_WORDS
    );
  }
  onStep("importCells");
  await writeImportedCells(preview.changes);
  return { kind: "written", copy };
}

/** Said beside the button: what is read, and where the outcome goes. */
export function importNote(operations: Operations): string {
  const what =
    "Importera utfall läser en export från ekonomisystemet (SIE 4: .se, .sie, .si, eller CSV med " +
    "kolumnerna Konto och Belopp) och visar först vilka celler som ändras. ";
  return operations.writeImportedCells
    ? what +
        "När du väljer Importera skrivs Utfall period, Utfall period fg år och Periodbudget in i " +
        "den här arbetsboken, på raderna som bladet Kontoplan mappar."
    : what +
        `När du väljer Importera laddas en kopia av ${operations.savedFile ?? "arbetsboken"} med ` +
        "utfallet ned. Tertial läser filen som den är sparad (spara i Excel först) och ändrar " +
        "ingenting i den.";
}

/** Said before confirming in Excel: the write may not be undoable. */
export const UNDO_WARNING =
  "Excel kan inte alltid ångra importen med Ångra, eftersom ett tillägg skriver cellerna. Välj " +
  "Skapa kopia först så öppnas arbetsboken som den är nu som en ny arbetsbok, som du kan spara.";

export interface ImportMessage {
  readonly intent: "success" | "warning";
  readonly title: string;
  readonly lines: readonly string[];
}

const cellCount = (n: number) => (n === 1 ? "1 cell" : `${formatNumber(n, 0)} celler`);

/** The preview's headline: how many cells change, or that none does. */
export function previewTitle(preview: ImportPreview): string {
  return preview.rows.length === 0
    ? `Inga celler ändras: ${preview.from} har redan huvudbokens belopp`
    : `${cellCount(preview.rows.length)} ändras i ${preview.from}`;
}

/** What the pane says once the import is confirmed and done. */
export function importMessage(preview: ImportPreview, applied: ImportApplied): ImportMessage {
  const gaps = preview.gaps.length > 0 ? ["Det som inte kom med:", ...preview.gaps] : [];
  const intent = gaps.length > 0 ? "warning" : "success";
  if (applied.kind === "written") {
    const { copy } = applied;
    return {
      intent,
      title: "Utfallet är importerat",
      lines: [
        `${cellCount(preview.rows.length)} i ${preview.from} fick nya värden. Spara arbetsboken ` +
          "för att behålla dem.",
        ...(copy
          ? [
              "Arbetsboken som den var före importen är öppnad i Excel som en ny arbetsbok: spara " +
                `den som ${copy.fileName} om du vill behålla den.`,
            ]
          : []),
        ...gaps,
      ],
    };
  }
  const { delivered } = applied;
  return {
    intent,
    title: "Den importerade arbetsboken är skapad",
    lines: [
      delivered.how === "opened"
        ? `Den är öppnad i Excel som en ny arbetsbok: spara den som ${delivered.fileName}.`
        : `Den laddas ned som ${delivered.fileName} (oftast till mappen Hämtade filer).`,
      ...gaps,
      `${preview.from} ändrades inte.`,
    ],
  };
}
