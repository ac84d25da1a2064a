/**
 * The exceljs side of the page. It is imported with import(), so webpack puts exceljs (about 1 MB)
 * in a chunk of its own: browser mode loads it as it starts, the Excel pane only on its first
 * Ny period or Sammanställ.
 */
export { readSnapshotFromBuffer } from "../xlsx/read/readSnapshot";
export { reportWorkbookBytes } from "../xlsx/render/renderSheetGrid";
export { nextPeriodWorkbook } from "../xlsx/cycle/nextPeriodWorkbook";
export { markedWorkbook } from "../xlsx/seal/markedWorkbook";
export { koladaWorkbook } from "../xlsx/kolada/koladaWorkbook";
export { importLedgerWorkbook } from "../xlsx/cycle/importedWorkbook";
