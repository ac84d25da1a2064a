/** Cell addresses in a built workbook, found by header text the way the reader finds them. */
import type ExcelJS from "exceljs";

const HEADER_SEARCH_ROWS = 20;

/** The address `rowsBelow` rows below the header cell `header` on `sheet` (0: the header itself). */
export function headerAddress(
  workbook: ExcelJS.Workbook,
  sheet: string,
  header: string,
  rowsBelow: number
): string {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`Bladet ${sheet} saknas`);
  const { row, column } = findHeader(worksheet, header);
  return worksheet.getCell(row + rowsBelow, column).address;
}

function findHeader(worksheet: ExcelJS.Worksheet, header: string): { row: number; column: number } {
  for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) {
    const row = worksheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      if (row.getCell(c).value === header) return { row: r, column: c };
    }
  }
  throw new Error(`Rubriken ${header} saknas på bladet ${worksheet.name}`);
}

/** The address in column `header` of the row whose `keyHeader` cell holds `key` (e.g. Åtgärds-ID Å3). */
export function rowAddress(
  workbook: ExcelJS.Workbook,
  sheet: string,
  keyHeader: string,
  key: string,
  header: string
): string {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`Bladet ${sheet} saknas`);
  const keyCell = findHeader(worksheet, keyHeader);
  const column = findHeader(worksheet, header).column;
  for (let r = keyCell.row + 1; r <= worksheet.rowCount; r++) {
    if (worksheet.getCell(r, keyCell.column).value === key)
      return worksheet.getCell(r, column).address;
  }
  throw new Error(`${keyHeader} ${key} saknas på bladet ${sheet}`);
}
