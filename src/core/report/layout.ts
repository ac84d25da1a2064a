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
import { DEFAULT_FONT_SIZE, fontSizeOf, REPORT_FONT, STYLES } from "./styles";
import { columnPixels, rowHeightFor, wrappedLineCount } from "./textMetrics";

/** "Sida 3 (7)": page and page count, centred in the footer. */
export const PAGE_FOOTER = "&CSida &P (&N)";
/** Excel's largest row height. A longer text is cut off in print; the workbook still holds all of it. */
export const MAX_ROW_HEIGHT = 409;
const SPACER_HEIGHT = 8;

class GridBuilder {
  readonly rows: (GridCell | null)[][] = [];
  readonly rowHeights: (number | undefined)[] = [];
  readonly merges: Merge[] = [];
  repeatRows: PrintSetup["repeatRows"];

  constructor(private readonly widths: readonly number[]) {}

  /** Adds one row; returns its 1-based number. */
  addRow(cells: readonly TextCell[], defaultStyle: StyleName, minHeight = 0): number {
    const rowNumber = this.rows.length + 1;
    const row: (GridCell | null)[] = new Array<GridCell | null>(this.widths.length).fill(null);
    let column = 0;
    let height = Math.max(minHeight, rowHeightFor(1, DEFAULT_FONT_SIZE));
    for (const cell of cells) {
      const span = Math.min(cell.span ?? 1, this.widths.length - column);
      if (span < 1) throw new Error(`Row ${rowNumber} has more cells than the sheet has columns`);
      const style = cell.style ?? defaultStyle;
      row[column] = {
        value: cell.value,
        style,
        ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
        ...(cell.link ? { link: cell.link } : {}),
      };
      if (span > 1)
        this.merges.push({ row: rowNumber, col: column + 1, rowSpan: 1, colSpan: span });
      const widthPx = this.widths
        .slice(column, column + span)
        .reduce((sum, w) => sum + columnPixels(w), 0);
      height = Math.max(height, this.heightOf(cell.value, style, widthPx));
      column += span;
    }
    this.rows.push(row);
    this.rowHeights.push(Math.min(height, MAX_ROW_HEIGHT));
    return rowNumber;
  }

  addSpacer(): void {
    this.rows.push(new Array<GridCell | null>(this.widths.length).fill(null));
    this.rowHeights.push(SPACER_HEIGHT);
  }

  private heightOf(value: TextCell["value"], style: StyleName, widthPx: number): number {
    const size = fontSizeOf(style);
    if (typeof value !== "string" || !STYLES[style].wrap) return rowHeightFor(1, size);
    const bold = STYLES[style].font?.bold ?? false;
    return rowHeightFor(wrappedLineCount(value, widthPx, size, bold), size);
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
