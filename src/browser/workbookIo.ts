/**
 * The exceljs side of browser mode. The page imports this module with import(), so webpack puts
 * exceljs (about 1 MB) in a chunk of its own that only browser mode loads, never the add-in.
 */
export { readSnapshotFromBuffer } from "../xlsx/read/readSnapshot";
export { reportWorkbookBytes } from "../xlsx/render/renderSheetGrid";
