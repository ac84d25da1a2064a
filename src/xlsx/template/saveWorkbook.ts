/** Writes a workbook to a file all at once: a crash never leaves half a workbook behind. */
import type ExcelJS from "exceljs";
import { writeFileAtomic } from "../writeAtomic";
import { definitionOf } from "./buildWorkbook";
import { completePackage } from "./completePackage";

/** A built template's .xlsx bytes: what exceljs writes, completed with what it cannot write. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // exceljs types the buffer as ArrayBuffer; in Node it is a Buffer, i.e. already a Uint8Array.
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return completePackage(bytes, definitionOf(workbook));
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomic(file, await workbookBytes(workbook));
}
