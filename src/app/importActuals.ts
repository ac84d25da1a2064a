/**
 * Importera utfall, a workbook operation (operation.ts) in two steps: `previewImport` reads the
 * open workbook and the picked ledger file and makes the imported copy, returning what changes
 * (before → after, every cell) and the reconciliation for the pane to show; only after the user
 * confirms does `confirmImport` deliver that copy (downloaded in browser mode, opened as a new
 * workbook in Excel). The open workbook is only read. The code is `tertial importera`'s.
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
import { savedFileWords, type Delivered, type Operations, type PickedFile } from "./operation";

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
  from: string,
  made: { fileName: string; bytes: Uint8Array; plan: ImportPlan }
): ImportPreview {
  const { plan } = made;
  const { unit } = plan.result.frame;
  return {
    from,
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
  ledger: PickedFile
): Promise<ImportPreview> {
  const { delivery, readOpenWorkbook } = operations;
  if (!readOpenWorkbook) throw new Error("Importera utfall needs an open workbook");
  // Checked before any work: an old Excel hears it at once, not after the import.
  delivery.ready(IMPORT_WORDS);
  const workbook = await readOpenWorkbook(IMPORT_WORDS);
  const made = await operations.engine.importActuals(workbook, ledger);
  return importPreview(workbook.fileName, made);
}

/** After the user's confirmation: the imported copy handed to the user. */
export function confirmImport(operations: Operations, preview: ImportPreview): Promise<Delivered> {
  return operations.delivery.deliver(
    { fileName: preview.fileName, bytes: preview.bytes, type: "xlsx" },
    IMPORT_WORDS
  );
}
