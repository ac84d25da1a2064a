/**
 * Excel's limit on a cell: 32,767 characters. A cell cannot hold more, in Excel or in a file, so
 * every SheetGrid cell gets its value through here (layout.ts), and a text that would not fit is
 * cut with a visible mark instead of failing the write or being cut silently.
 */
import { MAX_CELL_TEXT_CHARS } from "../limits";

/** What replaces the end of a text too long for one cell. */
export const SHORTENED_MARK = "… (förkortad)";

/** `value` as it may stand in one cell: a text cut to MAX_CELL_TEXT_CHARS with the mark. */
export function withinCellLimit<T>(value: T | string): T | string {
  if (typeof value !== "string" || value.length <= MAX_CELL_TEXT_CHARS) return value;
  let end = MAX_CELL_TEXT_CHARS - SHORTENED_MARK.length;
  // Never keep half of a surrogate pair (an emoji, a rare CJK character).
  if (/[\uD800-\uDBFF]/.test(value[end - 1])) end--;
  return value.slice(0, end) + SHORTENED_MARK;
}
