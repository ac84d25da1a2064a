/**
 * Historik is Tertial's own sheet and table: Ny period writes it whole from the roll's rows, with
 * the latest definition's headers, and sets the table part's range (and its filter's) to fit.
 * What stands above the header (title, instructions) stays.
 */
import { cellAddress, columnLetters } from "../../core/snapshot";
import type { RowSpec } from "../../core/template/content";
import type { TableDef } from "../../core/template/definition";
import { escapeXml } from "../xmlText";
import type { DateStyles } from "./dateStyles";
import type { PackageTable } from "./packageParts";
import { cellAttribute, type SheetData } from "./sheetData";
import { valueCell } from "./tableRows";

export function rewriteHistoryRows(
  data: SheetData,
  table: PackageTable,
  def: TableDef,
  rows: readonly RowSpec[],
  dates: DateStyles
): void {
  const { top, left } = table.range;
  const header = data.rows.get(top) ?? { attributes: "", cells: new Map() };
  const headerStyle =
    Number(header.cells.get(left) && cellAttribute(header.cells.get(left)!, "s")) || 0;
  for (const r of [...data.rows.keys()]) if (r >= top) data.rows.delete(r);
  header.cells.clear();
  def.columns.forEach((column, j) => {
    header.cells.set(left + j, valueCell(column.header, headerStyle, dates));
  });
  data.rows.set(top, header);
  rows.forEach((spec, i) => {
    const cells = new Map(
      def.columns.map((column, j) => [left + j, valueCell(spec[column.key] ?? null, 0, dates)])
    );
    data.rows.set(top + 1 + i, { attributes: "", cells });
  });
}

/** The range Historik's table covers: header and at least one row (Excel needs one). */
export function historyRange(table: PackageTable, def: TableDef, rowCount: number): string {
  const { top, left } = table.range;
  return `${cellAddress(top, left)}:${columnLetters(left + def.columns.length - 1)}${top + Math.max(1, rowCount)}`;
}

/** The table part with its new range and the definition's columns. */
export function historyTablePart(xml: string, def: TableDef, ref: string): string {
  const columns =
    `<tableColumns count="${def.columns.length}">` +
    def.columns
      .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c.header)}"/>`)
      .join("") +
    "</tableColumns>";
  return xml
    .replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`)
    .replace(/<autoFilter\b[^>]*?(?:\/>|>[\s\S]*?<\/autoFilter>)/, `<autoFilter ref="${ref}"/>`)
    .replace(/<tableColumns\b[\s\S]*?<\/tableColumns>/, columns);
}

/** The sheet's `<dimension>` set to `ref`'s last cell, from A1. */
export function withDimension(head: string, lastCell: string): string {
  return head.replace(/<dimension\b[^>]*\/>/, `<dimension ref="A1:${lastCell}"/>`);
}
