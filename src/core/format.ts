/**
 * Swedish display formats: `1 092,2`, `−51,2`, `2024-08-31`. A no-break space groups thousands
 * (so a number never wraps across lines) and U+2212 is the minus sign, as in print.
 * Rounding happens here and only here.
 */
const NBSP = "\u00a0";
const MINUS = "\u2212";

export function formatNumber(value: number, decimals: number): string {
  const rounded = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value; // no "−0,0"
  const fixed = Math.abs(rounded).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (rounded < 0 ? MINUS : "") + grouped + (fraction ? `,${fraction}` : "");
}

/** An amount in the workbook's unit, one decimal (`−51,2`). */
export function formatAmount(value: number): string {
  return formatNumber(value, 1);
}

/** A figure with the workbook's unit (`0,35 mnkr`), or alone when the workbook names none. */
export function withUnit(figure: string, unit: string | null): string {
  return unit ? `${figure}${NBSP}${unit}` : figure;
}

/** An amount with the workbook's unit (`−51,2 mnkr`), or alone (`−51,2`) when it names none. */
export function formatAmountWithUnit(value: number, unit: string | null): string {
  return withUnit(formatAmount(value), unit);
}

export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** `2024-08-31`: every date Tertial shows, in every host (ISO 8601, as Swedish writes dates). */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
