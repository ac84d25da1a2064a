/**
 * What a host read from a workbook: plain values only, no exceljs or Office.js types.
 * Rows are dense arrays aligned with `headers`, so both hosts can fill them straight from a
 * table range's values.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | Date | null | CellError;

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

export interface SnapshotTable {
  /** Excel table name, e.g. `tblAtgarder`. */
  readonly name: string;
  readonly sheet: string;
  /** 1-based row number of the header row on the sheet. */
  readonly headerRow: number;
  /** 1-based column number of the table's first column. */
  readonly firstColumn: number;
  /** Header texts as they stand in the workbook. */
  readonly headers: readonly string[];
  /** Data rows in sheet order, blank rows included, each as long as `headers`. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface Snapshot {
  /** File name shown to the user (no directory). */
  readonly fileName: string;
  readonly sheetNames: readonly string[];
  readonly tables: readonly SnapshotTable[];
}

/** A rectangle of cells: 1-based rows and columns, bounds included. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** `1` → `A`, `28` → `AB`. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `A` → 1, `AB` → 28, in either case: the inverse of `columnLetters`. */
export function columnNumber(letters: string): number {
  // A loop, not a spread and reduce: the reader calls it for every cell of a workbook.
  const upper = letters.toUpperCase();
  let n = 0;
  for (let i = 0; i < upper.length; i++) n = n * 26 + upper.charCodeAt(i) - 64;
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
