/**
 * Amounts read exactly, as whole öre. A ledger's kronor have two decimals; summing them as
 * floating-point kronor drifts (0.1 + 0.2), summing öre as integers does not, so every sum of a
 * file is exact and only the final conversion to the workbook's unit is a division.
 */

/** Öre in one krona. */
export const ORE_PER_KRONA = 100;

const ZERO = 0x30;
const POINT = 0x2e;

/**
 * A SIE amount (`-1.85`, `1200`, `12.50`) in öre, or null when it is none: a decimal point, at
 * most two decimals that are not zero (`12.500` is fine, `12.345` is not a kronor amount).
 * Read digit by digit: it runs for every line of a file of vouchers.
 */
export function parseSieAmount(text: string): number | null {
  const length = text.length;
  let at = 0;
  const first = text.charCodeAt(0);
  const negative = first === 0x2d;
  if (negative || first === 0x2b) at++;
  let kronor = 0;
  const wholeFrom = at;
  for (; at < length; at++) {
    const digit = text.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) break;
    kronor = kronor * 10 + digit;
  }
  if (at === wholeFrom) return null;
  let ore = 0;
  if (at < length) {
    if (text.charCodeAt(at++) !== POINT) return null;
    for (let place = 0; at < length; at++, place++) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) return null;
      if (place === 0) ore += digit * 10;
      else if (place === 1) ore += digit;
      else if (digit !== 0) return null;
    }
  }
  const total = kronor * ORE_PER_KRONA + ore;
  if (!Number.isSafeInteger(total)) return null;
  return negative && total !== 0 ? -total : total;
}

const CSV_AMOUNT = /^([-+\u2212]?)(\d+)(?:[.,](\d*))?$/;
const CSV_GROUPED = /^([-+\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d*))?$/;

/**
 * A CSV amount in öre: a decimal comma or point, spaces or no-break spaces grouping thousands, a
 * hyphen or U+2212 as minus (`-1 234,50`, `1234.5`). Null when it is none, e.g. `1.234,50`, whose
 * point could be a decimal point as well as a thousands separator.
 */
export function parseCsvAmount(text: string): number | null {
  const trimmed = text.trim();
  const match = CSV_AMOUNT.exec(trimmed) ?? CSV_GROUPED.exec(trimmed);
  if (!match) return null;
  return toOre(
    match[1] === "-" || match[1] === "\u2212",
    match[2].replace(/\D/g, ""),
    match[3] ?? ""
  );
}

function toOre(negative: boolean, whole: string, decimals: string): number | null {
  const fraction = decimals.replace(/0+$/, "");
  if (fraction.length > 2) return null;
  const ore = Number(whole) * ORE_PER_KRONA + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) return null;
  return negative && ore !== 0 ? -ore : ore;
}
