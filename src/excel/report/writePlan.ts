/**
 * Plans how SheetGrids are written through Office.js: which sheets to delete and add, and the
 * writes (values, number formats, formats, row heights, merges, links) grouped into batches that
 * each stay well below the request-size limit of Excel on the web (5 MB). Pure: the executor in
 * writeReport.ts turns each batch into one `context.sync()`.
 *
 * What keeps a report of 10,000 åtgärder in one request: formats and row heights are applied per
 * style and per height to many areas at once (`worksheet.getRanges`), equal merges in consecutive
 * rows are made with one `merge(true)`, and only values, number formats and links grow with the
 * number of cells.
 */
import { isProductSheet } from "../../core/report/productSheets";
import type { GridCell, PrintSetup, SheetGrid } from "../../core/layout/sheetGrid";
import { STYLES } from "../../core/layout/styles";
import type { CellRange } from "../../core/snapshot";
import { columnsAddress, quoteSheet, rangeAddress, rowsAddress } from "../addresses";
import { toExcelInput } from "../cellValues";
import { propertyCount, toCellFormat, type CellFormat } from "./cellFormat";
import { rectanglesOf } from "./rectangles";

/** No single request may be larger than this (Excel on the web refuses requests over 5 MB). */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** What a batch may hold by this plan's estimate; the margin absorbs the estimate's error. */
const BATCH_ESTIMATE_BYTES = 3_600_000;
/** Rows are written in blocks of about this many bytes of values, so no op is itself huge. */
const BLOCK_VALUE_BYTES = 500_000;
/** What one Office.js action costs in a request beyond its payload: its object path and ids. */
const ACTION_OVERHEAD_BYTES = 150;
/**
 * Longest address list for one `getRanges`: Excel rejects some lists of about 8,000 characters
 * (OfficeDev/office-js#5198), so stay well below.
 */
const MAX_AREAS_ADDRESS_CHARS = 2_000;
/** Empty rows tolerated inside one setCellProperties run of links before starting another. */
const MAX_GAP_ROWS = 40;
/** Links per setCellProperties call at most: keeps each op well below the batch size. */
const BLOCK_ROWS_OF_LINKS = 5_000;

export type WriteOp =
  | { readonly kind: "deleteSheet"; readonly sheet: string }
  | { readonly kind: "addSheet"; readonly sheet: string }
  | {
      readonly kind: "columns";
      readonly sheet: string;
      readonly address: string;
      readonly columns: Excel.SettableColumnProperties[];
    }
  | { readonly kind: "pageLayout"; readonly sheet: string; readonly print: PrintSetup }
  | {
      readonly kind: "values";
      readonly sheet: string;
      readonly address: string;
      readonly values: (string | number)[][];
    }
  | {
      readonly kind: "numberFormat";
      readonly sheet: string;
      readonly address: string;
      readonly numberFormat: string[][];
    }
  /** One style on many areas: `getRanges(areas).format…`. */
  | {
      readonly kind: "format";
      readonly sheet: string;
      readonly areas: string;
      readonly format: CellFormat;
    }
  /** One height on many row ranges: `getRanges("5:9, 12:12").format.rowHeight`. */
  | {
      readonly kind: "rowHeight";
      readonly sheet: string;
      readonly areas: string;
      readonly height: number;
    }
  /** `across`: each row of the range becomes its own merged area. */
  | {
      readonly kind: "merge";
      readonly sheet: string;
      readonly address: string;
      readonly across: boolean;
    }
  | {
      readonly kind: "links";
      readonly sheet: string;
      readonly address: string;
      readonly cells: Excel.SettableCellProperties[][];
    };

/** Column width in characters (as SheetGrid and exceljs have it) → points (as Office.js has it). */
export function widthInPoints(characters: number): number {
  // Excel: pixels = 7 per character of the default font's digit + 5 padding; 96 px = 72 pt.
  return Math.round((7 * characters + 5) * 0.75 * 100) / 100;
}

export function planReportWrite(
  grids: readonly SheetGrid[],
  existingSheets: readonly string[]
): WriteOp[][] {
  const ops: WriteOp[] = existingSheets
    .filter(isProductSheet)
    .map((sheet): WriteOp => ({ kind: "deleteSheet", sheet }));
  for (const grid of grids) ops.push(...sheetSetup(grid));
  for (const grid of grids) {
    ops.push(
      ...valueBlocks(grid),
      ...styleOps(grid),
      ...rowHeightOps(grid),
      ...mergeOps(grid),
      ...linkOps(grid)
    );
  }
  return packBatches(ops);
}

function sheetSetup(grid: SheetGrid): WriteOp[] {
  const ops: WriteOp[] = [{ kind: "addSheet", sheet: grid.name }];
  const widths = grid.columnWidths;
  if (widths.length > 0) {
    const font = grid.font ? { font: { name: grid.font.name, size: grid.font.size } } : {};
    ops.push({
      kind: "columns",
      sheet: grid.name,
      address: columnsAddress(1, widths.length),
      columns: widths.map((w) => ({ format: { columnWidth: widthInPoints(w), ...font } })),
    });
  }
  ops.push({ kind: "pageLayout", sheet: grid.name, print: grid.print });
  return ops;
}

/** Values, and the number formats of the same rows, in blocks of bounded size. */
function valueBlocks(grid: SheetGrid): WriteOp[] {
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), grid.columnWidths.length || 1);
  const ops: WriteOp[] = [];
  let start = 0;
  while (start < grid.rows.length) {
    let end = start;
    let bytes = 0;
    while (end < grid.rows.length && (end === start || bytes < BLOCK_VALUE_BYTES)) {
      bytes += utf8Bytes(JSON.stringify(grid.rows[end].map((c) => toExcelInput(c?.value))));
      end++;
    }
    const rows = grid.rows.slice(start, end);
    ops.push({
      kind: "values",
      sheet: grid.name,
      address: rangeAddress(start + 1, 1, end, width),
      values: rows.map((row) =>
        Array.from({ length: width }, (_, c) => toExcelInput(row[c]?.value))
      ),
    });
    for (const rect of rectanglesOf(
      rows,
      start + 1,
      (c) => (c as GridCell | null)?.numFmt ?? null
    )) {
      const w = rect.right - rect.left + 1;
      ops.push({
        kind: "numberFormat",
        sheet: grid.name,
        address: addressOf(rect),
        numberFormat: Array.from({ length: rect.bottom - rect.top + 1 }, () =>
          new Array<string>(w).fill(rect.key)
        ),
      });
    }
    start = end;
  }
  return ops;
}

/**
 * A style's border belongs to every cell, but a range's border is drawn on its edges only: areas
 * taller (wider) than one cell also get the lines between their rows (columns).
 */
function styleOps(grid: SheetGrid): WriteOp[] {
  const groups = new Map<string, { format: CellFormat; addresses: string[] }>();
  for (const rect of rectanglesOf(grid.rows, 1, (c) => (c as GridCell | null)?.style ?? null)) {
    const format = withInsideBorders(
      toCellFormat(STYLES[rect.key]),
      rect.bottom > rect.top,
      rect.right > rect.left
    );
    const key = `${rect.key}|${JSON.stringify(format.borders ?? {})}`;
    const group = groups.get(key) ?? { format, addresses: [] };
    group.addresses.push(addressOf(rect));
    groups.set(key, group);
  }
  const ops: WriteOp[] = [];
  for (const { format, addresses } of groups.values()) {
    if (propertyCount(format) === 0) continue;
    for (const areas of chunkAddresses(addresses)) {
      ops.push({ kind: "format", sheet: grid.name, areas, format });
    }
  }
  return ops;
}

function withInsideBorders(format: CellFormat, tall: boolean, wide: boolean): CellFormat {
  const b = format.borders;
  if (!b) return format;
  const borders = { ...b };
  const horizontal = b.bottom ?? b.top;
  const vertical = b.right ?? b.left;
  if (tall && horizontal) borders.horizontal = horizontal;
  if (wide && vertical) borders.vertical = vertical;
  return { ...format, borders };
}

function rowHeightOps(grid: SheetGrid): WriteOp[] {
  const byHeight = new Map<number, string[]>();
  let start = 0;
  for (let r = 1; r <= grid.rowHeights.length; r++) {
    if (r < grid.rowHeights.length && grid.rowHeights[r] === grid.rowHeights[start]) continue;
    const height = grid.rowHeights[start];
    if (height !== undefined) {
      const list = byHeight.get(height) ?? [];
      list.push(rowsAddress(start + 1, r));
      byHeight.set(height, list);
    }
    start = r;
  }
  return [...byHeight].flatMap(([height, addresses]) =>
    chunkAddresses(addresses).map((areas): WriteOp => ({
      kind: "rowHeight",
      sheet: grid.name,
      areas,
      height,
    }))
  );
}

/** Single-row merges of the same columns in consecutive rows become one `merge(true)`. */
function mergeOps(grid: SheetGrid): WriteOp[] {
  const ops: WriteOp[] = [];
  const singleRow = grid.merges
    .filter((m) => m.rowSpan === 1)
    .sort((a, b) => a.col - b.col || a.colSpan - b.colSpan || a.row - b.row);
  for (let i = 0; i < singleRow.length;) {
    const first = singleRow[i];
    let j = i + 1;
    while (
      j < singleRow.length &&
      singleRow[j].col === first.col &&
      singleRow[j].colSpan === first.colSpan &&
      singleRow[j].row === singleRow[j - 1].row + 1
    ) {
      j++;
    }
    const last = singleRow[j - 1];
    ops.push({
      kind: "merge",
      sheet: grid.name,
      address: rangeAddress(first.row, first.col, last.row, first.col + first.colSpan - 1),
      across: j - i > 1,
    });
    i = j;
  }
  for (const m of grid.merges.filter((m) => m.rowSpan > 1)) {
    ops.push({
      kind: "merge",
      sheet: grid.name,
      address: rangeAddress(m.row, m.col, m.row + m.rowSpan - 1, m.col + m.colSpan - 1),
      across: false,
    });
  }
  return ops;
}

/** Internal links (Kontrollresultat → the finding's cell), one setCellProperties per column run. */
function linkOps(grid: SheetGrid): WriteOp[] {
  const byColumn = new Map<number, Map<number, Excel.SettableCellProperties>>();
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link) return;
      const hyperlink: Excel.RangeHyperlink = {
        documentReference: `${quoteSheet(cell.link.sheet)}!${cell.link.cell}`,
      };
      if (cell.value !== null && cell.value !== "") hyperlink.textToDisplay = String(cell.value);
      const column = byColumn.get(c + 1) ?? new Map<number, Excel.SettableCellProperties>();
      column.set(r + 1, { hyperlink });
      byColumn.set(c + 1, column);
    })
  );
  const ops: WriteOp[] = [];
  for (const [col, cells] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let runStart = 0;
    for (let i = 1; i <= rows.length; i++) {
      const ends =
        i === rows.length ||
        rows[i] - rows[i - 1] > MAX_GAP_ROWS ||
        rows[i] - rows[runStart] >= BLOCK_ROWS_OF_LINKS;
      if (!ends) continue;
      const first = rows[runStart];
      const last = rows[i - 1];
      ops.push({
        kind: "links",
        sheet: grid.name,
        address: rangeAddress(first, col, last, col),
        cells: Array.from({ length: last - first + 1 }, (_, k) => [cells.get(first + k) ?? {}]),
      });
      runStart = i;
    }
  }
  return ops;
}

function addressOf(rect: CellRange): string {
  return rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
}

/** Comma-separated address lists no longer than MAX_AREAS_ADDRESS_CHARS. */
function chunkAddresses(addresses: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 2 + address.length > MAX_AREAS_ADDRESS_CHARS) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}, ${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** An op's share of a request: its payload plus the overhead of each action it queues. */
export function estimateBytes(op: WriteOp): number {
  const actions =
    op.kind === "format"
      ? propertyCount(op.format)
      : op.kind === "pageLayout"
        ? 14 + op.print.breaksBefore.length
        : 1;
  return utf8Bytes(JSON.stringify(op)) + ACTION_OVERHEAD_BYTES * (actions + 1);
}

/** Packs ops, in order, into as few batches as the estimate allows. */
function packBatches(ops: readonly WriteOp[]): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = estimateBytes(op);
    if (current.length > 0 && bytes + size > BATCH_ESTIMATE_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** UTF-8 length without allocating an encoded copy (Swedish letters take two bytes). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
