/**
 * Reads the template's tables from the open workbook into a Snapshot in one round trip, however
 * many rows the tables hold: every template table is asked for by name (a null object where the
 * workbook has none), and its header and data ranges are loaded in the same batch as the list of
 * sheets. A missing table is left out of the Snapshot, for the core to name (MissingTableError).
 */
import { WorkbookTooLargeError } from "../core/errors";
import { MAX_TABLE_ROWS } from "../core/limits";
import type { CellValue, Snapshot, SnapshotTable } from "../core/snapshot";
import { TEMPLATE_TABLE_NAMES } from "../core/template/registry";
import { topLeftOf } from "./addresses";
import { toSnapshotValue } from "./cellValues";
import type { XlContext, XlRange, XlTable } from "./excelApi";

interface PendingTable {
  readonly table: XlTable;
  readonly header: XlRange;
  readonly body: XlRange;
}

export async function readSnapshot(context: XlContext): Promise<Snapshot> {
  const { workbook } = context;
  workbook.load("name");
  workbook.worksheets.load("items/name");
  // The tables of every version Tertial reads: the version is known only once they are parsed.
  const pending = TEMPLATE_TABLE_NAMES.map((name) =>
    queueTableRead(workbook.tables.getItemOrNullObject(name))
  );
  await context.sync();

  return {
    fileName: workbook.name,
    sheetNames: workbook.worksheets.items.map((s) => s.name),
    // isNullObject is known only after the sync; a null table's other properties are not.
    tables: pending
      .filter((p) => !p.table.isNullObject)
      .map((p) => toSnapshotTable(p, workbook.name)),
  };
}

function queueTableRead(table: XlTable): PendingTable {
  // Excel's own spelling of the name: table names ignore case, as does the parser's lookup.
  table.load("name");
  table.worksheet.load("name");
  const header = table.getHeaderRowRange();
  header.load("values, address");
  const body = table.getDataBodyRange();
  body.load("values, valueTypes, address");
  return { table, header, body };
}

function toSnapshotTable({ table, header, body }: PendingTable, fileName: string): SnapshotTable {
  // The same cap as the file reader's, so a huge table ends in the same message in every host.
  if (body.values.length > MAX_TABLE_ROWS) {
    throw new WorkbookTooLargeError(fileName, {
      kind: "table",
      table: table.name,
      sheet: table.worksheet.name,
      rows: body.values.length,
      limit: MAX_TABLE_ROWS,
    });
  }
  const { row, column } = topLeftOf(header.address);
  const headers = (header.values[0] ?? []).map((h) => (h === null ? "" : String(h)));
  const rows = body.values.map((values, r): CellValue[] =>
    headers.map((_, c) => toSnapshotValue(values[c], body.valueTypes[r]?.[c] ?? "Empty"))
  );
  return {
    name: table.name,
    sheet: table.worksheet.name,
    headerRow: row,
    firstColumn: column,
    headers,
    rows,
  };
}
