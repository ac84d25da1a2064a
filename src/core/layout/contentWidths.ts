/**
 * A table's column widths from its content. The report declares each column's width in the
 * sheet's characters, which only says the table's shape: in tkr a figure is "−1 114 200", in a
 * consolidated workbook a label may be one long word, and a declared width that does not hold them
 * makes Excel print a figure as #### and break a header or a word inside it ("Resultaträknin g").
 * So each column gets at least its least width — its longest header word (bold), its longest word
 * of text, and each figure whole (a number never wraps) — taken from the columns with room to
 * spare; only when they have too little does the table get wider (and the sheet prints smaller).
 */
import type { Block, Cell, ValueFormat } from "../report/reportDoc";
import { formatNumber, formatPercent } from "../format";
import { gridCellStyle, tableCellStyle } from "./cellStyles";
import { fontSizeOf, STYLES, type StyleName } from "./styles";
import { textEms, widestPieceEms } from "./textMetrics";

/** Widths are whole quarter characters: exact in binary, so the tables' edges line up exactly. */
const QUARTER = 4;
/**
 * Beside its text a cell needs Excel's padding and air: wrapped text keeps 4 px and a 5 % reserve
 * (textMetrics.ts), and a figure a few pixels more, or Excel shows ####.
 */
const CELL_PADDING_PX = 7;
const USABLE_SHARE = 0.95;
/**
 * A word longer than this many characters' width (a pasted link, a run of dashes) breaks as
 * Excel breaks it: widening a column for it would squeeze every other column.
 */
const LONGEST_WORD_CHARS = 30;
const PX_PER_PT = 96 / 72;

const quarterUp = (chars: number) => Math.ceil(chars * QUARTER - 1e-9) / QUARTER;

/** Characters of Excel's width (7 px each, plus 5 px of the column) that hold `ems` at `sizePt`. */
function charsFor(ems: number, sizePt: number): number {
  const px = (ems * sizePt * PX_PER_PT) / USABLE_SHARE + CELL_PADDING_PX;
  return quarterUp((px - 5) / 7);
}

/** The figure as the cell shows it: Swedish digits, as wide as any locale's (Arial's are equal). */
function figureText(value: number, format: ValueFormat): string {
  switch (format) {
    case "amount":
      return formatNumber(value, 1);
    case "share":
      return formatPercent(value * 100);
    case "wholeAmount":
    case "integer":
    case "text":
      return formatNumber(value, 0);
  }
}

/** The widest piece of a cell that may not break, in characters: a figure whole, else its widest word. */
function leastOfText(text: string, style: StyleName, whole: boolean): number {
  const bold = STYLES[style].font?.bold ?? false;
  const size = fontSizeOf(style);
  if (whole) return charsFor(textEms(text, bold), size);
  return Math.min(charsFor(widestPieceEms(text, bold, true), size), LONGEST_WORD_CHARS);
}

/** A block with columns: a table, or a grid (a risk's details, the matrix), which has no header. */
export type ColumnsBlock = Extract<Block, { kind: "table" | "grid" }>;

/** No character of Arial is wider than this, in ems ("@"). */
const WIDEST_CHARACTER_EMS = 1.015;

/** The column's least width `known` so far, widened for `cell` if it needs more. */
function leastOfCell(
  cell: Cell,
  columnFormat: ValueFormat,
  style: StyleName,
  known: number
): number {
  const { value } = cell;
  if (value === null) return known;
  const format = cell.format ?? columnFormat;
  if (typeof value === "number" && format !== "text") {
    return Math.max(known, leastOfText(figureText(value, format), style, true));
  }
  const text = String(value);
  // A long comment column has megabytes of text: skip what cannot be wider than what is known.
  const bound = Math.min(
    LONGEST_WORD_CHARS,
    charsFor(text.length * WIDEST_CHARACTER_EMS, fontSizeOf(style))
  );
  return bound <= known ? known : Math.max(known, leastOfText(text, style, false));
}

/** Each column's least width in characters: its header's words, its text's words, its figures. */
export function leastWidths(block: ColumnsBlock): number[] {
  if (block.kind === "grid") {
    const least = block.columns.map(() => 0);
    for (const cells of block.rows) {
      cells.forEach((cell, c) => {
        if (c < least.length) least[c] = leastOfCell(cell, "text", gridCellStyle(cell), least[c]);
      });
    }
    return least;
  }
  const least = block.columns.map((column) =>
    leastOfText(
      column.header,
      (column.format ?? "text") === "text" ? "table.header" : "table.header.number",
      false
    )
  );
  for (const row of block.rows) {
    // A group row spans the whole table: it needs no column of its own.
    if (row.kind === "group") continue;
    row.cells.forEach((cell, c) => {
      const column = block.columns[c];
      if (column === undefined) return;
      const format = cell.format ?? column.format ?? "text";
      const style = tableCellStyle(cell, format, row.kind === "sum");
      least[c] = leastOfCell(cell, format, style, least[c]);
    });
  }
  return least;
}

/** A table column on the sheet's grid: grid columns `from` to `to` (exclusive) and its least width. */
export interface SpanNeed {
  readonly from: number;
  readonly to: number;
  readonly least: number;
}

const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The sheet's grid columns widened until every table column holds its least width, then narrowed
 * back towards the declared total where columns have room above their least (a comment column,
 * a wide label), in proportion to that room. The grid keeps its edges, so the tables of a sheet
 * stay aligned as declared; only when the room is too little is the sheet wider than declared.
 * Whole quarter characters, rounded up. `widths` itself when every column is wide enough.
 */
export function fitGrid(widths: readonly number[], needs: readonly SpanNeed[]): readonly number[] {
  const fitted = [...widths];
  const spanWidth = (need: SpanNeed) => sumOf(fitted.slice(need.from, need.to));
  // Every column wide enough: the same widths, not a copy (the caller keeps its print scale).
  if (needs.every((need) => spanWidth(need) >= need.least)) return widths;
  // Rounding up to quarters adds at most a quarter a column: leave room for it, so that a sheet
  // with room keeps its width (and its print scale).
  const declared = sumOf(widths) - widths.length / QUARTER;
  // Widening only adds, so a need met stays met: one pass meets them all. A span widens in
  // proportion to its grid columns, keeping its shape.
  for (const need of needs) {
    const width = spanWidth(need);
    if (width >= need.least) continue;
    for (let j = need.from; j < need.to; j++) {
      fitted[j] += ((need.least - width) * fitted[j]) / width;
    }
  }
  const excess = sumOf(fitted) - declared;
  if (excess > 0) {
    // A grid column may give what every span over it can spare, its share of each span's room.
    const room = fitted.map(() => Infinity);
    for (const need of needs) {
      const width = spanWidth(need);
      const spare = Math.max(0, width - need.least);
      for (let j = need.from; j < need.to; j++) {
        room[j] = Math.min(room[j], (spare * fitted[j]) / width);
      }
    }
    // A grid column under no table (the titles' width beyond every table's) keeps its width.
    const free = room.map((r) => (Number.isFinite(r) ? r : 0));
    const share = Math.min(1, excess / sumOf(free));
    free.forEach((r, j) => (fitted[j] -= r * share));
  }
  return fitted.map(quarterUp);
}
