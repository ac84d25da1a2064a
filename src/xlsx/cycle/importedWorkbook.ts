/**
 * `tertial importera`'s workbook: a copy of the input's package in which only the cells of the
 * import plan (Utfall period, Utfall period fg år, Periodbudget of Resultaträkning and
 * Driftsredovisning rows) get their new value, each in its own style; every other part and cell is
 * copied as it was. Excel recalculates on opening (Avvikelse and the sums read these cells). No
 * Node imports: browser mode runs it too.
 */
import {
  ImportRefusedError,
  planImport,
  type CellChange,
  type ImportPlan,
} from "../../core/importing/importPlan";
import { readLedger } from "../../core/ledger/readLedger";
import { analyse } from "../../core/pipeline";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import { SheetNotEditableError, withCellsChanged } from "./changedCells";

const notEditable = (fileName: string, sheet: string) =>
  new ImportRefusedError(
    `${fileName}: bladet ${sheet} kan Tertial inte ändra (delen är inte ett vanligt kalkylblad), ` +
      "så inget skrevs. Öppna och spara arbetsboken i Excel och försök igen."
  );

export async function importedWorkbookBytes(
  input: Uint8Array,
  fileName: string,
  changes: readonly CellChange[]
): Promise<Uint8Array> {
  try {
    return await withCellsChanged(input, changes, { recalculate: true });
  } catch (error) {
    if (error instanceof SheetNotEditableError) throw notEditable(fileName, error.sheet);
    throw error;
  }
}

/** The imported workbook with its plan: what the pane previews, then delivers on confirmation. */
export interface ImportedWorkbook {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly plan: ImportPlan;
}

/** `<arbetsbok> importerad.xlsx`, as `tertial importera` names it by default. */
export const importedFileName = (fileName: string) =>
  `${fileName.replace(/\.[^.]*$/, "")} importerad.xlsx`;

/**
 * The whole import from bytes, for hosts without a file system (browser mode, the Excel pane):
 * the workbook read, the ledger read chunk by chunk, planned and written into a copy.
 */
export async function importLedgerWorkbook(
  workbook: { readonly fileName: string; readonly bytes: Uint8Array },
  ledgerName: string,
  ledgerChunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
): Promise<ImportedWorkbook> {
  const snapshot = await readSnapshotFromBuffer(workbook.bytes, workbook.fileName);
  const { model, findings } = analyse(snapshot);
  const ledger = await readLedger(ledgerName, ledgerChunks);
  const plan = planImport(model, findings, ledger);
  return {
    fileName: importedFileName(workbook.fileName),
    bytes: await importedWorkbookBytes(workbook.bytes, workbook.fileName, plan.changes),
    plan,
  };
}
