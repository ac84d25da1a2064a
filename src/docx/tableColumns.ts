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
 * The most of the page a text column's longest word may claim: a longer word (a web address, a
 * file path in a comment) breaks at the cell's edge rather than starve the other columns or shrink
 * the whole table's text. A third of a portrait page holds 15 ems at 9 pt: Swedish compounds
 * ("Förändringskommunikation." is 12.3) stay whole; a quarter broke that one in Intern kontroll.
 */
const TEXT_WORD_PAGE_SHARE = 1 / 3;
/**
 * The most of a table's width one text column takes while other columns hold text too: the sheet
 * gives a comment column what the sheet has left (60 % of a portrait page beside Åtgärd), which
 * leaves Åtgärd a narrow strip on paper.
 */
const TEXT_COLUMN_MOST_SHARE = 0.45;

/** A column of text (headers and words only): its words may break, and it shares its width. */
const isText = (need: ColumnNeed) => need.figures === 0;

/** Each column's least width at `sizePt`, twips: `ems` of it, a text column's at most its cap. */
function leastWidths(
  needs: readonly ColumnNeed[],
  ems: readonly number[],
  sizePt: TableTextSize,
  pageWidth: number
): number[] {
  const cap = Math.floor(pageWidth * TEXT_WORD_PAGE_SHARE);
  return ems.map((e, i) =>
    isText(needs[i]) ? Math.min(twipsAt(e, sizePt), cap) : twipsAt(e, sizePt)
  );
}

/**
 * `widths` with no text column over TEXT_COLUMN_MOST_SHARE of the table while another column holds
 * text: what it has beyond that (down to its least width) goes to the other text columns in
 * proportion to their widths, none of them past that share either (what they cannot take stays).
 * The total stays the same.
 */
export function fairTextShares(
  widths: readonly number[],
  least: readonly number[],
  needs: readonly ColumnNeed[]
): number[] {
  const most = Math.floor(sum(widths) * TEXT_COLUMN_MOST_SHARE);
  const texts = widths.map((_, i) => i).filter((i) => isText(needs[i]));
  const out = [...widths];
  for (const wide of texts) {
    let excess = out[wide] - Math.max(most, least[wide]);
    let open = texts.filter((i) => i !== wide && out[i] < most);
    // Rounds, as a column that reaches the share drops out and the rest take what it could not.
    while (excess > 0 && open.length > 0) {
      const openWidth = sum(open.map((i) => out[i]));
      const pool = excess;
      for (const i of open) {
        const proportional = Math.floor((pool * out[i]) / Math.max(1, openWidth));
        const share = Math.min(excess, most - out[i], Math.max(1, proportional));
        out[i] += share;
        out[wide] -= share;
        excess -= share;
      }
      open = open.filter((i) => out[i] < most);
    }
  }
  return out;
}

/**
 * The table's widths and text size. `declared` is its shape on the page (twips, the sheet's
 * widths scaled); `needs` each column's widest unbreakable pieces; `pageWidth` the most the table
 * may take: a narrower table widens up to the page before its text gets smaller. Tried in turn:
 * every word and figure whole at 9 pt, then at 8 pt; then figures whole at 8 pt and long words
 * broken; then the declared shape. A text column's longest word counts up to a third of the
 * page, and no text column takes more than 45 % of the table beside other text columns.
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
    const least = leastWidths(needs, ems, sizePt, pageWidth);
    const needed = sum(least);
    if (needed > pageWidth) continue;
    const total = Math.max(sum(declared), needed);
    const widths = fitColumns(scaledTo(declared, total), least);
    return { widths: fairTextShares(widths, least, needs), sizePt };
  }
  const widths = scaledTo(declared, Math.min(sum(declared), pageWidth));
  return {
    widths: fairTextShares(
      widths,
      widths.map(() => 0),
      needs
    ),
    sizePt: smallest,
  };
}

/** Whether a table whose columns need `needs` fits `pageWidth` at the table text's own size. */
export function fitsAtTextSize(needs: readonly ColumnNeed[], pageWidth: number): boolean {
  const whole = needs.map((n) => Math.max(n.words, n.figures));
  return sum(leastWidths(needs, whole, TABLE_TEXT_SIZES[0], pageWidth)) <= pageWidth;
}
