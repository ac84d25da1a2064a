/**
 * Lays a ReportSheet's blocks out into a SheetGrid: cells, merges, row heights and print setup.
 * Every host renders the grid as it is, so this is where the report's look is decided.
 */
import { NORMAL_MARGINS, pageCapacity, paginate, type PageRow } from "./pages";
import type {
  Block,
  GridCell,
  Merge,
  ReportSheet,
  SheetGrid,
  StyleName,
  TextCell,
} from "./reportDoc";
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
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;
/** About half a printed page: a longer text continues in the next row. */
export const MAX_LINES_PER_ROW = 24;
/** 10 px: rows are whole pixels (see rowHeightFor). */
const SPACER_HEIGHT = 7.5;

/** Lines in row-sized chunks, ending a chunk at a paragraph where one starts late enough. */
function chunkLines(lines: readonly WrappedLine[]): WrappedLine[][] {
  const chunks: WrappedLine[][] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(start + MAX_LINES_PER_ROW, lines.length);
    if (end < lines.length) {
      for (let i = end; i > start + MAX_LINES_PER_ROW / 2; i--) {
        if (lines[i].startsParagraph) {
          end = i;
          break;
        }
      }
    }
    chunks.push(lines.slice(start, end));
    start = end;
  }
  return chunks;
}

/** A row as laid out, before pagination places it: its merges are single-row, by column. */
interface LaidRow extends PageRow {
  readonly cells: readonly (GridCell | null)[];
  /** 1-based first column and span of each merge in the row. */
  readonly merges: readonly { readonly col: number; readonly colSpan: number }[];
  readonly repeatAbove?: readonly LaidRow[];
}

interface RowOptions {
  readonly minHeight?: number;
  readonly keepWithNext?: boolean;
  readonly keepTogether?: number;
  readonly repeatAbove?: readonly LaidRow[];
}

class RowBuilder {
  constructor(private readonly widths: readonly number[]) {}

  /**
   * One row, or several when a text needs more than MAX_LINES_PER_ROW lines: Excel prints a row
   * on one page, so a long comment continues in the rows below (which may start a page).
   */
  rows(cells: readonly TextCell[], defaultStyle: StyleName, options: RowOptions = {}): LaidRow[] {
    const placed = this.place(cells, defaultStyle);
    const chunks = Math.max(1, ...placed.map((p) => p.chunks?.length ?? 1));
    const rows: LaidRow[] = [];
    for (let chunk = 0; chunk < chunks; chunk++) {
      const row: (GridCell | null)[] = new Array<GridCell | null>(this.widths.length).fill(null);
      const merges: { col: number; colSpan: number }[] = [];
      let height = Math.max(
        pixelHeight(options.minHeight ?? 0),
        rowHeightFor(1, DEFAULT_FONT_SIZE)
      );
      for (const p of placed) {
        const part = p.chunks ? (p.chunks[chunk] ?? []) : undefined;
        // One row keeps the text exactly as written; only a split text is rejoined from its lines.
        const value =
          chunks === 1
            ? p.cell.value
            : part
              ? joinLines(part) || null
              : chunk === 0
                ? p.cell.value
                : null;
        row[p.column] = {
          value,
          style: p.style,
          ...(p.cell.numFmt ? { numFmt: p.cell.numFmt } : {}),
          ...(p.cell.link && chunk === 0 ? { link: p.cell.link } : {}),
        };
        // The cells a merge covers carry its style too: Excel draws borders and fills per cell.
        for (let c = p.column + 1; c < p.column + p.span; c++) {
          row[c] = { value: null, style: p.style };
        }
        if (p.span > 1) merges.push({ col: p.column + 1, colSpan: p.span });
        height = Math.max(
          height,
          rowHeightFor(Math.max(1, part?.length ?? 1), fontSizeOf(p.style))
        );
      }
      rows.push({
        cells: row,
        merges,
        height: Math.min(height, MAX_ROW_HEIGHT),
        // The parts of a split text follow each other; only the last may end a page early.
        keepWithNext: (options.keepWithNext ?? false) && chunk === chunks - 1,
        withPrevious: false,
        ...(options.keepTogether !== undefined ? { keepTogether: options.keepTogether } : {}),
        ...(options.repeatAbove ? { repeatAbove: options.repeatAbove } : {}),
      });
    }
    return rows;
  }

  /** Each cell's column, span, style and, for wrapped text, its estimated lines per row. */
  private place(cells: readonly TextCell[], defaultStyle: StyleName) {
    let column = 0;
    return cells.map((cell) => {
      const span = Math.min(cell.span ?? 1, this.widths.length - column);
      if (span < 1) throw new Error("A row has more cells than the sheet has columns");
      const style = cell.style ?? defaultStyle;
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
      const placed = { cell, style, column, span, chunks: lines && chunkLines(lines) };
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

/** The sheet's rows in block order, and the print title (0-based rows) if a table asks for one. */
function laidRows(sheet: ReportSheet): {
  rows: LaidRow[];
  printTitle?: { first: number; last: number };
} {
  const build = new RowBuilder(sheet.columnWidths);
  const across = sheet.columnWidths.length;
  const rows: LaidRow[] = [];
  let printTitle: { first: number; last: number } | undefined;
  sheet.blocks.forEach((block, index) => {
    switch (block.kind) {
      case "title":
      case "heading":
        rows.push(
          ...build.rows([{ value: block.text, span: across }], block.kind, { keepWithNext: true })
        );
        break;
      case "paragraph":
        rows.push(
          ...build.rows([{ value: block.text, span: across }], block.style ?? "paragraph", {
            keepWithNext: isHeadingStyle(block.style) || introduces(sheet.blocks[index + 1]),
          })
        );
        break;
      case "table": {
        const header = build.rows(block.header, "table.header", { keepWithNext: true });
        const titled = block.repeatHeader === true && printTitle === undefined;
        if (titled) printTitle = { first: rows.length, last: rows.length + header.length - 1 };
        rows.push(...header);
        for (const cells of block.rows) {
          rows.push(
            ...build.rows(cells, "table.text", {
              // A group row (e.g. a verksamhetsområde) labels the rows below it.
              keepWithNext: cells[0]?.style === "table.group",
              ...(titled ? {} : { repeatAbove: header }),
            })
          );
        }
        break;
      }
      case "grid":
        for (const cells of block.rows) {
          rows.push(
            ...build.rows(cells, "table.text", {
              ...(block.minRowHeight !== undefined ? { minHeight: block.minRowHeight } : {}),
              keepTogether: index,
            })
          );
        }
        break;
      case "spacer":
        rows.push(build.spacer());
        break;
    }
  });
  return { rows, ...(printTitle ? { printTitle } : {}) };
}

export function layoutSheet(sheet: ReportSheet): SheetGrid {
  const laid = laidRows(sheet);
  const margins = NORMAL_MARGINS;
  const capacity = pageCapacity(sheet.columnWidths, sheet.orientation, margins);
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
    columnWidths: sheet.columnWidths,
    rows: pages.rows.map((row) => row.cells),
    rowHeights: pages.rows.map((row) => row.height),
    merges,
    print: {
      orientation: sheet.orientation,
      paperSize: "A4",
      fitToWidth: true,
      margins,
      ...(repeatRows ? { repeatRows } : {}),
      breaksBefore: pages.breaksBefore.map((index) => index + 1),
      footer: PAGE_FOOTER,
    },
    font: { name: REPORT_FONT, size: DEFAULT_FONT_SIZE },
  };
}
