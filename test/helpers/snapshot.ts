/**
 * Builds in-memory Snapshots of a filled template, for core tests that need no file: each table
 * sits on its sheet with the header on row 3, column B (a second table on a sheet, as on
 * Kontoplan, one empty column after the first). `snapshotOf` takes WorkbookContent
 * (rows by column key, as buildWorkbook does); `makeSnapshot` takes rows by header text, as the
 * core tests write them, and passes them on by key.
 */
import type { CellValue, Snapshot, SnapshotTable } from "../../src/core/snapshot";
import type { WorkbookContent } from "../../src/core/template/content";
import type {
  DataTableKey,
  SettingKey,
  TableKey,
  TemplateDefinition,
} from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { TEMPLATE_V2 } from "../../src/core/template/v2";

/** One row by header text. */
export type RowSpec = Readonly<Record<string, CellValue>>;

export const HEADER_ROW = 3;
export const FIRST_COLUMN = 2;

/** A table's first column: B, or one empty column after the tables before it on its sheet. */
function firstColumnOf(template: TemplateDefinition, name: string): number {
  let column = FIRST_COLUMN;
  for (const def of template.tableList) {
    if (def.name === name) break;
    if (def.sheet === template.tableList.find((t) => t.name === name)?.sheet) {
      column += def.columns.length + 1;
    }
  }
  return column;
}

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
  templateVersion: LATEST_TEMPLATE.version,
};

/** The Snapshot of `content` written with `template`, default settings filled in. */
export function snapshotOf(
  content: WorkbookContent,
  fileName = "test.xlsx",
  template: TemplateDefinition = LATEST_TEMPLATE
): Snapshot {
  const given = content.settings ?? {};
  const values = { ...DEFAULT_SETTINGS, ...given };
  // The template's rows, and a row the template does not write yet when the test gives its value.
  const written = new Set(template.settingRows.map((s) => s.key));
  const settingRows = template.settings
    .filter((s) => written.has(s.key) || s.key in given)
    .map((s) => [s.label, values[s.key] ?? null]);
  const tables: Partial<Record<string, readonly Readonly<Record<string, CellValue>>[]>> =
    content.tables ?? {};
  const built: SnapshotTable[] = template.tableList.map((def) => ({
    name: def.name,
    sheet: def.sheet,
    headerRow: HEADER_ROW,
    firstColumn: firstColumnOf(template, def.name),
    headers: def.columns.map((c) => c.header),
    rows:
      def.key === "settings"
        ? settingRows
        : (tables[def.key] ?? []).map((row) => def.columns.map((c) => row[c.key] ?? null)),
  }));
  const sheetNames = [...new Set(template.tableList.map((t) => t.sheet))];
  return { fileName, sheetNames, tables: built };
}

/** Rows by header text → rows by column key; an unknown header is a mistake in the test. */
function byKey(key: DataTableKey, rows: readonly RowSpec[]): Record<string, CellValue>[] {
  const columns = LATEST_TEMPLATE.tables[key].columns;
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([header, value]) => {
        const column = columns.find((c) => c.header === header);
        if (!column) throw new Error(`${key} har ingen kolumn "${header}".`);
        return [column.key, value];
      })
    )
  );
}

export function makeSnapshot(
  tables: Partial<Record<DataTableKey, readonly RowSpec[]>> = {},
  settings: Partial<Record<SettingKey, CellValue>> = {},
  fileName = "test.xlsx"
): Snapshot {
  const keyed = Object.fromEntries(
    Object.entries(tables).map(([key, rows]) => [key, byKey(key as DataTableKey, rows)])
  );
  return snapshotOf({ settings, tables: keyed }, fileName);
}

/** The A1 address of data row `index` (0-based) in column `header` of a makeSnapshot table. */
export function cellOf(tableKey: TableKey, header: string, index: number): string {
  const def = LATEST_TEMPLATE.tables[tableKey];
  const col =
    firstColumnOf(LATEST_TEMPLATE, def.name) + def.columns.findIndex((c) => c.header === header);
  return `${String.fromCharCode(64 + col)}${HEADER_ROW + 1 + index}`;
}

/** Rows of Inställningar that template v3 adds (`since: 3`): a v2 workbook has none of them. */
const V3_SETTING_LABELS = new Set(
  LATEST_TEMPLATE.settingRows.filter((s) => (s.since ?? 1) >= 3).map((s) => s.label)
);

/**
 * The same workbook as template version 2 writes it: Mallversion 2, without the Inställningar rows
 * v3 adds (Rapportenhet, Kommunkod, Klarmarkerad kontrollsumma) and without v3's tables.
 */
export function asVersion2(snapshot: Snapshot): Snapshot {
  const v3Tables = new Set<string>(
    Object.values(LATEST_TEMPLATE.tables)
      .filter((t) => !TEMPLATE_V2.tableList.some((d) => d.name === t.name))
      .map((t) => t.name)
  );
  return {
    ...snapshot,
    tables: snapshot.tables
      .filter((t) => !v3Tables.has(t.name))
      .map((t) =>
        t.name !== "tblInstallningar"
          ? t
          : {
              ...t,
              rows: t.rows
                .filter((r) => !V3_SETTING_LABELS.has(String(r[0])))
                .map((r) => (r[0] === "Mallversion" ? [r[0], 2] : r)),
            }
      ),
  };
}
