/**
 * The template's own name of a column: what a report column is called when the report has no
 * wording of its own (a ledger column added to the definition shows up under its template
 * header). The one place the report reads the template definition: the Model's, the version the
 * workbook was read by.
 */
import type { DataTableKey } from "../template/definition";
import type { ModelTemplate } from "../template/registry";

export type HeaderOf = (table: DataTableKey, key: string) => string;

export function templateHeaders(template: ModelTemplate): HeaderOf {
  return (table, key) => {
    const column = template.tables[table]?.columns.find((c) => c.key === key);
    if (!column) throw new Error(`The template has no column ${key} in ${table}`);
    return column.header;
  };
}
