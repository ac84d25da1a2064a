/**
 * Printed pages: how much of a sheet fits on one A4 page, and where the pages end. The layout
 * places a manual page break at every page end it computes, so a heading, a table's header or a
 * risk's title never ends a page, and a table that continues on a new page starts it with its
 * header.
 */
import type { ReportSheet } from "../report/reportDoc";
import type { PageMargins } from "./sheetGrid";
import { columnPixels } from "./textMetrics";

/** 12.7 mm at the top and bottom (the footer 6.4 mm from the edge), 15 mm at the sides. */
export const REPORT_MARGINS: PageMargins = {
  top: 0.5,
  bottom: 0.5,
  left: 0.6,
  right: 0.6,
  header: 0.25,
  footer: 0.25,
};

/**
 * The largest print scale: the report's 10 pt text prints at 7.8 pt and its headings at 9.4 pt
 * or more, as the tables of a printed annual report do, and a page holds 28 % more than at 100 %.
 */
export const MAX_PRINT_SCALE = 78;

/** A4 in points: 210 × 297 mm. */
const A4_SHORT = 595.28;
const A4_LONG = 841.89;
const POINTS_PER_INCH = 72;
const POINTS_PER_PIXEL = 0.75;
/**
 * LibreOffice draws a column about 9 % wider than Excel does (measured: 5.73 pt against 5.25 pt a
 * character); the scale leaves room for it, so that no host prints a column on a page of its own.
 */
const WIDEST_COLUMN_FACTOR = 1.1;
/**
 * The share of a page left free: LibreOffice and Excel disagree by a point here and there, and a
 * page that holds a little less than computed would end one row before the manual break.
 */
const PAGE_RESERVE = 0.03;

function pageSize(orientation: ReportSheet["orientation"]) {
  return orientation === "landscape"
    ? { width: A4_LONG, height: A4_SHORT }
    : { width: A4_SHORT, height: A4_LONG };
}

/**
 * The print scale in percent: the largest whole percentage, at most MAX_PRINT_SCALE, at which the
 * columns fit between the margins (as Excel measures them, 7 px a character plus 5, and with room
 * for LibreOffice's wider ones).
 */
export function printScale(
  columnWidths: readonly number[],
  orientation: ReportSheet["orientation"],
  margins: PageMargins
): number {
  const sheetWidth =
    columnWidths.reduce((sum, w) => sum + columnPixels(w) * POINTS_PER_PIXEL, 0) *
    WIDEST_COLUMN_FACTOR;
  const printable = pageSize(orientation).width - (margins.left + margins.right) * POINTS_PER_INCH;
  return Math.max(10, Math.min(MAX_PRINT_SCALE, Math.floor((printable / sheetWidth) * 100)));
}

/**
 * The columns widened in proportion until the sheet fills the page's width at `scale`: a sheet
 * printed smaller than the paper allows would leave a margin of blank paper beside it, and wider
 * columns wrap their texts into fewer lines. Widths are whole quarter characters, rounded down.
 */
export function widthsFillingPage(
  columnWidths: readonly number[],
  orientation: ReportSheet["orientation"],
  margins: PageMargins,
  scale: number
): number[] {
  const printable = pageSize(orientation).width - (margins.left + margins.right) * POINTS_PER_INCH;
  const available = (printable * 100) / scale / WIDEST_COLUMN_FACTOR / POINTS_PER_PIXEL;
  const used = columnWidths.reduce((sum, w) => sum + columnPixels(w), 0);
  if (used >= available) return [...columnWidths];
  const factor = available / used;
  // Never narrower than measured: a width whose 7 px a character leave a fraction of a pixel would
  // otherwise round a quarter below it when the factor is near 1.
  return columnWidths.map((w) =>
    Math.max(w, Math.floor(((columnPixels(w) * factor - 5) / 7) * 4) / 4)
  );
}

/** The row height, in the sheet's points, that one printed page holds between its margins. */
export function pageCapacity(
  orientation: ReportSheet["orientation"],
  margins: PageMargins,
  scale: number
): number {
  const printable = pageSize(orientation).height - (margins.top + margins.bottom) * POINTS_PER_INCH;
  return ((printable * 100) / scale) * (1 - PAGE_RESERVE);
}

/** What pagination needs to know of a row. */
export interface PageRow {
  readonly height: number;
  /** Must not end a page: a heading, a table's header or group row, a lead-in paragraph. */
  readonly keepWithNext: boolean;
  /** Rows with the same number (one grid block, e.g. a risk's details) share a page if they fit. */
  readonly keepTogether?: number;
  /** Stays on the page of the row before it (a spacer never starts a page). */
  readonly withPrevious: boolean;
  /** A table's body row: the header rows to repeat above it when it starts a page. */
  readonly repeatAbove?: readonly PageRow[];
  /** Cuts a text row into a part at most `maxHeight` tall and the rest, if it can be cut so. */
  readonly split?: (maxHeight: number) => readonly [PageRow, PageRow] | undefined;
}

export interface Pages<R extends PageRow> {
  /** The rows in print order, with a table's header repeated where the table continues. */
  readonly rows: readonly R[];
  /** 0-based indexes into `rows` of the rows that start a new page. */
  readonly breaksBefore: readonly number[];
}

/** How strictly rows stay together: pages are first cut between units of the highest level. */
type Level = 2 | 1 | 0;

function joinsNext(row: PageRow, next: PageRow, level: Level): boolean {
  if (next.withPrevious) return true;
  if (level >= 1 && row.keepWithNext) return true;
  return level === 2 && row.keepTogether !== undefined && row.keepTogether === next.keepTogether;
}

function unitsOf<R extends PageRow>(rows: readonly R[], level: Level): R[][] {
  const units: R[][] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && joinsNext(rows[i - 1], rows[i], level)) units[units.length - 1].push(rows[i]);
    else units.push([rows[i]]);
  }
  return units;
}

const heightOf = (rows: readonly PageRow[]) => rows.reduce((sum, r) => sum + r.height, 0);

/**
 * Cuts rows into pages of `capacity` points, as a host fills them, but ends a page early rather
 * than after a row that must not end one. `printTitle` rows (0-based, inclusive) are repeated by
 * the host on every page after the one they first print on.
 */
export function paginate<R extends PageRow>(
  rows: readonly R[],
  capacity: number,
  printTitle?: { readonly first: number; readonly last: number }
): Pages<R> {
  const out: R[] = [];
  const breaksBefore: number[] = [];
  const titleRows = printTitle ? rows.slice(printTitle.first, printTitle.last + 1) : [];
  const titleHeight = heightOf(titleRows);
  const lastTitleRow = titleRows[titleRows.length - 1];
  let titleShown = false;
  let used = 0;
  /** Whether the page holds more than the repeated header. */
  let started = false;

  /** The host prints the title above this page: it has printed on an earlier one. */
  let titleAbove = false;

  const room = () => capacity - (titleAbove ? titleHeight : 0);
  const push = (row: R) => {
    out.push(row);
    used += row.height;
    started = true;
    if (row === lastTitleRow) titleShown = true;
  };
  const newPage = (first: R) => {
    breaksBefore.push(out.length);
    used = 0;
    titleAbove = titleShown;
    for (const header of first.repeatAbove ?? []) push(header as R);
    started = false;
  };
  const place = (unit: R[], level: Level): void => {
    const height = heightOf(unit);
    const repeat = heightOf(unit[0].repeatAbove ?? []);
    if (height + repeat > room() && level > 0) {
      // Taller than a page: cut it at the next weaker level, keeping what can be kept.
      for (const part of unitsOf(unit, (level - 1) as Level)) place(part, (level - 1) as Level);
      return;
    }
    if (used + height <= room()) {
      unit.forEach(push);
      return;
    }
    // The page ends inside the unit: fill it with the first lines of its last text row (a
    // spacer after it follows the rest) if they may stay apart from the rest, else start the
    // unit on the next page. A block kept together moves whole while a fresh page holds it.
    const together = level === 2 && unit.some((row) => row.keepTogether !== undefined);
    let cut = together && started ? -1 : unit.length - 1;
    while (cut >= 0 && unit[cut].split === undefined) cut--;
    const head = unit.slice(0, Math.max(0, cut));
    const parts = cut < 0 ? undefined : unit[cut].split?.(room() - used - heightOf(head));
    if (parts) {
      head.forEach(push);
      push(parts[0] as R);
      newPage(parts[1] as R);
      place([parts[1] as R, ...unit.slice(cut + 1)], 0);
    } else if (started) {
      newPage(unit[0]);
      place(unit, level);
    } else {
      // Taller than a page and not to be cut: the host breaks inside it.
      unit.forEach(push);
    }
  };

  for (const unit of unitsOf(rows, 2)) place(unit, 2);
  return { rows: out, breaksBefore };
}
