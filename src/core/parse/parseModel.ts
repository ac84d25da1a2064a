/**
 * Snapshot → Model. Reads Inställningar first, picks the template definition of the workbook's
 * Mallversion from the registry, then finds tables by name and columns by header text, wherever
 * the user put them, and reads each cell as its column's kind. It never judges values (that is
 * validation's job); it only refuses a workbook it cannot use at all.
 */
import { MissingColumnError, MissingTableError, UnknownTemplateVersionError } from "../errors";
import type {
  Model,
  ModelCell,
  ModelRow,
  ModelTable,
  Settings,
  SettingValues,
  TableRows,
} from "../model";
import { cellAddress, type CellValue, type Snapshot, type SnapshotTable } from "../snapshot";
import {
  allowedValues,
  type AnyCells,
  type ColumnDef,
  type SettingDef,
  type TableDef,
} from "../template/definition";
import { LISTS } from "../template/lists";
import { LATEST_TEMPLATE, TEMPLATES, templateOf, type ModelTemplate } from "../template/registry";
import { KNOWN_SETTINGS, SETTINGS_TABLE } from "../template/settings";
import { normalizeHeader } from "./headers";
import { isBlank, readDate, readListValue, readNumber, readText } from "./values";

export function readCell(
  kind: ColumnDef["kind"] | SettingDef["kind"],
  list: ColumnDef["list"],
  raw: CellValue
): unknown {
  switch (kind) {
    case "text":
      return readText(raw);
    case "amount":
    case "number":
    case "integer":
      return readNumber(raw);
    case "date":
      return readDate(raw);
    case "status":
      return list ? readListValue(raw, LISTS[list]) : null;
    case "computed":
      return null; // recomputed by the roll-up, never read from the cached result
  }
}

function findTable(snapshot: Snapshot, def: TableDef): SnapshotTable {
  const wanted = def.name.toLowerCase();
  const table = snapshot.tables.find((t) => t.name.toLowerCase() === wanted);
  if (!table) throw new MissingTableError(snapshot.fileName, def.name, def.sheet);
  return table;
}

/**
 * Columns the Model's rows have (`shape`, the latest version's table) that `def`, an older
 * version's table, lacks: a row of an older workbook gets them as absent cells, like a missing
 * optional column.
 */
function laterColumns(def: TableDef, shape: TableDef | undefined): readonly ColumnDef[] {
  return (shape?.columns ?? []).filter((c) => !def.columns.some((d) => d.key === c.key));
}

function parseTable<C extends AnyCells>(
  snapshot: Snapshot,
  def: TableDef<C>,
  shape: TableDef | undefined
): ModelTable<C> {
  const table = findTable(snapshot, def);
  const normalized = table.headers.map((h) => normalizeHeader(String(h ?? "")));
  const tableAddress = cellAddress(table.headerRow, table.firstColumn);
  const columnIndex: Record<string, number> = {};
  const headerAddress: Record<string, string> = {};
  for (const col of def.columns) {
    const index = normalized.indexOf(normalizeHeader(col.header));
    if (index === -1 && !col.optionalColumn && col.kind !== "computed") {
      throw new MissingColumnError(snapshot.fileName, table.name, table.sheet, col.header);
    }
    columnIndex[col.key] = index;
    headerAddress[col.key] =
      index === -1 ? tableAddress : cellAddress(table.headerRow, table.firstColumn + index);
  }
  const dataColumns = def.columns.filter((c) => c.kind !== "computed" && columnIndex[c.key] !== -1);
  const later = laterColumns(def, shape);
  for (const col of later) headerAddress[col.key] = tableAddress;

  const rows: ModelRow<C>[] = [];
  table.rows.forEach((values, i) => {
    if (dataColumns.every((c) => isBlank(values[columnIndex[c.key]] ?? null))) return;
    const row = table.headerRow + 1 + i;
    const cells: Record<string, ModelCell<unknown>> = {};
    for (const col of def.columns) {
      const index = columnIndex[col.key];
      if (index === -1) {
        cells[col.key] = { value: null, raw: null, address: headerAddress[col.key], absent: true };
      } else {
        const raw = values[index] ?? null;
        cells[col.key] = {
          value: readCell(col.kind, col.list, raw),
          raw,
          address: cellAddress(row, table.firstColumn + index),
        };
      }
    }
    for (const col of later) {
      cells[col.key] = { value: null, raw: null, address: tableAddress, absent: true };
    }
    // One cell per column of `def`, read as the column's kind: the shape CellsOf derives from `def`.
    rows.push({ sheet: table.sheet, row, cells: cells as C });
  });

  return {
    def,
    name: table.name,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headerAddress,
    tableAddress,
    rows,
  };
}

function parseSettings(table: ModelTable): Settings {
  const cells: Partial<Record<SettingDef["key"], ModelCell<unknown>>> = {};
  const values: Record<string, unknown> = {};
  for (const setting of KNOWN_SETTINGS as readonly SettingDef[]) {
    const label = normalizeHeader(setting.label);
    const row = table.rows.find((r) => normalizeHeader(String(r.cells.name.value ?? "")) === label);
    if (!row) {
      values[setting.key] = null;
      continue;
    }
    const valueCell = row.cells.value;
    const allowed = allowedValues(setting);
    const value = allowed
      ? readListValue(valueCell.raw, allowed)
      : readCell(setting.kind, setting.list, valueCell.raw);
    cells[setting.key] = { ...valueCell, value };
    values[setting.key] = value;
  }
  // One value per known setting, read as its kind: the shape SettingValues derives from them.
  return { values: values as SettingValues, cells };
}

/**
 * The definition of the workbook's Mallversion. A blank one is read as the latest version (and
 * reported by the settings rules); one the registry does not hold refuses the workbook.
 */
function templateFor(
  snapshot: Snapshot,
  settings: Settings,
  sheet: string,
  registry: readonly ModelTemplate[]
): ModelTemplate {
  const version = settings.cells.templateVersion;
  if (!version || isBlank(version.raw)) return registry.at(-1) ?? LATEST_TEMPLATE;
  const template =
    typeof version.value === "number" ? templateOf(version.value, registry) : undefined;
  if (template) return template;
  throw new UnknownTemplateVersionError(
    snapshot.fileName,
    readText(version.raw) ?? "",
    sheet,
    version.address,
    registry.map((t) => t.version)
  );
}

/** A table the workbook's version lacks (Historik in v1): no rows, its place the Inställningar table's. */
function absentTable(def: TableDef, settings: ModelTable): ModelTable {
  return {
    def,
    name: def.name,
    sheet: settings.sheet,
    headerRow: settings.headerRow,
    headerAddress: Object.fromEntries(def.columns.map((c) => [c.key, settings.tableAddress])),
    tableAddress: settings.tableAddress,
    rows: [],
  };
}

/**
 * Reads the workbook by the definition of its Mallversion in `registry` (oldest first). The
 * Model has the tables and columns of the registry's last, the latest, version: a table or
 * column the workbook's version lacks is there, empty or absent.
 */
export function parseModel(
  snapshot: Snapshot,
  registry: readonly ModelTemplate[] = TEMPLATES
): Model {
  const settingsTable = parseTable(snapshot, SETTINGS_TABLE, undefined);
  const settings = parseSettings(settingsTable);
  const template = templateFor(snapshot, settings, settingsTable.sheet, registry);
  const latest = registry.at(-1) ?? LATEST_TEMPLATE;
  const own = new Map(template.tableList.map((def) => [def.key, def]));
  const tables = Object.fromEntries(
    latest.tableList.map((shape) => {
      if (shape.key === "settings") return [shape.key, settingsTable];
      const def = own.get(shape.key);
      return [
        shape.key,
        def ? parseTable(snapshot, def, shape) : absentTable(shape, settingsTable),
      ];
    })
  );
  const rows = Object.fromEntries(
    latest.tableList.flatMap(({ key }) => (key === "settings" ? [] : [[key, tables[key].rows]]))
  );
  return {
    fileName: snapshot.fileName,
    template,
    sheetNames: snapshot.sheetNames,
    settings,
    // One table per table key of the latest definition, each read by the workbook's version with
    // the latest's columns (or absent): the shapes `tables` and TableRows derive from that definition.
    tables: tables as Model["tables"],
    ...(rows as TableRows),
  };
}
