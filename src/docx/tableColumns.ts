/**
 * A table's column widths from its content, at the size its text prints. The sheets' widths are
 * characters at the sheet's print scale and only say the table's shape: on a Word page a declared
 * width may not hold "Periodbudget" or "−1 114 200", and Word would then break the header inside a
 * word or wrap the figure. So each column gets at least its least width — its longest header word
 * (bold), its longest word of text, and a figure whole (figures never wrap) — and the room left is
 * shared as the sheet shares it. When the least widths do not fit the page at the table text's
 * 9 pt, the table prints at 8 pt; only when not even that fits do words break.
 */
import { widestPieceEms } from "../core/layout/textMetrics";

/** Table text sizes, points, largest first: the Tabelltext style and its smaller sibling. */
export const TABLE_TEXT_SIZES = [9, 8] as const;
export type TableTextSize = (typeof TABLE_TEXT_SIZES)[number];

/** A cell's left and right padding, twips (the tables' cell margins). */
export const CELL_PADDING = 70;
/**
 * What a cell needs beside its text: both paddings, and air, so that Word's and LibreOffice's
 * rounding never push a word over and neighbouring columns stay apart.
 */
const CELL_EXTRA = 2 * CELL_PADDING + 60;

/** A piece of a column's text, measured for its least width. */
export interface ColumnText {
  /** The text's words may break between them (headers, text); a figure is one whole. */
  readonly text: string;
  readonly bold: boolean;
  readonly whole: boolean;
}

/** The widest unbreakable piece of `text` in ems: its widest line when whole, else its widest word. */
export function leastEms({ text, bold, whole }: ColumnText): number {
  // A no-break space joins (a figure's groups, "12,5 %"): only spaces, tabs and breaks separate.
  return widestPieceEms(text, bold, !whole);
}

/** The column's least width in twips at `sizePt`, from its widest piece in ems. */
const twipsAt = (ems: number, sizePt: number) => Math.ceil(ems * sizePt * 20) + CELL_EXTRA;

/**
 * `widths` (twips) changed as little as needed so that each column is at least `least[i]`,
 * taken from the columns with room to spare in proportion to that room; the total stays the
 * same. The caller makes sure the least widths fit the total.
 */
export function fitColumns(widths: readonly number[], least: readonly number[]): number[] {
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, least[i] - w), 0);
  if (short === 0) return [...widths];
  const room = widths.map((w, i) => Math.max(0, w - least[i]));
  const spare = room.reduce((a, b) => a + b, 0);
  // Rounding may leave less room than is short by a twip or two: take what there is.
  const share = spare > 0 ? Math.min(1, short / spare) : 0;
  return widths.map((w, i) => (w < least[i] ? least[i] : Math.floor(w - room[i] * share)));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const scaledTo = (widths: readonly number[], total: number) => {
  const declared = sum(widths);
  return widths.map((w) => Math.floor((w * total) / declared));
};

export interface TableColumns {
  /** Each column's width, twips. */
  readonly widths: readonly number[];
  /** The size the table's text prints at. */
  readonly sizePt: TableTextSize;
}

/** A column's widest unbreakable pieces, ems: of its words (headers, text) and of its figures. */
export interface ColumnNeed {
  readonly words: number;
  readonly figures: number;
}

/** A text column's least width when words must break after all: a few characters. */
const BROKEN_WORDS_EMS = 3;

/**
 * The table's widths and text size. `declared` is its shape on the page (twips, the sheet's
 * widths scaled); `needs` each column's widest unbreakable pieces; `pageWidth` the most the table
 * may take: a narrower table widens up to the page before its text gets smaller. Tried in turn:
 * every word and figure whole at 9 pt, then at 8 pt; then figures whole at 8 pt and long words
 * broken; then the declared shape.
 */
export function tableColumns(
  declared: readonly number[],
  needs: readonly ColumnNeed[],
  pageWidth: number
): TableColumns {
  const whole = needs.map((n) => Math.max(n.words, n.figures));
  const smallest = TABLE_TEXT_SIZES[TABLE_TEXT_SIZES.length - 1];
  const tries: [readonly number[], TableTextSize][] = [
    ...TABLE_TEXT_SIZES.map((size): [readonly number[], TableTextSize] => [whole, size]),
    [needs.map((n) => Math.max(n.figures, Math.min(n.words, BROKEN_WORDS_EMS))), smallest],
  ];
  for (const [ems, sizePt] of tries) {
    const least = ems.map((e) => twipsAt(e, sizePt));
    const needed = sum(least);
    if (needed > pageWidth) continue;
    const total = Math.max(sum(declared), needed);
    return { widths: fitColumns(scaledTo(declared, total), least), sizePt };
  }
  return { widths: scaledTo(declared, Math.min(sum(declared), pageWidth)), sizePt: smallest };
}

/** Whether a table whose columns need `needs` fits `pageWidth` at the table text's own size. */
export function fitsAtTextSize(needs: readonly ColumnNeed[], pageWidth: number): boolean {
  const least = needs.map((n) => twipsAt(Math.max(n.words, n.figures), TABLE_TEXT_SIZES[0]));
  return sum(least) <= pageWidth;
}
