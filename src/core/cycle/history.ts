/**
 * Reading Historik (tblHistorik): the closed periods' values as records, and look-ups by period
 * and key. Ny period carries and extends them; the report reads them for what changed since the
 * last period and, at Helår, for prognossäkerhet. A version-1 workbook has no Historik: empty.
 */
import type { Model, ModelCell } from "../model";
import { readText } from "../parse/values";
import type { CellValue } from "../snapshot";
import type { RowSpec } from "../template/content";
import type { DataTableKey } from "../template/definition";
import type { Period } from "../template/lists";
import { LATEST_TEMPLATE } from "../template/registry";

/** One Historik row; `table` is the Excel table's name, stable across versions and renamed sheets. */
export interface HistoryRecord {
  year: number;
  period: Period;
  table: string;
  key: string;
  column: string;
  value: CellValue;
  /** An earlier roll's row as it stands in the workbook: carried exactly, readable or not. */
  written?: RowSpec;
}

const PERIOD_ORDER: Readonly<Record<string, number>> = { T1: 1, T2: 2, Helår: 3 };

interface PeriodOf {
  readonly year: number;
  readonly period: Period;
}

/** Oldest first; a stable sort keeps the order rows were written in within a period. */
export const chronologically = (a: PeriodOf, b: PeriodOf) =>
  (a.year || 0) - (b.year || 0) || (PERIOD_ORDER[a.period] ?? 0) - (PERIOD_ORDER[b.period] ?? 0);

/** Whether `a` is a period before `b` (an unreadable År or Period is before every period). */
export const isBefore = (a: PeriodOf, b: PeriodOf) => chronologically(a, b) < 0;

/**
 * Historik's Tabell and Kolumn for a template column: the latest template's table name and
 * header, as Ny period writes them.
 */
export function historyColumn(
  table: Exclude<DataTableKey, "history">,
  key: string
): { table: string; column: string } {
  const def = LATEST_TEMPLATE.tables[table];
  return { table: def.name, column: def.columns.find((c) => c.key === key)?.header ?? key };
}

const rawOf = (cell: ModelCell<unknown> | undefined): CellValue =>
  !cell || cell.absent ? null : cell.raw;

/** The Historik rows a Model holds, as they stand (an unreadable År is NaN). */
export function readHistory(model: Model): HistoryRecord[] {
  return model.history.map(({ cells }) => ({
    year: typeof cells.year.value === "number" ? cells.year.value : NaN,
    period: (cells.period.value ?? String(cells.period.raw ?? "")) as Period,
    table: readText(cells.table.raw) ?? "",
    key: readText(cells.key.raw) ?? "",
    column: readText(cells.column.raw) ?? "",
    value: rawOf(cells.value),
    written: Object.fromEntries(
      Object.entries(cells).flatMap(([key, cell]) => (cell.raw === null ? [] : [[key, cell.raw]]))
    ),
  }));
}

const keyOf = (year: number, period: string, table: string, key: string, column: string) =>
  `${year}\u0000${period}\u0000${table}\u0000${key}\u0000${column}`;

export interface HistoryLookup {
  /** The value recorded for a row's column in one period (the first, if recorded twice). */
  at(
    year: number,
    period: Period,
    table: string,
    key: string,
    column: string
  ): CellValue | undefined;
  /** The value recorded last for a row's column, in any period (a status as it last changed). */
  latest(table: string, key: string, column: string): CellValue | undefined;
  /** The same, as the record: with the period it was recorded for. */
  latestRecord(table: string, key: string, column: string): HistoryRecord | undefined;
  /** Whether any period recorded anything for the row. */
  knows(table: string, key: string): boolean;
}

export function historyLookup(records: readonly HistoryRecord[]): HistoryLookup {
  const byPeriod = new Map<string, CellValue>();
  const latest = new Map<string, HistoryRecord>();
  const rows = new Set<string>();
  for (const r of [...records].sort(chronologically)) {
    const k = keyOf(r.year, r.period, r.table, r.key, r.column);
    if (!byPeriod.has(k)) byPeriod.set(k, r.value);
    latest.set(keyOf(0, "", r.table, r.key, r.column), r);
    rows.add(keyOf(0, "", r.table, r.key, ""));
  }
  return {
    at: (year, period, table, key, column) => byPeriod.get(keyOf(year, period, table, key, column)),
    latest: (table, key, column) => latest.get(keyOf(0, "", table, key, column))?.value,
    latestRecord: (table, key, column) => latest.get(keyOf(0, "", table, key, column)),
    knows: (table, key) => rows.has(keyOf(0, "", table, key, "")),
  };
}
