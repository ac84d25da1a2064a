/** Reading cell values as the template's column kinds. Pure and locale-independent. */
import { isCellError, type CellValue } from "../snapshot";

const SPACES = /[\s\u00a0\u202f\u2007]+/g;
const MINUS = /^[\u2212\u2013-]/;
// "1 234,5", "−51,2", "1234,5", "12", "0,25"; a dot decimal only where no comma grouping is possible.
const SWEDISH_NUMBER = /^[+-]?(\d{1,3}( \d{3})+|\d+)(,\d+)?$/;
const DOT_DECIMAL = /^[+-]?\d+\.\d+$/;

/** Parses a number typed as text the Swedish way (`"1 234,5"`, `"−51,2"`); null when it is not one. */
export function parseSwedishNumber(text: string): number | null {
  const t = text.replace(SPACES, " ").trim().replace(MINUS, "-");
  if (SWEDISH_NUMBER.test(t)) return Number(t.replace(/ /g, "").replace(",", "."));
  if (DOT_DECIMAL.test(t)) return Number(t);
  return null;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.replace(SPACES, "").length === 0);
}

/** A number cell, or text that reads as a Swedish number. */
export function readNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return parseSwedishNumber(value);
  return null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of the nearest day: absorbs an hour's shift from a writer in another time zone. */
export function utcDay(date: Date): Date {
  return new Date(Math.round(date.getTime() / DAY_MS) * DAY_MS);
}

/** A real date, an Excel serial number (what Office.js reports for date cells) or `yyyy-mm-dd` text. */
export function readDate(value: CellValue): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : utcDay(value);
  if (typeof value === "number" && value >= 1 && value < 2_958_466)
    return utcDay(new Date(EXCEL_EPOCH_MS + value * DAY_MS));
  if (typeof value === "string") {
    const m = ISO_DATE.exec(value.trim());
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
  }
  return null;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Any non-error cell as trimmed text; null when blank. */
export function readText(value: CellValue): string | null {
  if (value === null || isCellError(value)) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : formatIsoDate(utcDay(value));
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  const text = String(value)
    .replace(/\u00a0/g, " ")
    .trim();
  return text.length > 0 ? text : null;
}

/** Exactly one of the allowed values (no trimming or case folding: near misses are findings). */
export function readListValue<T extends string>(value: CellValue, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : null;
}
