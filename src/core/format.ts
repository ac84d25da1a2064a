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

/** An amount with its unit (`−51,2 mnkr`). */
export function formatAmountWithUnit(value: number, unit: string): string {
  return `${formatAmount(value)}${NBSP}${unit}`;
}

export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
