/**
 * Swedish display formats: `1 092,2`, `−51,2`, `2024-08-31`. A no-break space groups thousands
 * (so a number never wraps across lines) and U+2212 is the minus sign, as in print.
 * Rounding happens here and only here.
 */
import { shownDecimals } from "./amountUnit";

const NBSP = "\u00a0";
const MINUS = "\u2212";

export function formatNumber(value: number, decimals: number): string {
  const rounded = roundShown(value, decimals); // no "−0,0": a zero is never negative here
  const fixed = Math.abs(rounded).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (rounded < 0 ? MINUS : "") + grouped + (fraction ? `,${fraction}` : "");
}

/**
 * `value` rounded as it is shown: half away from zero, on the value as Excel holds it (15
 * significant digits), so a sum that floating point makes 352.49999999999994 shows as 353, as
 * Excel shows it, and a reader adding up printed figures gets what this function gives.
 */
export function roundShown(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * An amount as its unit is read (amountUnit.ts): `−51,2` in mnkr (or when the unit is not known),
 * `−51 200` in tkr and kr.
 */
export function formatAmount(value: number, unit: string | null): string {
  return formatNumber(value, shownDecimals(unit));
}

/** A figure with the workbook's unit (`0,35 mnkr`), or alone when the workbook names none. */
export function withUnit(figure: string, unit: string | null): string {
  return unit ? `${figure}${NBSP}${unit}` : figure;
}

/** An amount with its unit (`−51,2 mnkr`, `−51 200 tkr`), or alone (`−51,2`) when it has none. */
export function formatAmountWithUnit(value: number, unit: string | null): string {
  return withUnit(formatAmount(value, unit), unit);
}

export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** `2024-08-31`: every date Tertial shows, in every host (ISO 8601, as Swedish writes dates). */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
