/**
 * Lays a ReportSheet's blocks out into a SheetGrid: cells, merges, row heights and print setup.
 * Every host renders the grid as it is, so this is where the report's look is decided.
 */
import type {
  GridCell,
  Merge,
  PrintSetup,
  ReportSheet,
  SheetGrid,
  StyleName,
  TextCell,
} from "./reportDoc";
import { withinCellLimit } from "./cellText";
import { DEFAULT_FONT_SIZE, fontSizeOf, REPORT_FONT, STYLES } from "./styles";
import { columnPixels, joinLines, rowHeightFor, wrapText, type WrappedLine } from "./textMetrics";

/** "Sida 3 (7)": page and page count, centred in the footer. */
export const PAGE_FOOTER = "&CSida &P (&N)";
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;
/** About a third of a printed page: a longer text continues in the next row. */
export const MAX_LINES_PER_ROW = 24;
const SPACER_HEIGHT = 8;

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

class GridBuilder {
  readonly rows: (GridCell | null)[][] = [];
  readonly rowHeights: (number | undefined)[] = [];
  readonly merges: Merge[] = [];
  repeatRows: PrintSetup["repeatRows"];

  constructor(private readonly widths: readonly number[]) {}

  /**
   * Adds one row, or several when a text needs more than MAX_LINES_PER_ROW lines: Excel prints a
   * row on one page, so a long comment continues in the rows below. Returns the first row's number.
   */
  addRow(cells: readonly TextCell[], defaultStyle: StyleName, minHeight = 0): number {
    const first = this.rows.length + 1;
    const placed = this.place(cells, defaultStyle, first);
    const chunks = Math.max(1, ...placed.map((p) => p.chunks?.length ?? 1));
    for (let chunk = 0; chunk < chunks; chunk++) {
      const rowNumber = first + chunk;
      const row: (GridCell | null)[] = new Array<GridCell | null>(this.widths.length).fill(null);
      let height = Math.max(minHeight, rowHeightFor(1, DEFAULT_FONT_SIZE));
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
          value: withinCellLimit(value),
          style: p.style,
          ...(p.cell.numFmt ? { numFmt: p.cell.numFmt } : {}),
          ...(p.cell.link && chunk === 0 ? { link: p.cell.link } : {}),
        };
        // The cells a merge covers carry its style too: Excel draws borders and fills per cell.
        for (let c = p.column + 1; c < p.column + p.span; c++) {
          row[c] = { value: null, style: p.style };
        }
        if (p.span > 1) {
          this.merges.push({ row: rowNumber, col: p.column + 1, rowSpan: 1, colSpan: p.span });
        }
        height = Math.max(
          height,
          rowHeightFor(Math.max(1, part?.length ?? 1), fontSizeOf(p.style))
        );
      }
      this.rows.push(row);
      this.rowHeights.push(Math.min(height, MAX_ROW_HEIGHT));
    }
    return first;
  }

  /** Each cell's column, span, style and, for wrapped text, its estimated lines per row. */
  private place(cells: readonly TextCell[], defaultStyle: StyleName, rowNumber: number) {
    let column = 0;
    return cells.map((cell) => {
      const span = Math.min(cell.span ?? 1, this.widths.length - column);
      if (span < 1) throw new Error(`Row ${rowNumber} has more cells than the sheet has columns`);
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

  addSpacer(): void {
    this.rows.push(new Array<GridCell | null>(this.widths.length).fill(null));
    this.rowHeights.push(SPACER_HEIGHT);
  }
}

export function layoutSheet(sheet: ReportSheet): SheetGrid {
  const grid = new GridBuilder(sheet.columnWidths);
  const across = sheet.columnWidths.length;
  for (const block of sheet.blocks) {
    switch (block.kind) {
      case "title":
        grid.addRow([{ value: block.text, span: across }], "title");
        break;
      case "heading":
        grid.addRow([{ value: block.text, span: across }], "heading");
        break;
      case "paragraph":
        grid.addRow([{ value: block.text, span: across }], block.style ?? "paragraph");
        break;
      case "table": {
        const header = grid.addRow(block.header, "table.header");
        if (block.repeatHeader && !grid.repeatRows)
          grid.repeatRows = { first: header, last: header };
        for (const row of block.rows) grid.addRow(row, "table.text");
        break;
      }
      case "grid":
        for (const row of block.rows) grid.addRow(row, "table.text", block.minRowHeight);
        break;
      case "spacer":
        grid.addSpacer();
        break;
    }
  }
  return {
    name: sheet.name,
    columnWidths: sheet.columnWidths,
    rows: grid.rows,
    rowHeights: grid.rowHeights,
    merges: grid.merges,
    print: {
      orientation: sheet.orientation,
      paperSize: "A4",
      fitToWidth: true,
      ...(grid.repeatRows ? { repeatRows: grid.repeatRows } : {}),
      footer: PAGE_FOOTER,
    },
    font: { name: REPORT_FONT, size: DEFAULT_FONT_SIZE },
  };
}
