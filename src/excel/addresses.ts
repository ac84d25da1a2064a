/** A1 addresses as Office.js reads and writes them. */
import { cellAddress, columnLetters, columnNumber } from "../core/snapshot";

export interface CellPosition {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
}

/** `B3` → column 2, row 3. */
export function parseCell(cell: string): CellPosition {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell.toUpperCase());
  if (!m) throw new Error(`Not an A1 cell address: ${cell}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** The top-left cell of an address as Excel returns it: `'Min flik'!B3:K20` → B3. */
export function topLeftOf(address: string): CellPosition {
  const local = address.slice(address.lastIndexOf("!") + 1);
  return parseCell(local.split(":")[0]);
}

/** `A1:C4` for 1-based inclusive bounds; a single cell stays `A1`. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/** Whole columns: `A:F`. */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

/** Whole rows: `5:9`. */
export function rowsAddress(first: number, last: number): string {
  return `${first}:${last}`;
}

/** A sheet name as it must stand in a reference: `'Åtgärder'`, with `'` doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
