/**
 * One template table's data rows rewritten in its sheet for the next period: output row i holds
 * the roll's content row i, which comes from the input's row `sources[i]`. A cell the roll keeps
 * as it was is copied whole (style, type, formula, value); a changed one gets the new value in
 * the cell's own style (a formula in a column the roll empties goes with its value); a computed column gets its formula for the row; a column the user added
 * inside the table moves with its row. Rows left over at the bottom keep their styles and, where
 * they had one, a computed column's formula.
 * Cells outside the table's columns stay where they are.
 */
import { normalizeHeader } from "../../core/parse/headers";
import { isCellError, type CellValue, type SnapshotTable } from "../../core/snapshot";
import { xmlSafeText } from "../../core/text/xmlSafe";
import type { RowSpec } from "../../core/template/content";
import type { ColumnDef, TableDef } from "../../core/template/definition";
import { compileThisRowFormula } from "../template/computedFormula";
import { decodeXml, escapeXml } from "../xmlText";
import type { DateStyles } from "./dateStyles";
import type { PackageTable } from "./packageParts";
import { cellAttribute, type SheetCell, type SheetData } from "./sheetData";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The data rows that did not stay in place: their output row, or null when the roll dropped them. */
export type RowMoves = Map<number, number | null>;

/** Where the roll keeps a column's values as they are (a formula there stays a formula). */
export type KeptColumn = (columnKey: string) => boolean;

export interface TableRowsResult {
  /** Rows whose place changed or that were dropped; empty when every row stayed. */
  readonly moves: RowMoves;
  /** Cells of the user's own columns in rows the roll dropped, by column. */
  readonly lostCells: readonly { readonly row: number; readonly column: number }[];
  /** The last row that holds a content row: a dropped row above it now holds another row. */
  readonly lastOutputRow: number;
  /** Formulas the roll empties that had no calculated value: their value is nowhere now. */
  readonly clearedFormulas: readonly {
    readonly row: number;
    readonly column: number;
    readonly formula: string;
  }[];
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (isCellError(a) || isCellError(b)) {
    return isCellError(a) && isCellError(b) && a.error === b.error;
  }
  return a === b;
}

const styleOf = (cell: SheetCell | undefined) => Number(cell && cellAttribute(cell, "s")) || 0;
const styled = (style: number) => (style ? ` s="${style}"` : "");

/**
 * Sheet row `row`, column `column` set to `value` in the style the cell had (valueCell); the row
 * is made when the sheet has none there. The one way a single cell is set: Ny period's settings,
 * Klarmarkera, importera and kolada all set theirs so.
 */
export function setCell(
  data: SheetData,
  row: number,
  column: number,
  value: CellValue,
  dates: DateStyles
): void {
  let sheetRow = data.rows.get(row);
  if (!sheetRow) data.rows.set(row, (sheetRow = { attributes: "", cells: new Map() }));
  sheetRow.cells.set(column, valueCell(value, styleOf(sheetRow.cells.get(column)), dates));
}

/** A cell holding `value`, in `style` (a Date gets a date style: it must read back as a date). */
export function valueCell(value: CellValue, style: number, dates: DateStyles): SheetCell {
  if (value === null) return { attributes: styled(style), content: "" };
  if (value instanceof Date) {
    const serial = (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
    return { attributes: styled(dates.dateStyle(style)), content: `<v>${serial}</v>` };
  }
  if (typeof value === "number") return { attributes: styled(style), content: `<v>${value}</v>` };
  if (typeof value === "boolean") {
    return { attributes: `${styled(style)} t="b"`, content: `<v>${value ? 1 : 0}</v>` };
  }
  if (isCellError(value)) {
    return { attributes: `${styled(style)} t="e"`, content: `<v>${escapeXml(value.error)}</v>` };
  }
  return {
    attributes: `${styled(style)} t="inlineStr"`,
    content: `<is><t xml:space="preserve">${escapeXml(xmlSafeText(value))}</t></is>`,
  };
}

const FORMULA = /<f\b[^>]*>([^<]*)<\/f>/;
const hasContent = (cell: SheetCell | undefined) => cell !== undefined && cell.content !== "";

export function rewriteTableRows(
  data: SheetData,
  table: PackageTable,
  snapshot: SnapshotTable,
  def: TableDef,
  rows: readonly RowSpec[],
  sources: readonly number[],
  kept: KeptColumn,
  dates: DateStyles
): TableRowsResult {
  const { left, right, top } = table.range;
  const first = top + 1;
  const last = table.range.bottom - (table.totalsRow ? 1 : 0);
  if (first + rows.length - 1 > last) {
    throw new Error(`Tabellen ${def.name} har fler rader än sitt område i filen.`);
  }
  const columns = new Map<number, ColumnDef | null>();
  for (let c = left; c <= right; c++) {
    const header = normalizeHeader(snapshot.headers[c - snapshot.firstColumn] ?? "");
    columns.set(c, def.columns.find((col) => normalizeHeader(col.header) === header) ?? null);
  }
  const columnOf = (header: string) =>
    [...columns].find(([, col]) => col?.header === header)?.[0] ?? -1;
  const formulas = new Map(
    [...columns].flatMap(([c, col]) =>
      col?.kind === "computed" && col.formula
        ? [[c, compileThisRowFormula(col.formula, columnOf)] as const]
        : []
    )
  );
  const raw = (row: number, column: number): CellValue =>
    snapshot.rows[row - snapshot.headerRow - 1]?.[column - snapshot.firstColumn] ?? null;

  // The table's cells as they were, taken out of the sheet; put back row by row below.
  const before = new Map<number, Map<number, SheetCell>>();
  const rowAttributes = new Map<number, string>();
  for (let r = first; r <= last; r++) {
    const row = data.rows.get(r);
    if (!row) continue;
    rowAttributes.set(r, row.attributes);
    const cells = new Map<number, SheetCell>();
    for (let c = left; c <= right; c++) {
      const cell = row.cells.get(c);
      if (cell) cells.set(c, cell);
      row.cells.delete(c);
    }
    before.set(r, cells);
  }
  const rowAt = (r: number) => {
    let row = data.rows.get(r);
    if (!row) data.rows.set(r, (row = { attributes: "", cells: new Map() }));
    return row;
  };

  const clearedFormulas: { row: number; column: number; formula: string }[] = [];
  rows.forEach((spec, i) => {
    const out = first + i;
    const source = sources[i];
    const old = before.get(source) ?? new Map<number, SheetCell>();
    const row = rowAt(out);
    if (source !== out) row.attributes = rowAttributes.get(source) ?? "";
    for (const [c, col] of columns) {
      const cell = old.get(c);
      const computed = formulas.get(c);
      if (col === null) {
        if (cell) row.cells.set(c, cell);
      } else if (computed) {
        const f = `<f>${escapeXml(computed(out))}</f>`;
        row.cells.set(c, { attributes: styled(styleOf(cell)), content: f });
      } else {
        const value = spec[col.key] ?? null;
        const formula = cell && FORMULA.exec(cell.content)?.[1];
        if (cell && sameValue(value, raw(source, c)) && (!formula || kept(col.key))) {
          row.cells.set(c, cell);
          continue;
        }
        if (formula && value === null && raw(source, c) === null) {
          clearedFormulas.push({ row: source, column: c, formula: decodeXml(formula) });
        }
        row.cells.set(c, valueCell(value, styleOf(cell ?? before.get(out)?.get(c)), dates));
      }
    }
  });
  // Rows left over keep their styles, and a computed column its formula, as a template's empty
  // rows have it (an empty Indikatorer shows its Trend as soon as a row is filled).
  for (let out = first + rows.length; out <= last; out++) {
    const old = before.get(out);
    if (!old) continue;
    const row = rowAt(out);
    for (const [c, cell] of old) {
      const style = styleOf(cell);
      const computed = formulas.get(c);
      if (computed && FORMULA.test(cell.content)) {
        row.cells.set(c, {
          attributes: styled(style),
          content: `<f>${escapeXml(computed(out))}</f>`,
        });
      } else if (style) row.cells.set(c, { attributes: styled(style), content: "" });
    }
  }

  const moves: RowMoves = new Map();
  const target = new Map(sources.map((source, i) => [source, first + i]));
  const lostCells: { row: number; column: number }[] = [];
  for (let r = first; r <= last; r++) {
    const to = target.get(r) ?? null;
    if (to !== r) moves.set(r, to);
    if (to !== null) continue;
    for (const [c, col] of columns) {
      if (col === null && hasContent(before.get(r)?.get(c))) lostCells.push({ row: r, column: c });
    }
  }
  return { moves, lostCells, lastOutputRow: first + rows.length - 1, clearedFormulas };
}
