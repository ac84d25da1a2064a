/**
 * Snapshot → Model. Finds tables by name and columns by header text, wherever the user put them,
 * and reads each cell as its column's kind. It never judges values (that is validation's job);
 * it only refuses a workbook it cannot use at all.
 */
import { MissingColumnError, MissingTableError, UnknownTemplateVersionError } from "../errors";
import type { Model, ModelCell, ModelRow, ModelTable, Settings, SettingValues } from "../model";
import { cellAddress, type CellValue, type Snapshot, type SnapshotTable } from "../snapshot";
import {
  allowedValues,
  KNOWN_SETTINGS,
  SETTINGS_TABLE,
  TABLES,
  TEMPLATE_VERSION,
  type ColumnDef,
  type SettingDef,
  type TableDef,
  type TableKey,
} from "../template/definition";
import { LISTS } from "../template/lists";
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

function parseTable(snapshot: Snapshot, def: TableDef): ModelTable {
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

  const rows: ModelRow[] = [];
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
    rows.push({ sheet: table.sheet, row, cells });
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

function parseSettings(fileName: string, table: ModelTable): Settings {
  const cells: Partial<Record<SettingDef["key"], ModelCell<unknown>>> = {};
  const values: Record<string, unknown> = {};
  for (const setting of KNOWN_SETTINGS) {
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
  const version = cells.templateVersion;
  if (version && !isBlank(version.raw) && version.value !== TEMPLATE_VERSION) {
    throw new UnknownTemplateVersionError(
      fileName,
      readText(version.raw) ?? "",
      table.sheet,
      version.address
    );
  }
  return { values: values as unknown as SettingValues, cells };
}

export function parseModel(snapshot: Snapshot): Model {
  const tables = Object.fromEntries(
    TABLES.map((def) => [def.key, parseTable(snapshot, def)])
  ) as Record<TableKey, ModelTable>;
  const rows = <T>(key: TableKey) => tables[key].rows as unknown as readonly T[];
  return {
    fileName: snapshot.fileName,
    sheetNames: snapshot.sheetNames,
    settings: parseSettings(snapshot.fileName, tables[SETTINGS_TABLE.key]),
    tables,
    incomeStatement: rows("incomeStatement"),
    operatingStatement: rows("operatingStatement"),
    volumes: rows("volumes"),
    investments: rows("investments"),
    risks: rows("risks"),
    actions: rows("actions"),
    controls: rows("controls"),
  };
}
