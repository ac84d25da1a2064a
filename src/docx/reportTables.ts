/**
 * The report's tables and grids as Word tables (written as XML by tableXml.ts). A cell's look comes
 * from the core's `tableCellStyle` / `gridCellStyle` and `STYLES`, as on the sheets; its widths
 * from its content (tableColumns.ts). What keeps a table readable across pages:
 * - the header row repeats on every page and keeps with the first row;
 * - rows do not split (unless taller than a page could hold: Word cuts such a row off);
 * - a group row keeps with the rows it labels, a row before a sum with the sum, so a sum never
 *   starts a page away from the rows it sums, and a table's last row never stands alone;
 * - a grid (a risk's details, the risk matrix) stays on one page.
 */
import { gridCellStyle, tableCellStyle } from "../core/layout/cellStyles";
import { STYLES, type StyleName } from "../core/layout/styles";
import type { Block, ColumnWidth, ReportSheet } from "../core/report/reportDoc";
import { columnAlign } from "../core/report/reportDoc";
import { valueText } from "../core/report/valueText";
import { STYLE } from "./documentStyles";
import {
  fitsAtTextSize,
  leastEms,
  tableColumns,
  type ColumnNeed,
  type TableTextSize,
} from "./tableColumns";
import { CELL_MARGINS, TableXmlWriter } from "./tableXml";

export type ColumnsBlock = Extract<Block, { kind: "table" | "grid" }>;

/** A cell as the renderer prints it: its text and named style. */
interface Printed {
  readonly text: string;
  readonly style: StyleName;
}

/** Styles of figures: printed whole, never wrapped. */
const FIGURE_STYLES: ReadonlySet<StyleName> = new Set([
  "table.number",
  "table.number.negative",
  "table.sum.number",
  "table.sum.number.negative",
]);

const isBold = (style: StyleName) => STYLES[style].font?.bold ?? false;

/** A table or grid as printed: header (tables), rows (a group row is its text), column needs. */
export interface PrintedTable {
  readonly block: ColumnsBlock;
  readonly header: readonly Printed[] | null;
  readonly rows: readonly (readonly Printed[] | string)[];
  readonly sums: readonly boolean[];
  /** Each column's widest unbreakable pieces. */
  readonly needs: readonly ColumnNeed[];
}

function columnNeeds(
  columns: number,
  rows: readonly (readonly Printed[] | string)[]
): ColumnNeed[] {
  const words = new Array<number>(columns).fill(0);
  const figures = new Array<number>(columns).fill(0);
  for (const row of rows) {
    if (typeof row === "string") continue;
    row.forEach((cell, c) => {
      const whole = FIGURE_STYLES.has(cell.style);
      const ems = leastEms({ text: cell.text, bold: isBold(cell.style), whole });
      if (whole) figures[c] = Math.max(figures[c], ems);
      else words[c] = Math.max(words[c], ems);
    });
  }
  return words.map((w, c) => ({ words: w, figures: figures[c] }));
}

export function printedTable(block: ColumnsBlock): PrintedTable {
  if (block.kind === "grid") {
    const rows = block.rows.map((cells) =>
      cells.map((cell): Printed => ({
        text: valueText(cell, undefined),
        style: gridCellStyle(cell),
      }))
    );
    const needs = columnNeeds(block.columns.length, rows);
    return { block, header: null, rows, sums: rows.map(() => false), needs };
  }
  const header = block.columns.map((column): Printed => ({
    text: column.header,
    style: columnAlign(column) === "right" ? "table.header.number" : "table.header",
  }));
  const rows = block.rows.map((row): Printed[] | string =>
    row.kind === "group"
      ? row.text
      : row.cells.map((cell, c) => {
          const format = cell.format ?? block.columns[c]?.format ?? "text";
          // A link jumps inside a workbook; in a document the cell is its text.
          return {
            text: valueText(cell, format),
            style: tableCellStyle(
              cell.link ? { ...cell, link: undefined } : cell,
              format,
              row.kind === "sum"
            ),
          };
        })
  );
  const needs = columnNeeds(block.columns.length, [header, ...rows]);
  return { block, header, rows, sums: block.rows.map((r) => r.kind === "sum"), needs };
}

/** Whether the table prints at its own text size between the margins of `pageWidth`. */
export function fitsPage(table: PrintedTable, pageWidth: number): boolean {
  return fitsAtTextSize(table.needs, pageWidth);
}

const fixedWidth = (widths: readonly ColumnWidth[]) =>
  widths.reduce<number>((sum, w) => sum + (w === "rest" ? 0 : w), 0);

/** The characters that fill a chapter's text width: the sheet's width, or its widest table's. */
export function sheetCharacters(sheet: ReportSheet): number {
  let widest = sheet.width;
  for (const b of sheet.blocks) {
    if (b.kind === "table" || b.kind === "grid") {
      widest = Math.max(widest, fixedWidth(b.columns.map((c) => c.width)));
    }
  }
  return widest;
}

/**
 * The block's declared column widths in twips: the sheet's characters scaled so that the sheet's
 * width (`sheetCharacters`) fills the text width, a `rest` column taking what the sheet leaves.
 */
function declaredTwips(block: ColumnsBlock, characters: number, width: number): number[] {
  const widths = block.columns.map((c) => c.width);
  const rest = Math.max(characters - fixedWidth(widths), 4);
  return widths.map((w) => Math.round(((w === "rest" ? rest : w) * width) / characters));
}

/**
 * Lines a row may have and still be kept on one page (cantSplit). Word does not break a row that
 * may not split even when it is taller than a page; it cuts it off. A longer row may split.
 */
const UNSPLIT_LINES = 20;
/** An average character of table text, twips per point of size (Arial 9 pt: 95). */
const AVERAGE_CHARACTER_PER_PT = 95 / 9;

/** Characters an estimated line of a column `width` twips wide holds at `sizePt`. */
const charactersPerLine = (width: number, sizePt: number) =>
  Math.max(
    1,
    (width - CELL_MARGINS.left - CELL_MARGINS.right) / (AVERAGE_CHARACTER_PER_PT * sizePt)
  );

function estimatedLines(text: string, perLine: number): number {
  // Most cells are one short line: no need to split them.
  if (text.length <= perLine && !text.includes("\n")) return 1;
  return text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function fitsUnsplit(cells: readonly Printed[], perLine: readonly number[]) {
  return cells.every((cell, c) => estimatedLines(cell.text, perLine[c]) <= UNSPLIT_LINES);
}

const PARAGRAPH_STYLES: Record<TableTextSize, string> = {
  9: STYLE.tableText,
  8: STYLE.tableTextSmall,
};

/** Rows are joined and encoded in batches: a long table never becomes one huge string. */
const ROWS_PER_CHUNK = 500;
const encoder = new TextEncoder();

/** The table's WordprocessingML, UTF-8, in chunks. */
export function tableXml(
  table: PrintedTable,
  sheetCharacters: number,
  pageWidth: number
): Uint8Array[] {
  const { block, header, rows, sums } = table;
  const { widths, sizePt } = tableColumns(
    declaredTwips(block, sheetCharacters, pageWidth),
    table.needs,
    pageWidth
  );
  const writer = new TableXmlWriter(PARAGRAPH_STYLES[sizePt], widths);
  const perLine = widths.map((w) => charactersPerLine(w, sizePt));
  const grid = block.kind === "grid";
  const minHeight = grid && block.minRowHeight !== undefined ? block.minRowHeight * 20 : undefined;
  const chunks: Uint8Array[] = [];
  let pending: string[] = [writer.opening()];
  if (header) {
    pending.push(writer.row({ header: true, cantSplit: true, keepNext: true, cells: header }));
  }
  rows.forEach((row, r) => {
    // The last row of a block marked keepWithNext keeps too: Word and LibreOffice then keep the
    // table with the paragraph or table after it.
    const keepNext =
      (grid
        ? r < rows.length - 1
        : typeof row === "string" || r === rows.length - 2 || sums[r + 1] === true) ||
      (r === rows.length - 1 && block.keepWithNext === true);
    pending.push(
      typeof row === "string"
        ? writer.spanningRow(row, "table.group", keepNext)
        : writer.row({ cantSplit: fitsUnsplit(row, perLine), keepNext, minHeight, cells: row })
    );
    if (pending.length >= ROWS_PER_CHUNK) {
      chunks.push(encoder.encode(pending.join("")));
      pending = [];
    }
  });
  pending.push(TableXmlWriter.closing);
  chunks.push(encoder.encode(pending.join("")));
  return chunks;
}
