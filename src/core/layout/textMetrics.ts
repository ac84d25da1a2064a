/**
 * Estimates how many lines a wrapped text needs in a cell of a given width, so that the layout can
 * give every row its height: Excel never grows a row for a merged cell, and hosts must not measure
 * text themselves (both hosts must print the same rows). Widths are Arial's (Liberation Sans has
 * the same metrics), the report's font.
 */

function widthTable(groups: readonly (readonly [string, number])[]): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const [chars, width] of groups) for (const ch of chars) widths[ch] = width;
  return widths;
}

/** Advance widths of Arial Regular in thousandths of an em. */
const ARIAL_WIDTHS: Readonly<Record<string, number>> = widthTable([
  [" !,./:;[\\]ijlItf\u00a0", 278],
  ["ijl", 222],
  ['"', 355],
  ["'", 191],
  ["()-`r", 333],
  ["*", 389],
  ["+<=>~×\u2212", 584],
  ["#$0123456789?_abdeghnopquåäöüéL–", 556],
  ["cksvxyzJ", 500],
  ["%", 889],
  ["&ABEKPSVXYÅÄ", 667],
  ["CDHNRUw", 722],
  ["FTZ", 611],
  ["GOQÖ", 778],
  ["Mm", 833],
  ["W", 944],
  ["@", 1015],
  ["—", 1000],
]);

/** Advance widths of Arial Bold: most lowercase letters are a tenth wider than in Regular. */
const ARIAL_BOLD_WIDTHS: Readonly<Record<string, number>> = widthTable([
  [" ,./\\Iijl\u00a0", 278],
  ["'", 238],
  ['"', 474],
  ["!():;[]`-ft", 333],
  ["*r", 389],
  ["+<=>~×\u2212", 584],
  ["#$0123456789_acesvkxyäåéJ–", 556],
  ["z", 500],
  ["?FLTZbdghnopquöü", 611],
  ["&ABCDHKNRUÅÄ", 722],
  ["EPSVXY", 667],
  ["GOQÖw", 778],
  ["M", 833],
  ["%m", 889],
  ["W", 944],
  ["@", 975],
  ["—", 1000],
]);
/** Anything not listed (marker shapes, rare letters): wider than most, to stay on the safe side. */
const OTHER_WIDTH = 700;
/** Excel draws with whole pixels (rounding glyphs up as often as down): keep a little in reserve. */
const USABLE_SHARE = 0.95;

const PX_PER_PT = 96 / 72;

/** Excel column width (characters of the default font, 7 px each) → pixels, as Excel converts it. */
export function columnPixels(width: number): number {
  return Math.floor(width * 7 + 5);
}

/** A text's advance width in ems of Arial (Regular or Bold), unwrapped. */
export function textEms(text: string, bold: boolean): number {
  const widths = bold ? ARIAL_BOLD_WIDTHS : ARIAL_WIDTHS;
  let thousandths = 0;
  for (const ch of text) thousandths += widths[ch] ?? OTHER_WIDTH;
  return thousandths / 1000;
}

/** A width table by UTF-16 code unit, for a scan without a lookup by string; 0 = not listed. */
function codeUnitTable(widths: Readonly<Record<string, number>>): Uint16Array {
  const entries = Object.entries(widths);
  const table = new Uint16Array(Math.max(...entries.map(([ch]) => ch.charCodeAt(0))) + 1);
  for (const [ch, width] of entries) table[ch.charCodeAt(0)] = width;
  return table;
}
const ARIAL_CODES = codeUnitTable(ARIAL_WIDTHS);
const ARIAL_BOLD_CODES = codeUnitTable(ARIAL_BOLD_WIDTHS);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The widest piece of `text` in ems, pieces being separated by line breaks and, when `words`, by
 * spaces and tabs too (a no-break space joins): `textEms` of the widest, in one scan without
 * splitting — a Word report measures every cell of every table for its column widths.
 */
export function widestPieceEms(text: string, bold: boolean, words: boolean): number {
  const table = bold ? ARIAL_BOLD_CODES : ARIAL_CODES;
  let widest = 0;
  let piece = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (words && (code === 32 || code === 9))) {
      if (piece > widest) widest = piece;
      piece = 0;
      continue;
    }
    let width = code < table.length ? table[code] : 0;
    if (width === 0) {
      width = OTHER_WIDTH;
      // A surrogate pair is one character, as textEms counts it.
      if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    }
    piece += width;
  }
  return Math.max(widest, piece) / 1000;
}

/** One estimated printed line: its words, and whether it opens a paragraph (follows a "\n"). */
export interface WrappedLine {
  readonly text: string;
  readonly startsParagraph: boolean;
}

/**
 * Greedy word wrapping, as Excel wraps: at spaces, and inside a word too long for a line (which
 * then takes several lines; its first line holds the word, the rest are empty).
 */
export function wrapText(
  text: string,
  widthPx: number,
  fontSizePt: number,
  bold: boolean
): WrappedLine[] {
  const emPx = fontSizePt * PX_PER_PT;
  const available = Math.max(1, (widthPx - 4) * USABLE_SHARE);
  const space = textEms(" ", bold) * emPx;
  const lines: WrappedLine[] = [];
  for (const paragraph of text.split("\n")) {
    let words: string[] = [];
    let used = 0;
    let startsParagraph = true;
    const flush = () => {
      lines.push({ text: words.join(" "), startsParagraph });
      words = [];
      startsParagraph = false;
    };
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w.length > 0)) {
      const width = textEms(word, bold) * emPx;
      if (words.length > 0 && used + space + width <= available) {
        words.push(word);
        used += space + width;
        continue;
      }
      if (words.length > 0) flush();
      words.push(word);
      used = width;
      for (let extra = Math.ceil(width / available) - 1; extra > 0; extra--) {
        flush();
        used = width % available || available;
      }
    }
    flush();
  }
  return lines;
}

export function wrappedLineCount(
  text: string,
  widthPx: number,
  fontSizePt: number,
  bold: boolean
): number {
  return wrapText(text, widthPx, fontSizePt, bold).length;
}

/** Lines back into cell text: a line that opens a paragraph follows a line break, others a space. */
export function joinLines(lines: readonly WrappedLine[]): string {
  return lines
    .map(
      (line, i) => (i === 0 ? "" : line.startsParagraph ? "\n" : line.text ? " " : "") + line.text
    )
    .join("");
}

/** Excel's line height: Arial 10 takes 17 px (12.75 pt) a line, as its rows do when autofitted. */
const LINE_HEIGHT_PER_PT = 1.275;
/** A little air between a row's text and the next row's. */
const ROW_PADDING_PT = 0.75;

/**
 * Row height in points for `lines` lines of text in `fontSizePt` (Arial 10: 1 line 13.5 pt),
 * in whole pixels (0.75 pt): Excel draws rows in whole pixels, so a page holds exactly the rows
 * the layout counted.
 */
export function rowHeightFor(lines: number, fontSizePt: number): number {
  return pixelHeight(lines * fontSizePt * LINE_HEIGHT_PER_PT + ROW_PADDING_PT);
}

/** A height rounded up to whole pixels (0.75 pt). */
export function pixelHeight(points: number): number {
  return Math.ceil(points / 0.75 - 1e-9) * 0.75;
}
