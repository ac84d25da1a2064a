/**
 * One sheet holding a template table: a title in row 1, the table's instructions in row 2, the
 * Excel table (ListObject) from row 3 with its header row frozen. Widths, number formats and
 * computed formulas come from the TableDef. Tables that share a sheet (Kontoplan) stand side by
 * side, one empty column apart, each with its instructions above it: side by side, either can
 * grow downwards without running into the other.
 */
import type ExcelJS from "exceljs";
import { cellAddress, columnLetters, isCellError, type CellValue } from "../../core/snapshot";
import type { ColumnDef, TableDef } from "../../core/template/definition";
import { xmlSafeText } from "../../core/text/xmlSafe";
import { compileThisRowFormula } from "./computedFormula";
import {
  COMPUTED_FILL,
  COMPUTED_FONT,
  HEADER_FONT,
  NOTE_FONT,
  TABLE_HEADER_FILL,
  TABLE_THEME,
  TITLE_FONT,
  linesHeight,
  wrappedLines,
} from "./styles";

export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** Tables start in column A. */
export const FIRST_COLUMN = 1;

export interface TableSheet {
  readonly sheet: ExcelJS.Worksheet;
  /** The table's first sheet column (1-based). */
  readonly firstColumn: number;
  /** Last data row of the table. */
  readonly lastRow: number;
}

/**
 * A table cell's value in exceljs terms: error values keep their code, text is made XML-safe (the
 * one place a template workbook's content, a consolidation's included, becomes a cell), the rest
 * as is.
 */
export function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value !== null && isCellError(value)) {
    return { error: value.error as ExcelJS.CellErrorValue["error"] };
  }
  return typeof value === "string" ? xmlSafeText(value) : value;
}

/** Text and list values wrap within their column; numbers and dates never do. */
const isWrapped = (column: ColumnDef) => column.kind === "text" || column.kind === "status";

function dataCellStyle(column: ColumnDef): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    alignment: isWrapped(column)
      ? { vertical: "top", horizontal: "left", wrapText: true }
      : { vertical: "top" },
  };
  if (column.numFmt) style.numFmt = column.numFmt;
  if (column.kind === "computed") {
    style.font = COMPUTED_FONT;
    style.fill = COMPUTED_FILL;
  }
  return style;
}

/**
 * Adds the sheet and its table. `rows` are aligned with `def.columns`; computed columns get their
 * formula in every row, with a row's given value (if any) as the cached result. exceljs writes a
 * table without rows as a file Excel must repair, so callers always pass at least one row.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  def: TableDef,
  rows: readonly (readonly CellValue[])[]
): TableSheet {
  if (rows.length === 0) throw new Error(`Tabellen ${def.name} måste ha minst en rad.`);
  const shared = workbook.getWorksheet(def.sheet);
  // A second table on the sheet starts one empty column after the last one.
  const firstColumn = shared ? shared.columnCount + 2 : FIRST_COLUMN;
  const sheet = shared ?? newTableSheet(workbook, def);
  const headers = def.columns.map((c) => c.header);
  const columnOf = (header: string) => {
    const index = headers.indexOf(header);
    return index === -1 ? -1 : firstColumn + index;
  };
  const formulas = def.columns.map((c) =>
    c.kind === "computed" && c.formula ? compileThisRowFormula(c.formula, columnOf) : null
  );

  def.columns.forEach((column, j) => {
    sheet.getColumn(firstColumn + j).width = column.width;
  });

  if (!shared) {
    const title = sheet.getCell(cellAddress(TITLE_ROW, FIRST_COLUMN));
    title.value = def.title;
    title.font = TITLE_FONT;
  }

  const lastColumn = firstColumn + def.columns.length - 1;
  sheet.mergeCells(NOTE_ROW, firstColumn, NOTE_ROW, lastColumn);
  const note = sheet.getCell(cellAddress(NOTE_ROW, firstColumn));
  note.value = def.instructions;
  note.font = NOTE_FONT;
  note.alignment = { vertical: "top", wrapText: true };
  const tableWidth = def.columns.reduce((sum, c) => sum + c.width, 0);
  const noteRow = sheet.getRow(NOTE_ROW);
  noteRow.height = Math.max(
    noteRow.height ?? 0,
    linesHeight(wrappedLines(def.instructions, tableWidth))
  );

  sheet.addTable({
    name: def.name,
    displayName: def.name,
    ref: cellAddress(HEADER_ROW, firstColumn),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_THEME, showRowStripes: true },
    columns: def.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((values, i) =>
      values.map((value, j) => {
        const formula = formulas[j];
        if (!formula) return excelValue(value);
        const cell = { formula: formula(FIRST_DATA_ROW + i) };
        return value === null ? cell : { ...cell, result: excelValue(value) };
      })
    ),
  });

  const header = sheet.getRow(HEADER_ROW);
  header.height = Math.max(
    header.height ?? 0,
    linesHeight(Math.max(...def.columns.map((c) => wrappedLines(c.header, c.width))))
  );
  def.columns.forEach((_column, j) => {
    const cell = header.getCell(firstColumn + j);
    cell.font = HEADER_FONT;
    cell.fill = TABLE_HEADER_FILL;
    cell.alignment = { vertical: "bottom", wrapText: true };
  });

  const lastRow = HEADER_ROW + rows.length;
  // Historik (written only by Tertial, one short value per row) keeps exceljs's default cell
  // style: styling its tens of thousands of cells would cost more than writing the rest.
  if (def.writtenByTertial) return { sheet, firstColumn, lastRow };
  // One style object per column, shared by its cells: exceljs writes a style object it has seen
  // once by the id it gave it (a copy per cell costs it a lookup by XML, a third of the write).
  // Frozen, since exceljs's setters (cell.font = …) would change it in place for the whole column.
  const styles = def.columns.map((column) => Object.freeze(dataCellStyle(column)));
  const textColumns = def.columns.flatMap((c, j) => (isWrapped(c) ? [j] : []));
  rows.forEach((values, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    styles.forEach((style, j) => {
      row.getCell(firstColumn + j).style = style;
    });
    const lines = Math.max(
      1,
      ...textColumns.map((j) => {
        const value = values[j];
        return typeof value === "string" ? wrappedLines(value, def.columns[j].width) : 1;
      })
    );
    if (lines > 1) row.height = Math.max(row.height ?? 0, linesHeight(lines));
  });
  return { sheet, firstColumn, lastRow };
}

/** A new sheet for `def`'s table: header row frozen, printed on A4 landscape. */
function newTableSheet(workbook: ExcelJS.Workbook, def: TableDef): ExcelJS.Worksheet {
  return workbook.addWorksheet(def.sheet, {
    views: [
      {
        state: "frozen",
        ySplit: HEADER_ROW,
        topLeftCell: cellAddress(FIRST_DATA_ROW, FIRST_COLUMN),
        activeCell: cellAddress(FIRST_DATA_ROW, FIRST_COLUMN),
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
}

/** `C4:C2000`: one column of the table from its first data row down to `lastRow`. */
export function columnRange(column: number, lastRow: number): string {
  const letters = columnLetters(column);
  return `${letters}${FIRST_DATA_ROW}:${letters}${lastRow}`;
}
