/**
 * What a cell may hold. Every SheetGrid cell gets its value through here (`cellValue`, layout.ts):
 * its text made XML-safe (`../text/xmlSafe.ts`: a character a package part cannot hold becomes
 * U+FFFD, visibly), then held to Excel's limit of 32,767 characters. A cell cannot hold more, in
 * Excel or in a file, so a text that would not fit is cut with a visible mark instead of failing
 * the write or being cut silently. Replacing first never lengthens a text, and the cut never
 * splits a surrogate pair, so the result is both safe and within the limit.
 */
import { MAX_CELL_TEXT_CHARS } from "../limits";
import { xmlSafeText } from "../text/xmlSafe";

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

/** `value` as a report cell holds it: XML-safe text within the cell limit; numbers as they are. */
export function cellValue<T>(value: T | string): T | string {
  return withinCellLimit(typeof value === "string" ? xmlSafeText(value) : value);
}
