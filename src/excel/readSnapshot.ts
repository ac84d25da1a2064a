/**
 * Reads the template's tables from the open workbook into a Snapshot in two round trips, however
 * many rows the tables hold: the first lists sheets and tables, the second loads every template
 * table's header and data ranges at once.
 */
import type { CellValue, Snapshot, SnapshotTable } from "../core/snapshot";
import { TABLES } from "../core/template/definition";
import { topLeftOf } from "./addresses";
import { toSnapshotValue } from "./cellValues";
import type { XlContext, XlRange, XlTable } from "./excelApi";

interface PendingTable {
  readonly name: string;
  readonly sheet: string;
  readonly header: XlRange;
  readonly body: XlRange;
}

const TEMPLATE_TABLES = new Set(TABLES.map((t) => t.name.toLowerCase()));

export async function readSnapshot(context: XlContext): Promise<Snapshot> {
  const { workbook } = context;
  workbook.load("name");
  workbook.worksheets.load("items/name");
  workbook.tables.load("items/name, items/worksheet/name");
  await context.sync();

  // Excel table names are unique regardless of case, as is the parser's lookup.
  const pending = workbook.tables.items
    .filter((t) => TEMPLATE_TABLES.has(t.name.toLowerCase()))
    .map(queueTableRead);
  await context.sync();

  return {
    fileName: workbook.name,
    sheetNames: workbook.worksheets.items.map((s) => s.name),
    tables: pending.map(toSnapshotTable),
  };
}

function queueTableRead(table: XlTable): PendingTable {
  const header = table.getHeaderRowRange();
  header.load("values, address");
  const body = table.getDataBodyRange();
  body.load("values, valueTypes, address");
  return { name: table.name, sheet: table.worksheet.name, header, body };
}

function toSnapshotTable({ name, sheet, header, body }: PendingTable): SnapshotTable {
  const { row, column } = topLeftOf(header.address);
  const headers = (header.values[0] ?? []).map((h) => (h === null ? "" : String(h)));
  const rows = body.values.map((values, r): CellValue[] =>
    headers.map((_, c) => toSnapshotValue(values[c], body.valueTypes[r]?.[c] ?? "Empty"))
  );
  return { name, sheet, headerRow: row, firstColumn: column, headers, rows };
}
