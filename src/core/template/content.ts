/**
 * Workbook content as plain data: settings by key, table rows by column key, for one template
 * version. `buildWorkbook(definition, content)` writes it as a template workbook (the fresh
 * template, the example, test fixtures, benchmarks); `contentOf(model)` takes it from a parsed
 * workbook, so a pure transform of it (roll-forward, consolidation) can write a new workbook.
 */
import type { Model } from "../model";
import type { CellValue } from "../snapshot";
import type { DataTableKey, SettingKey } from "./definition";
import type { LatestTemplate } from "./registry";

/** One table row: column key → value. Columns left out stay empty. */
export type RowSpec = Readonly<Record<string, CellValue>>;

/** A row of one of the latest template's tables: only its column keys. */
export type RowOf<K extends DataTableKey> = Readonly<
  Partial<Record<keyof NonNullable<LatestTemplate["tables"][K]["rowCells"]>, CellValue>>
>;

export interface WorkbookContent {
  /** The Mallversion the content was read from or is written for; the writer's own when left out. */
  readonly version?: number;
  readonly settings?: Readonly<Partial<Record<SettingKey, CellValue>>>;
  readonly tables?: { readonly [K in DataTableKey]?: readonly RowOf<K>[] };
}

/**
 * A parsed workbook's content as it stands in its cells: every setting row Tertial knows and
 * every filled row's values by column key. Computed columns are left out: the writer gives them
 * their formula, and their cached results are never trusted.
 */
export function contentOf(model: Model): WorkbookContent {
  const settings: Partial<Record<SettingKey, CellValue>> = {};
  for (const setting of model.template.settings) {
    const cell = model.settings.cells[setting.key];
    if (cell) settings[setting.key] = cell.raw;
  }
  const tables: Partial<Record<DataTableKey, RowSpec[]>> = {};
  for (const def of model.template.tableList) {
    if (def.key === "settings") continue;
    const columns = def.columns.filter((c) => c.kind !== "computed");
    tables[def.key] = model.tables[def.key].rows.map((row) =>
      Object.fromEntries(
        columns.flatMap((c) => {
          const cell = row.cells[c.key];
          return cell && !cell.absent && cell.raw !== null ? [[c.key, cell.raw]] : [];
        })
      )
    );
  }
  return { version: model.template.version, settings, tables };
}
