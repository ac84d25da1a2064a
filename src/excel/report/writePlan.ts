/**
 * Plans how SheetGrids are written through Office.js: which sheets to delete and add, and the
 * writes (values, number formats, formats, row heights, links, merges) grouped into batches that
 * each stay well below the request-size limit of Excel on the web (5 MB). Pure: the executor in
 * writeReport.ts turns each batch into one `context.sync()`.
 */
import type { GridCell, PrintSetup, SheetGrid } from "../../core/report/reportDoc";
import { STYLES } from "../../core/report/styles";
import { quoteSheet, rangeAddress, rowsAddress, columnsAddress } from "../addresses";
import { toExcelInput } from "../cellValues";
import { propertyCount, toCellFormat, type CellFormat } from "./cellFormat";
import { area, rectanglesOf } from "./rectangles";

/** No single request may be larger than this (Excel on the web refuses requests over 5 MB). */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** What a batch may hold by this plan's estimate; the margin absorbs the estimate's error. */
const BATCH_ESTIMATE_BYTES = 3_500_000;
/** Rows are written in blocks of about this many bytes of values, so no op is itself huge. */
const BLOCK_VALUE_BYTES = 500_000;
/** What one Office.js action costs in a request beyond its payload: its object path and ids. */
const ACTION_OVERHEAD_BYTES = 150;
/** Empty cells tolerated inside one setCellProperties run before starting another. */
const MAX_GAP_ROWS = 40;

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
      readonly kind: "rowHeights";
      readonly sheet: string;
      readonly address: string;
      readonly rows: Excel.SettableRowProperties[];
    }
  | {
      readonly kind: "numberFormat";
      readonly sheet: string;
      readonly address: string;
      readonly numberFormat: string[][];
    }
  | {
      readonly kind: "format";
      readonly sheet: string;
      readonly address: string;
      readonly format: CellFormat;
    }
  | {
      readonly kind: "cells";
      readonly sheet: string;
      readonly address: string;
      readonly cells: Excel.SettableCellProperties[][];
    }
  | { readonly kind: "merge"; readonly sheet: string; readonly address: string };

/** The product's own sheets: the only ones it deletes or writes. */
export function isProductSheet(name: string): boolean {
  return name.startsWith("Rapport") || name === "Kontrollresultat";
}

/** Column width in characters (as SheetGrid and exceljs have it) → points (as Office.js has it). */
export function widthInPoints(characters: number): number {
  // Excel: pixels = 7 per character of the default font's digit + 5 padding; 96 px = 72 pt.
  return Math.round((7 * characters + 5) * 0.75 * 100) / 100;
}

export function planReportWrite(
  grids: readonly SheetGrid[],
  existingSheets: readonly string[]
): WriteOp[][] {
  const first: WriteOp[] = existingSheets
    .filter(isProductSheet)
    .map((sheet): WriteOp => ({ kind: "deleteSheet", sheet }));
  const blocks: WriteOp[][] = [];
  for (const grid of grids) {
    first.push(...sheetSetup(grid));
    blocks.push(...rowBlocks(grid));
  }
  return packBatches([first, ...blocks]);
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

/** Splits the grid's rows into blocks of bounded size and plans each block's writes. */
function rowBlocks(grid: SheetGrid): WriteOp[][] {
  const width = Math.max(grid.columnWidths.length, ...grid.rows.map((r) => r.length), 1);
  const blocks: WriteOp[][] = [];
  let start = 0;
  while (start < grid.rows.length) {
    let end = start;
    let bytes = 0;
    while (end < grid.rows.length && (end === start || bytes < BLOCK_VALUE_BYTES)) {
      bytes += utf8Bytes(JSON.stringify(grid.rows[end].map((c) => toExcelInput(c?.value))));
      end++;
    }
    blocks.push(blockOps(grid, start, end, width));
    start = end;
  }
  return blocks;
}

/** Writes for grid rows [start, end) (0-based), i.e. sheet rows start+1 … end. */
function blockOps(grid: SheetGrid, start: number, end: number, width: number): WriteOp[] {
  const sheet = grid.name;
  const top = start + 1;
  const bottom = end;
  const rows = grid.rows.slice(start, end);
  const ops: WriteOp[] = [
    {
      kind: "values",
      sheet,
      address: rangeAddress(top, 1, bottom, width),
      values: rows.map((row) =>
        Array.from({ length: width }, (_, c) => toExcelInput(row[c]?.value))
      ),
    },
  ];

  const heights = grid.rowHeights.slice(start, end);
  if (heights.some((h) => h !== undefined)) {
    ops.push({
      kind: "rowHeights",
      sheet,
      address: rowsAddress(top, bottom),
      rows: rows.map((_, r) =>
        heights[r] === undefined ? {} : { format: { rowHeight: heights[r] } }
      ),
    });
  }

  for (const rect of rectanglesOf(rows, top, (c) => (c as GridCell | null)?.numFmt ?? null)) {
    const h = rect.bottom - rect.top + 1;
    const w = rect.right - rect.left + 1;
    ops.push({
      kind: "numberFormat",
      sheet,
      address: rangeAddress(rect.top, rect.left, rect.bottom, rect.right),
      numberFormat: Array.from({ length: h }, () => new Array<string>(w).fill(rect.key)),
    });
  }

  // Formats: a large rectangle costs a few property assignments; scattered cells (a status column
  // whose colour changes every row, links) go cheaper as one setCellProperties per column run.
  const scattered = new Map<number, Map<number, Excel.SettableCellProperties>>();
  const addScattered = (row: number, col: number, props: Excel.SettableCellProperties) => {
    const column = scattered.get(col) ?? new Map<number, Excel.SettableCellProperties>();
    column.set(row, { ...column.get(row), ...props });
    scattered.set(col, column);
  };
  for (const rect of rectanglesOf(rows, top, (c) => (c as GridCell | null)?.style ?? null)) {
    const format = toCellFormat(STYLES[rect.key]);
    const asRange = ACTION_OVERHEAD_BYTES * (propertyCount(format) + 1);
    const asCells = area(rect) * (utf8Bytes(JSON.stringify({ format })) + 4);
    if (asRange <= asCells) {
      ops.push({
        kind: "format",
        sheet,
        address: rangeAddress(rect.top, rect.left, rect.bottom, rect.right),
        format,
      });
    } else {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) addScattered(r, c, { format });
    }
  }
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link) return;
      const hyperlink: Excel.RangeHyperlink = {
        documentReference: `${quoteSheet(cell.link.sheet)}!${cell.link.cell}`,
      };
      if (cell.value !== null && cell.value !== "") hyperlink.textToDisplay = String(cell.value);
      addScattered(top + r, c + 1, { hyperlink });
    })
  );
  for (const [col, cells] of [...scattered].sort((a, b) => a[0] - b[0])) {
    ops.push(...cellRuns(sheet, col, cells));
  }

  // Merges last, once every row they cover has been written (a merge may start in an earlier block).
  for (const m of grid.merges) {
    const last = m.row + m.rowSpan - 1;
    if (last >= top && last <= bottom) {
      ops.push({
        kind: "merge",
        sheet,
        address: rangeAddress(m.row, m.col, last, m.col + m.colSpan - 1),
      });
    }
  }
  return ops;
}

function cellRuns(
  sheet: string,
  col: number,
  cells: ReadonlyMap<number, Excel.SettableCellProperties>
): WriteOp[] {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  let runStart = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] - rows[i - 1] <= MAX_GAP_ROWS) continue;
    const first = rows[runStart];
    const last = rows[i - 1];
    ops.push({
      kind: "cells",
      sheet,
      address: rangeAddress(first, col, last, col),
      cells: Array.from({ length: last - first + 1 }, (_, k) => [cells.get(first + k) ?? {}]),
    });
    runStart = i;
  }
  return ops;
}

/** An op's share of a request: its payload plus the overhead of each action it queues. */
export function estimateBytes(op: WriteOp): number {
  const actions =
    op.kind === "format" ? propertyCount(op.format) : op.kind === "pageLayout" ? 8 : 1;
  return utf8Bytes(JSON.stringify(op)) + ACTION_OVERHEAD_BYTES * actions;
}

/** Packs blocks of ops, in order, into as few batches as the estimate allows. */
function packBatches(blocks: readonly WriteOp[][]): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of blocks.flat()) {
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
