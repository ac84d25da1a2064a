/**
 * The template's own name of a column: what a report column is called when the report has no
 * wording of its own (a ledger column added to the definition shows up under its template
 * header). The one place the report reads the template definition.
 */
import { TABLES, type TableKey } from "../template/definition";

export function templateHeader(table: TableKey, key: string): string {
  const column = TABLES.find((t) => t.key === table)?.columns.find((c) => c.key === key);
  if (!column) throw new Error(`The template has no column ${key} in ${table}`);
  return column.header;
}
