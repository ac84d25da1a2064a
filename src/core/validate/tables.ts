/** Generic walks over the Model's tables, for rules driven by the template definition. */
import type { Model, ModelCell, ModelRow, ModelTable } from "../model";
import type { ColumnDef } from "../template/definition";

/** Every table of the Model, settings included, in the template's order. */
export function allTables(model: Model): ModelTable[] {
  return model.template.tableList.map((def) => model.tables[def.key]);
}

export interface CellVisit {
  readonly table: ModelTable;
  readonly row: ModelRow;
  readonly column: ColumnDef;
  readonly cell: ModelCell<unknown>;
}

/** Every cell the workbook has (absent columns skipped) in the columns `wanted` selects. */
export function* cellsWhere(
  model: Model,
  wanted: (column: ColumnDef) => boolean
): Generator<CellVisit> {
  for (const table of allTables(model)) {
    const columns = table.def.columns.filter(wanted);
    for (const row of table.rows) {
      for (const column of columns) {
        const cell = row.cells[column.key];
        if (cell && !cell.absent) yield { table, row, column, cell };
      }
    }
  }
}

/** A cell's parsed text value (text columns), or null. */
export function textOf(cell: ModelCell<unknown> | undefined): string | null {
  return typeof cell?.value === "string" ? cell.value : null;
}

/** A row's label, or "Rad 12" for a row that has none. */
export function labelOrRow(label: string | null, row: number): string {
  return label || `Rad ${row}`;
}

/** What the row is called: its first column (Post, Verksamhet, Risk-ID …), or "Rad 12". */
export function rowLabel(table: ModelTable, row: ModelRow): string {
  return labelOrRow(textOf(row.cells[table.def.columns[0].key]), row.row);
}

/** The headers a computed column's formula reads: `[@[Prognos helår]]-[@[Budget helår]]` → both. */
export function formulaInputs(column: ColumnDef): string[] {
  const refs = column.formula?.matchAll(/\[@(?:\[([^\]]+)\]|([^[\]]+))\]/g) ?? [];
  return [...refs].map((m) => m[1] ?? m[2]);
}
