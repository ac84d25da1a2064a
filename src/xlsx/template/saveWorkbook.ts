/** Writes a workbook to a file all at once: a crash never leaves half a workbook behind. */
import type ExcelJS from "exceljs";
import { writeFileAtomic } from "../writeAtomic";
import { workbookBytes } from "./workbookBytes";

export { workbookBytes } from "./workbookBytes";

export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomic(file, await workbookBytes(workbook));
}
