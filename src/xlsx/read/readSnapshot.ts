/**
 * An .xlsx file's bytes → Snapshot, with exceljs. No Node imports: this path also runs in the
 * browser bundle (the file-system wrapper is readSnapshotFromFile.ts).
 */
import ExcelJS from "exceljs";
import { CorruptWorkbookError } from "../../core/errors";
import type { Snapshot } from "../../core/snapshot";
import type { Inflate } from "../zip/unpackPart";
import { loadXlsx } from "../exceljsShim";
import { sheetTables } from "./sheetTables";
import { xlsxPackageForExceljs } from "./xlsxPackage";

/**
 * Loads a workbook without its data validations: exceljs would expand each range into one entry
 * per cell (a whole-column rule: a million entries), and the template definition, not the file,
 * says which values are allowed.
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  fileName: string,
  inflate?: Inflate
): Promise<ExcelJS.Workbook> {
  const xlsx = await xlsxPackageForExceljs(bytes, fileName, inflate);
  try {
    return await loadXlsx(new ExcelJS.Workbook(), xlsx, { ignoreNodes: ["dataValidations"] });
  } catch {
    throw new CorruptWorkbookError(fileName);
  }
}

/**
 * Reads every Excel table of the workbook. Throws NotAWorkbookError, EncryptedWorkbookError or
 * CorruptWorkbookError for a file that cannot be read; a workbook without tables gives a Snapshot
 * without tables (parseModel then names the missing one). `inflate`: see xlsxPackageForExceljs.
 */
export async function readSnapshotFromBuffer(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  inflate?: Inflate
): Promise<Snapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const workbook = await loadWorkbook(bytes, fileName, inflate);
  const sheets = workbook.worksheets;
  return {
    fileName,
    sheetNames: sheets.map((sheet) => sheet.name),
    tables: sheets.flatMap((sheet) => sheetTables(sheet, fileName)),
  };
}
