/**
 * Estimates how many lines a wrapped text needs in a cell of a given width, so that the layout can
 * give every row its height: Excel never grows a row for a merged cell, and hosts must not measure
 * text themselves (both hosts must print the same rows). Widths are Arial's (Liberation Sans has
 * the same metrics), the report's font.
 */

/** Advance widths of Arial Regular in thousandths of an em. */
const ARIAL_WIDTHS: Readonly<Record<string, number>> = (() => {
  const widths: Record<string, number> = {};
  const set = (chars: string, width: number) => {
    for (const ch of chars) widths[ch] = width;
  };
  set(" !,./:;[\\]ijlItf\u00a0", 278);
  set("ijl", 222);
  set('"', 355);
  set("'", 191);
  set("()-`r", 333);
  set("*", 389);
  set("+<=>~×\u2212", 584);
  set("#$0123456789?_abdeghnopquåäöüéL–", 556);
  set("cksvxyzJ", 500);
  set("%", 889);
  set("&ABEKPSVXYÅÄ", 667);
  set("CDHNRUw", 722);
  set("FTZ", 611);
  set("GOQÖ", 778);
  set("Mm", 833);
  set("W", 944);
  set("@", 1015);
  set("—", 1000);
  return widths;
})();
/** Anything not listed (marker shapes, rare letters): wider than most, to stay on the safe side. */
const OTHER_WIDTH = 700;
/** Bold Arial is about 7 % wider than regular. */
const BOLD_FACTOR = 1.08;
/** Excel draws with whole pixels (rounding glyphs up as often as down): keep a little in reserve. */
const USABLE_SHARE = 0.95;

const PX_PER_PT = 96 / 72;

/** Excel column width (characters of the default font, 7 px each) → pixels, as Excel converts it. */
export function columnPixels(width: number): number {
  return Math.floor(width * 7 + 5);
}

function textEms(text: string): number {
  let thousandths = 0;
  for (const ch of text) thousandths += ARIAL_WIDTHS[ch] ?? OTHER_WIDTH;
  return thousandths / 1000;
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
  const emPx = fontSizePt * PX_PER_PT * (bold ? BOLD_FACTOR : 1);
  const available = Math.max(1, (widthPx - 4) * USABLE_SHARE);
  const space = textEms(" ") * emPx;
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
      const width = textEms(word) * emPx;
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
const ROW_PADDING_PT = 1.5;

/**
 * Row height in points for `lines` lines of text in `fontSizePt` (Arial 10: 1 line 14.25 pt),
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
