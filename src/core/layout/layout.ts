/**
 * Lays a ReportSheet's blocks out into a SheetGrid: the sheet's shared column grid (every table's
 * columns on it, as merged spans), styles and Excel number formats, row heights and print setup.
 * Every worksheet host renders the grid as it is, so this is where the report's look is decided.
 */
import {
  pageCapacity,
  paginate,
  printScale,
  REPORT_MARGINS,
  widthsFillingPage,
  type PageRow,
} from "./pages";
import { exhaustive } from "../exhaustive";
import {
  chartTable,
  columnAlign,
  textParagraphs,
  type Block,
  type Cell,
  type ColumnWidth,
  type ReportDoc,
  type ReportSheet,
  type ValueFormat,
} from "../report/reportDoc";
import type { GridCell, Merge, SheetGrid } from "./sheetGrid";
import type { StyleName } from "./styles";
import { cellValue } from "./cellText";
import { gridCellStyle, tableCellStyle } from "./cellStyles";
import { fitGrid, leastWidths, type ColumnsBlock, type SpanNeed } from "./contentWidths";
import { EXCEL_FORMATS } from "./formats";
import { DEFAULT_FONT_SIZE, fontSizeOf, REPORT_FONT, STYLES } from "./styles";
import {
  columnPixels,
  joinLines,
  pixelHeight,
  rowHeightFor,
  wrapText,
  type WrappedLine,
} from "./textMetrics";

/** "Sida 3 (7)": page and page count, centred in the footer. */
export const PAGE_FOOTER = "&CSida &P (&N)";
/** A draft's page header: UTKAST in bold, centred, on every page, so that no page passes for final. */
export const DRAFT_PAGE_HEADER = "&C&BUTKAST&B";
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;
/**
 * Lines a row holds at most, so that it stays below Excel's tallest row and within a page. The
 * pagination cuts longer texts earlier, where a page ends.
 */
export const MAX_LINES_PER_ROW = 30;
/** A text cut at a page end leaves at least this many lines on the page… */
const MIN_LINES_BEFORE_CUT = 3;
/** …and takes at least this many to the next. */
const MIN_LINES_AFTER_CUT = 2;
/** 10 px: rows are whole pixels (see rowHeightFor). */
const SPACER_HEIGHT = 7.5;

/** Line ranges of at most `max` lines, ending a range at a paragraph where one starts late enough. */
function lineRanges(lines: readonly WrappedLine[], max: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(start + max, lines.length);
    if (end < lines.length) {
      for (let i = end; i > start + max / 2; i--) {
        if (lines[i].startsParagraph) {
          end = i;
          break;
        }
      }
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges.length > 0 ? ranges : [[0, 1]];
}

/** A cell on the sheet's column grid, styled: what a row is laid out from. */
interface SpanCell {
  readonly value: string | number | null;
  readonly style: StyleName;
  readonly numFmt?: string;
  readonly link?: { readonly sheet: string; readonly cell: string };
  /** Grid columns the cell covers (merged when more than one). */
  readonly span: number;
}

/** A row as laid out, before pagination places it: its merges are single-row, by column. */
interface LaidRow extends PageRow {
  readonly cells: readonly (GridCell | null)[];
  /** 1-based first column and span of each merge in the row. */
  readonly merges: readonly { readonly col: number; readonly colSpan: number }[];
  readonly repeatAbove?: readonly LaidRow[];
  readonly split?: (maxHeight: number) => readonly [LaidRow, LaidRow] | undefined;
}

interface RowOptions {
  readonly minHeight?: number;
  readonly keepWithNext?: boolean;
  readonly keepTogether?: number;
  readonly repeatAbove?: readonly LaidRow[];
}

/** A cell in its columns, with its estimated lines when its text wraps. */
interface PlacedCell {
  readonly cell: SpanCell;
  readonly column: number;
  readonly span: number;
  readonly lines: readonly WrappedLine[] | null;
}

class RowBuilder {
  constructor(private readonly widths: readonly number[]) {}

  /**
   * One row, or several when a text needs more lines than a row may hold. Each row can be cut
   * again where a page ends (`split`): Excel prints a row on one page, so a long comment
   * continues in the row below, on the next page.
   */
  rows(cells: readonly SpanCell[], options: RowOptions = {}): LaidRow[] {
    const placed = this.place(cells);
    const longest = placed.reduce<readonly WrappedLine[]>(
      (most, p) => (p.lines && p.lines.length > most.length ? p.lines : most),
      []
    );
    const largestFont = Math.max(DEFAULT_FONT_SIZE, ...placed.map((p) => fontSizeOf(p.cell.style)));
    let maxLines = MAX_LINES_PER_ROW;
    while (maxLines > 1 && rowHeightFor(maxLines, largestFont) > MAX_ROW_HEIGHT) maxLines--;
    const total = Math.max(1, longest.length);
    const ranges = lineRanges(longest, maxLines);
    return ranges.map(([from, to], i) =>
      this.row(placed, from, to, total, {
        ...options,
        // The parts of a split text follow each other; only the last may keep with what follows.
        keepWithNext: (options.keepWithNext ?? false) && i === ranges.length - 1,
      })
    );
  }

  /** The row holding lines `from` to `to` (exclusive) of each cell's text. */
  private row(
    placed: readonly PlacedCell[],
    from: number,
    to: number,
    total: number,
    options: RowOptions
  ): LaidRow {
    const whole = from === 0 && to >= total;
    const cells: (GridCell | null)[] = new Array<GridCell | null>(this.widths.length).fill(null);
    const merges: { col: number; colSpan: number }[] = [];
    let height = Math.max(pixelHeight(options.minHeight ?? 0), rowHeightFor(1, DEFAULT_FONT_SIZE));
    for (const p of placed) {
      const part = p.lines?.slice(from, to);
      // A whole row keeps the text exactly as written; only a cut text is rejoined from its lines.
      const value = whole
        ? p.cell.value
        : part
          ? joinLines(part) || null
          : from === 0
            ? p.cell.value
            : null;
      cells[p.column] = {
        value: cellValue(value),
        style: p.cell.style,
        ...(p.cell.numFmt ? { numFmt: p.cell.numFmt } : {}),
        ...(p.cell.link && from === 0 ? { link: p.cell.link } : {}),
      };
      // The cells a merge covers carry its style too: Excel draws borders and fills per cell.
      for (let c = p.column + 1; c < p.column + p.span; c++) {
        cells[c] = { value: null, style: p.cell.style };
      }
      if (p.span > 1) merges.push({ col: p.column + 1, colSpan: p.span });
      height = Math.max(
        height,
        rowHeightFor(Math.max(1, part?.length ?? 1), fontSizeOf(p.cell.style))
      );
    }
    const row: LaidRow = {
      cells,
      merges,
      height: Math.min(height, MAX_ROW_HEIGHT),
      keepWithNext: options.keepWithNext ?? false,
      withPrevious: false,
      ...(options.keepTogether !== undefined ? { keepTogether: options.keepTogether } : {}),
      ...(options.repeatAbove ? { repeatAbove: options.repeatAbove } : {}),
    };
    if (to - from < MIN_LINES_BEFORE_CUT + MIN_LINES_AFTER_CUT) return row;
    return {
      ...row,
      split: (maxHeight) => {
        let cut = to - MIN_LINES_AFTER_CUT;
        while (
          cut - from >= MIN_LINES_BEFORE_CUT &&
          this.row(placed, from, cut, total, {}).height > maxHeight
        ) {
          cut--;
        }
        if (cut - from < MIN_LINES_BEFORE_CUT) return undefined;
        return [
          this.row(placed, from, cut, total, { ...options, keepWithNext: false }),
          this.row(placed, cut, to, total, options),
        ];
      },
    };
  }

  /** Each cell's column, span and, for wrapped text, its estimated lines. */
  private place(cells: readonly SpanCell[]): PlacedCell[] {
    let column = 0;
    return cells.map((cell) => {
      const span = Math.min(cell.span, this.widths.length - column);
      if (span < 1) throw new Error("A row has more cells than the sheet has columns");
      const style = cell.style;
      const widthPx = this.widths
        .slice(column, column + span)
        .reduce((sum, w) => sum + columnPixels(w), 0);
      const wrapped = typeof cell.value === "string" && STYLES[style].wrap === true;
      const lines = wrapped
        ? wrapText(
            String(cell.value),
            widthPx,
            fontSizeOf(style),
            STYLES[style].font?.bold ?? false
          )
        : null;
      const placed = { cell, column, span, lines };
      column += span;
      return placed;
    });
  }

  spacer(): LaidRow {
    return {
      cells: new Array<GridCell | null>(this.widths.length).fill(null),
      merges: [],
      height: SPACER_HEIGHT,
      keepWithNext: false,
      withPrevious: true,
    };
  }
}

/** A paragraph right before a table or grid introduces it, so it keeps with it. */
function introduces(next: Block | undefined): boolean {
  return next?.kind === "table" || next?.kind === "grid";
}

/** A paragraph in the subtitle style is a heading too. */
function isHeadingStyle(style: StyleName | undefined): boolean {
  return style === "subtitle" || style === "title" || style === "heading";
}

// ---- The shared column grid -------------------------------------------------------------------

const fixedWidth = (widths: readonly ColumnWidth[]) =>
  widths.reduce<number>((sum, w) => sum + (w === "rest" ? 0 : w), 0);

/** The widths of a table's columns, its `rest` column taking what `sheetWidth` leaves. */
function resolvedWidths(widths: readonly ColumnWidth[], sheetWidth: number): number[] {
  const fixed = fixedWidth(widths);
  return widths.map((w) => {
    if (w !== "rest") return w;
    if (sheetWidth <= fixed) throw new Error("A table leaves no room for its rest column");
    return sheetWidth - fixed;
  });
}

/**
 * The sheet's columns: every column edge of every table, so each table's columns are whole grid
 * columns (a wider one spans several, merged). Titles and paragraphs span the sheet's width.
 * `needs`: what each table column needs of its grid columns to print its content whole.
 */
function columnGrid(sheet: ReportSheet): {
  widths: number[];
  spansOf: (block: ColumnsBlock) => number[];
  needs: SpanNeed[];
} {
  const blocks = sheet.blocks.filter(
    (b): b is ColumnsBlock => b.kind === "table" || b.kind === "grid"
  );
  const widthsOf = (block: ColumnsBlock) => block.columns.map((c) => c.width);
  const sheetWidth = Math.max(sheet.width, ...blocks.map((b) => fixedWidth(widthsOf(b))));
  const edgesOf = (block: ColumnsBlock) => {
    let at = 0;
    return [0, ...resolvedWidths(widthsOf(block), sheetWidth).map((w) => (at += w))];
  };
  const edges = [...new Set([0, sheetWidth, ...blocks.flatMap(edgesOf)])].sort((a, b) => a - b);
  const spansOf = (block: ColumnsBlock) => {
    const own = edgesOf(block).map((edge) => edges.indexOf(edge));
    return own.slice(1).map((end, i) => end - own[i]);
  };
  const needs = blocks.flatMap((block) => {
    const least = leastWidths(block);
    let from = 0;
    return spansOf(block).map((span, c) => {
      const need = { from, to: from + span, least: least[c] };
      from += span;
      return need;
    });
  });
  return { widths: edges.slice(1).map((edge, i) => edge - edges[i]), spansOf, needs };
}

// ---- Content → Excel number formats (styles: cellStyles.ts) ------------------------------------

function spanCell(
  cell: Cell,
  column: { readonly width: ColumnWidth; readonly format?: ValueFormat } | undefined,
  span: number | undefined,
  style: (format: ValueFormat) => StyleName
): SpanCell {
  if (column === undefined || span === undefined) {
    throw new Error("A row has more cells than its table has columns");
  }
  const format = cell.format ?? column.format ?? "text";
  const numFmt = EXCEL_FORMATS[format];
  return {
    value: cell.value,
    style: style(format),
    span,
    ...(numFmt ? { numFmt } : {}),
    ...(cell.link ? { link: cell.link } : {}),
  };
}

/** The sheet's rows in block order, and the print title (0-based rows) if a table asks for one. */
function laidRows(
  sheet: ReportSheet,
  grid: ReturnType<typeof columnGrid>,
  columnWidths: readonly number[]
): {
  rows: LaidRow[];
  printTitle?: { first: number; last: number };
} {
  const build = new RowBuilder(columnWidths);
  const across = columnWidths.length;
  const rows: LaidRow[] = [];
  let printTitle: { first: number; last: number } | undefined;
  const text = (value: string, style: StyleName): SpanCell[] => [{ value, style, span: across }];
  sheet.blocks.forEach((block, index) => {
    switch (block.kind) {
      case "title":
      case "heading":
        rows.push(...build.rows(text(block.text, block.kind), { keepWithNext: true }));
        break;
      case "paragraph":
        rows.push(
          ...build.rows(text(block.text, block.style ?? "paragraph"), {
            keepWithNext: isHeadingStyle(block.style) || introduces(sheet.blocks[index + 1]),
          })
        );
        break;
      case "table": {
        const spans = grid.spansOf(block);
        const headerCells = block.columns.map((column, i): SpanCell => ({
          value: column.header,
          style: columnAlign(column) === "right" ? "table.header.number" : "table.header",
          span: spans[i],
        }));
        const header = build.rows(headerCells, { keepWithNext: true });
        const titled = block.repeatHeader === true && printTitle === undefined;
        if (titled) printTitle = { first: rows.length, last: rows.length + header.length - 1 };
        rows.push(...header);
        const tableSpan = spans.reduce((sum, s) => sum + s, 0);
        block.rows.forEach((row, i) => {
          const cells: SpanCell[] =
            row.kind === "group"
              ? [{ value: row.text, style: "table.group", span: tableSpan }]
              : row.cells.map((cell, c) =>
                  spanCell(cell, block.columns[c], spans[c], (format) =>
                    tableCellStyle(cell, format, row.kind === "sum")
                  )
                );
          rows.push(
            ...build.rows(cells, {
              // A group row (e.g. a verksamhetsområde) labels the rows below it, a sum row
              // stays on the page of the rows it sums, and a table's last row never stands
              // alone on a page.
              keepWithNext:
                row.kind === "group" ||
                block.rows[i + 1]?.kind === "sum" ||
                i === block.rows.length - 2,
              ...(titled ? {} : { repeatAbove: header }),
            })
          );
        });
        break;
      }
      case "grid": {
        const spans = grid.spansOf(block);
        for (const cells of block.rows) {
          const placed = cells.map((cell, c) =>
            spanCell(cell, block.columns[c], spans[c], () => gridCellStyle(cell))
          );
          rows.push(
            ...build.rows(placed, {
              ...(block.minRowHeight !== undefined ? { minHeight: block.minRowHeight } : {}),
              keepTogether: index,
            })
          );
        }
        break;
      }
      case "spacer":
        rows.push(build.spacer());
        break;
      case "text":
        rows.push(...build.rows(text(block.heading, "heading"), { keepWithNext: true }));
        textParagraphs(block).forEach((paragraph, i) => {
          // A gap between paragraphs, as a document spaces them; wrapped rows would run together.
          if (i > 0) rows.push(build.spacer());
          rows.push(...build.rows(text(paragraph, "paragraph")));
        });
        break;
      case "chart":
        // Not drawn yet, and no placeholder either: its figures are in the table it refers to,
        // printed on the same sheet, and a nämnd reading "coming in a later version" in its
        // report would take the report for unfinished. The reference is checked all the same.
        chartTable(sheet, block);
        break;
      default:
        exhaustive(block);
    }
  });
  return { rows, ...(printTitle ? { printTitle } : {}) };
}

/** `draft`: the report has fel, and every printed page says UTKAST in its header. */
export function layoutSheet(sheet: ReportSheet, draft = false): SheetGrid {
  const margins = REPORT_MARGINS;
  const grid = columnGrid(sheet);
  // The declared widths filled out to the page, then fitted to the content (contentWidths.ts):
  // fitted at the width they print at, so a column the filling made wide enough stays as it is.
  // Only a sheet whose columns lack the room prints smaller.
  const declaredScale = printScale(grid.widths, sheet.orientation, margins);
  const filled = widthsFillingPage(grid.widths, sheet.orientation, margins, declaredScale);
  const fitted = fitGrid(filled, grid.needs);
  const scale = fitted === filled ? declaredScale : printScale(fitted, sheet.orientation, margins);
  const columnWidths =
    fitted === filled ? filled : widthsFillingPage(fitted, sheet.orientation, margins, scale);
  const laid = laidRows(sheet, grid, columnWidths);
  const capacity = pageCapacity(sheet.orientation, margins, scale);
  const pages = paginate(laid.rows, capacity, laid.printTitle);
  const merges: Merge[] = pages.rows.flatMap((row, r) =>
    row.merges.map((m) => ({ row: r + 1, col: m.col, rowSpan: 1, colSpan: m.colSpan }))
  );
  // Header copies of earlier tables move the title down; the title itself is never copied.
  const titleRow = (index: number) => pages.rows.indexOf(laid.rows[index]) + 1;
  const repeatRows = laid.printTitle && {
    first: titleRow(laid.printTitle.first),
    last: titleRow(laid.printTitle.last),
  };
  return {
    name: sheet.name,
    // A draft keeps it in print: its fel are what the ekonom must fix, and every page says UTKAST.
    ...(sheet.working && !draft ? { working: true as const } : {}),
    columnWidths,
    rows: pages.rows.map((row) => row.cells),
    rowHeights: pages.rows.map((row) => row.height),
    merges,
    print: {
      orientation: sheet.orientation,
      paperSize: "A4",
      scale,
      margins,
      ...(repeatRows ? { repeatRows } : {}),
      breaksBefore: pages.breaksBefore.map((index) => index + 1),
      footer: PAGE_FOOTER,
      ...(draft ? { header: DRAFT_PAGE_HEADER } : {}),
    },
    font: { name: REPORT_FONT, size: DEFAULT_FONT_SIZE },
  };
}

/** The report as worksheets: what a worksheet host (exceljs, Office.js) writes, in order. */
export function reportSheets(doc: ReportDoc): SheetGrid[] {
  return doc.sheets.map((sheet) => layoutSheet(sheet, doc.draft !== null));
}
