/**
 * Column widths that hold their longest word. The sheets' widths are characters at the sheet's
 * print scale; a Word page is narrower, so a declared width may not hold "Driftsredovisning" or
 * "Konsekvensbeskrivning" and Word would break it mid-word. Columns short of their longest word
 * take the difference from columns with room to spare, in proportion to that room.
 */

/** Arial's advance widths in em, by character class (close enough to choose column widths). */
function charEm(c: string): number {
  if (/[ijlI.,;:'|!ft]/.test(c)) return 0.28;
  if (/[r()\-\u2013 ]/.test(c)) return 0.34;
  if (/[mwMW]/.test(c)) return 0.85;
  if (/[A-ZÅÄÖ]/.test(c)) return 0.68;
  return 0.56;
}

/** The widest word of `text` in twips at `sizePt` (bold a little wider). */
export function longestWordTwips(text: string, sizePt: number, bold: boolean): number {
  const em = sizePt * 20 * (bold ? 1.07 : 1);
  return Math.max(
    0,
    ...text.split(/[ \n\t]+/).map((word) => [...word].reduce((sum, c) => sum + charEm(c), 0) * em)
  );
}

/**
 * `widths` (twips) changed as little as needed so that each column is at least `least[i]`; the
 * total stays the same. When the columns cannot all fit, the widths are returned as they were.
 */
export function fitColumns(widths: readonly number[], least: readonly number[]): number[] {
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, least[i] - w), 0);
  if (short === 0) return [...widths];
  const room = widths.map((w, i) => Math.max(0, w - least[i]));
  const spare = room.reduce((a, b) => a + b, 0);
  if (spare < short) return [...widths];
  return widths.map((w, i) =>
    w < least[i] ? least[i] : Math.round(w - (room[i] * short) / spare)
  );
}
