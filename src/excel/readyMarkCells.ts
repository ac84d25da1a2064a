/**
 * Klarmarkera in Excel: the four ready-mark Värde cells of the open workbook, written in one
 * batch, and nothing else (no format, no other cell). Text is written as text (a leading
 * apostrophe, `toExcelInput`), so Excel never turns the seal into a number or the date into
 * another format; the date as `åååå-mm-dd`, which the reader reads as a date.
 */
import { formatIsoDate } from "../core/parse/values";
import type { ReadyMarkCell, ReadyMarkValues } from "../core/seal/readyMark";
import { toExcelInput } from "./cellValues";
import type { XlContext } from "./excelApi";

export async function writeReadyMarkCells(
  context: XlContext,
  cells: readonly ReadyMarkCell[],
  values: ReadyMarkValues
): Promise<void> {
  for (const cell of cells) {
    const value = values[cell.key];
    const text = value instanceof Date ? formatIsoDate(value) : value;
    context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).values = [
      [toExcelInput(text)],
    ];
  }
  await context.sync();
}
