/**
 * The Excel tables of one worksheet as SnapshotTables, read from the sheet's cells within each
 * table's range: rows a user typed below the table (once Excel grew the range) are included, and
 * columns come in sheet order, whatever the table's own column list says.
 */
import type ExcelJS from "exceljs";
import { CorruptWorkbookError } from "../../core/errors";
import { formatDate } from "../../core/format";
import {
  columnNumber,
  isCellError,
  type CellRange,
  type CellValue,
  type SnapshotTable,
} from "../../core/snapshot";
import { tableModel, worksheetTables } from "../exceljsShim";
import { plainValue } from "./plainValue";

const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** `A3:H11` → rows 3–11, columns 1–8; null when it is not a range. */
export function parseRange(ref: string): CellRange | null {
  const m = RANGE.exec(ref.trim());
  if (!m) return null;
  const [top, left] = [Number(m[2]), columnNumber(m[1])];
  const [bottom, right] = m[3] ? [Number(m[4]), columnNumber(m[3])] : [top, left];
  if (top < 1 || left < 1 || bottom < top || right < left) return null;
  return { top, left, bottom, right };
}

function headerText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return formatDate(value);
  if (isCellError(value)) return value.error;
  return String(value);
}

function cellValue(row: ExcelJS.Row | undefined, column: number): CellValue {
  return row ? plainValue(row.findCell(column)?.value) : null;
}

function readTable(
  sheet: ExcelJS.Worksheet,
  table: ExcelJS.Table,
  fileName: string
): SnapshotTable {
  const model = tableModel(table);
  const range = model.tableRef ? parseRange(model.tableRef) : null;
  if (!range) throw new CorruptWorkbookError(fileName);
  const columns = Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
  const headerRow = sheet.findRow(range.top);
  // Rows past the sheet's last stored row are empty: no need to list them (a range may reach row 1,048,576).
  const lastDataRow = Math.min(model.totalsRow ? range.bottom - 1 : range.bottom, sheet.rowCount);
  const rows: CellValue[][] = [];
  for (let r = range.top + 1; r <= lastDataRow; r++) {
    const row = sheet.findRow(r);
    rows.push(columns.map((c) => cellValue(row, c)));
  }
  return {
    name: model.displayName || model.name,
    sheet: sheet.name,
    headerRow: range.top,
    firstColumn: range.left,
    headers: columns.map((c) => headerText(cellValue(headerRow, c))),
    rows,
  };
}

export function sheetTables(sheet: ExcelJS.Worksheet, fileName: string): SnapshotTable[] {
  return worksheetTables(sheet).map((table) => readTable(sheet, table, fileName));
}
