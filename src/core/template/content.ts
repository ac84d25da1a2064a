/**
 * Workbook content as plain data: settings by key, table rows by header text. Used to fill the
 * template (example workbook, tests, benchmarks) and to build in-memory Snapshots in tests.
 */
import type { CellValue } from "../snapshot";
import type { SettingKey, TableKey } from "./definition";

/** One table row: header text → value. Headers left out stay empty. */
export type RowSpec = Readonly<Record<string, CellValue>>;

export type DataTableKey = Exclude<TableKey, "settings">;

export interface WorkbookContent {
  readonly settings?: Readonly<Partial<Record<SettingKey, CellValue>>>;
  readonly tables?: Readonly<Partial<Record<DataTableKey, readonly RowSpec[]>>>;
}
