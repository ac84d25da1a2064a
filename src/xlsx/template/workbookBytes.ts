/**
 * A built template's .xlsx bytes. No Node imports: the page builds workbooks too (Ny period,
 * Sammanställ); writing them to a file is saveWorkbook.ts.
 */
import type ExcelJS from "exceljs";
import { definitionOf } from "./buildWorkbook";
import { writtenBytes } from "../zip/repackStored";
import type { AddedPart } from "../customProperty";
import { completePackage } from "./completePackage";

/** What exceljs writes, completed with what it cannot write (and `added`, e.g. a custom property). */
export async function workbookBytes(
  workbook: ExcelJS.Workbook,
  added?: AddedPart
): Promise<Uint8Array> {
  // Stored: completePackage deflates it.
  const written = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return completePackage(writtenBytes(written), definitionOf(workbook), added);
}
