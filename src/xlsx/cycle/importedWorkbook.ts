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
import { columnNumber } from "../../core/snapshot";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import { DateStyles } from "./dateStyles";
import { expandSharedFormulas } from "./formulaCells";
import { PackageParts, WORKBOOK_PART } from "./packageParts";
import { dropCalcChain, withFullCalcOnLoad } from "./rollPackage";
import { readSheetData, writeSheetData } from "./sheetData";
import { valueCell } from "./tableRows";

const STYLES_PART = "xl/styles.xml";
const ADDRESS = /^([A-Z]{1,3})(\d+)$/;

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
  const parts = await PackageParts.unpack(input);
  const sheets = parts.sheets();
  const dates = new DateStyles(parts.text(STYLES_PART) ?? "");
  const bySheet = new Map<string, CellChange[]>();
  for (const change of changes)
    bySheet.set(change.sheet, [...(bySheet.get(change.sheet) ?? []), change]);
  for (const [name, sheetChanges] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    const data = sheet ? readSheetData(parts.text(sheet.part) ?? "") : null;
    if (!sheet || !data) throw notEditable(fileName, name);
    // A cell written over may be a shared formula's master: each cell gets its own formula first.
    expandSharedFormulas(data);
    for (const change of sheetChanges) {
      const [, letters, digits] = ADDRESS.exec(change.address) ?? [];
      if (!letters) throw notEditable(fileName, name);
      const rowNumber = Number(digits);
      const column = columnNumber(letters);
      let row = data.rows.get(rowNumber);
      if (!row) data.rows.set(rowNumber, (row = { attributes: "", cells: new Map() }));
      const style = Number(/\bs="(\d+)"/.exec(row.cells.get(column)?.attributes ?? "")?.[1] ?? 0);
      row.cells.set(column, valueCell(change.after, style, dates));
    }
    parts.setText(sheet.part, writeSheetData(data));
  }
  parts.setText(WORKBOOK_PART, withFullCalcOnLoad(parts.text(WORKBOOK_PART) ?? ""));
  dropCalcChain(parts);
  return parts.zip();
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
