/**
 * A built template's .xlsx bytes. No Node imports: the page builds workbooks too (Ny period,
 * Sammanställ); writing them to a file is saveWorkbook.ts.
 */
import type ExcelJS from "exceljs";
import { definitionOf } from "./buildWorkbook";
import { completePackage } from "./completePackage";

/** What exceljs writes, completed with what it cannot write. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // exceljs types the buffer as ArrayBuffer; in Node it is a Buffer, i.e. already a Uint8Array.
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return completePackage(bytes, definitionOf(workbook));
}
