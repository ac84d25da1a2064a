/**
 * One cell of the Model: the parsed value, the raw value and its address. Below the template (which
 * types each column's cells by it) and the Model (which is made of them); model.ts re-exports it.
 */
import type { CellValue } from "./snapshot";

export interface ModelCell<T> {
  /** The parsed value; null when the cell is empty or cannot be read as its column's kind. */
  readonly value: T | null;
  /** The value as it stands in the workbook (for computed columns: the cached result, never trusted). */
  readonly raw: CellValue;
  /** A1 address on the row's sheet; for a column missing from the workbook, the table's header row. */
  readonly address: string;
  /** The column is missing from the workbook (only optional and computed columns may be). */
  readonly absent?: true;
}
