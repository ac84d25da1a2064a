/**
 * A built template's .xlsx bytes. No Node imports: the page builds workbooks too (Ny period,
 * Sammanställ); writing them to a file is saveWorkbook.ts.
 */
import type ExcelJS from "exceljs";
import { definitionOf } from "./buildWorkbook";
import { completePackage } from "./completePackage";

/** What exceljs writes, completed with what it cannot write. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Stored: completePackage deflates it. exceljs types the buffer as ArrayBuffer; in Node it is a
  // Buffer, i.e. already a Uint8Array.
  const written: unknown = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
  return completePackage(bytes, definitionOf(workbook));
}
