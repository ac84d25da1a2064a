/**
 * Builds in-memory Snapshots of a filled template, for core tests that need no file.
 * Rows are given by header text; each table sits on its own sheet with the header on row 3, column B.
 */
import type { CellValue, Snapshot, SnapshotTable } from "../../src/core/snapshot";
import {
  KNOWN_SETTINGS,
  SETTINGS,
  TABLES,
  type SettingKey,
  type TableKey,
} from "../../src/core/template/definition";

export type RowSpec = Readonly<Record<string, CellValue>>;

export const HEADER_ROW = 3;
export const FIRST_COLUMN = 2;

/** The template's settings rows, filled in. */
export const DEFAULT_SETTINGS: Readonly<Partial<Record<SettingKey, CellValue>>> = {
  organisation: "Vård- och omsorgsnämnden",
  year: 2024,
  period: "T2",
  unit: "mnkr",
  materialAmount: 1,
  materialPercent: 5,
  assessment: "Delvis tillräcklig",
  assessmentAnalysis: "Analys.",
  templateVersion: 1,
};

export function makeSnapshot(
  tables: Partial<Record<Exclude<TableKey, "settings">, readonly RowSpec[]>> = {},
  settings: Partial<Record<SettingKey, CellValue>> = {},
  fileName = "test.xlsx"
): Snapshot {
  const values = { ...DEFAULT_SETTINGS, ...settings };
  // The template's rows, and a row the template does not write yet when the test gives its value.
  const settingRows: RowSpec[] = KNOWN_SETTINGS.filter(
    (s) => SETTINGS.includes(s) || s.key in settings
  ).map((s) => ({ Inställning: s.label, Värde: values[s.key] ?? null }));
  const built: SnapshotTable[] = TABLES.map((def) => {
    const specs = def.key === "settings" ? settingRows : (tables[def.key] ?? []);
    const headers = def.columns.map((c) => c.header);
    return {
      name: def.name,
      sheet: def.sheet,
      headerRow: HEADER_ROW,
      firstColumn: FIRST_COLUMN,
      headers,
      rows: specs.map((spec) => headers.map((h) => spec[h] ?? null)),
    };
  });
  return { fileName, sheetNames: TABLES.map((t) => t.sheet), tables: built };
}

/** The A1 address of data row `index` (0-based) in column `header` of a makeSnapshot table. */
export function cellOf(tableKey: TableKey, header: string, index: number): string {
  const def = TABLES.find((t) => t.key === tableKey)!;
  const col = FIRST_COLUMN + def.columns.findIndex((c) => c.header === header);
  return `${String.fromCharCode(64 + col)}${HEADER_ROW + 1 + index}`;
}
