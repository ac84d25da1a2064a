/**
 * Historik (tblHistorik) read from the Model, the one reader every part uses: the closed periods'
 * values as records, and look-ups by period and key. Ny period (core/cycle) carries and extends
 * them; the report (what changed since the last period) and the roll-up (prognossäkerhet at
 * Helår) read them. A version-1 workbook has no Historik: empty. A value longer than a cell holds
 * is written over continuation rows (`historyRows`) and read back whole (`readHistory`), so
 * every reader sees the whole value: both halves of that rule live here, side by side.
 */
import { MAX_CELL_TEXT_CHARS } from "../limits";
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
  /**
   * An earlier roll's rows as they stand in the workbook (one, or the first and its continuation
   * rows): carried exactly, readable or not.
   */
  written?: readonly RowSpec[];
}

/** The Kolumn of a long value's continuation rows: `Kommentar (forts. 2)`, `(forts. 3)`, … */
export const continuationColumn = (column: string, part: number) => `${column} (forts. ${part})`;
const CONTINUATION = /^(.*) \(forts\. (\d+)\)$/;

/** Cuts a text into cell-sized parts, never between the halves of a surrogate pair. */
function cellSizedParts(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + MAX_CELL_TEXT_CHARS);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * A record as Historik rows: one row, or, for a text longer than a cell holds, the first
 * MAX_CELL_TEXT_CHARS characters under its Kolumn and the rest in continuation rows with the
 * same År, Period, Tabell and Nyckel, Kolumn `… (forts. 2)`, `… (forts. 3)`: nothing is cut. An
 * earlier roll's rows are carried as they stand, unless one of them is itself too long (written
 * before this rule): that one is split the same way.
 */
export function historyRows(r: HistoryRecord): readonly RowSpec[] {
  const long = typeof r.value === "string" && r.value.length > MAX_CELL_TEXT_CHARS;
  if (r.written && !(long && r.written.length === 1)) return r.written;
  const row = r.written?.[0] ?? { year: r.year, period: r.period, table: r.table, key: r.key };
  if (!long) return [{ ...row, column: r.column, value: r.value }];
  return cellSizedParts(r.value as string).map((value, i) => ({
    ...row,
    column: i === 0 ? r.column : continuationColumn(r.column, i + 1),
    value,
  }));
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

/**
 * The Historik rows a Model holds, as they stand (an unreadable År is NaN); a long value's
 * continuation rows are joined to the row they continue, in order, so the record holds it whole.
 */
export function readHistory(model: Model): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  let parts = 0;
  for (const { cells } of model.history) {
    const record: HistoryRecord = {
      year: typeof cells.year.value === "number" ? cells.year.value : NaN,
      period: (cells.period.value ?? String(cells.period.raw ?? "")) as Period,
      table: readText(cells.table.raw) ?? "",
      key: readText(cells.key.raw) ?? "",
      column: readText(cells.column.raw) ?? "",
      value: rawOf(cells.value),
      written: [
        Object.fromEntries(
          Object.entries(cells).flatMap(([key, cell]) =>
            cell.raw === null ? [] : [[key, cell.raw]]
          )
        ),
      ],
    };
    const last = records.at(-1);
    const continued = CONTINUATION.exec(record.column);
    if (
      last &&
      continued &&
      Number(continued[2]) === parts + 1 &&
      continued[1] === last.column &&
      typeof last.value === "string" &&
      typeof record.value === "string" &&
      [last.year, last.period, last.table, last.key].join("\u0000") ===
        [record.year, record.period, record.table, record.key].join("\u0000")
    ) {
      records[records.length - 1] = {
        ...last,
        value: last.value + record.value,
        written: [...(last.written ?? []), ...(record.written ?? [])],
      };
      parts++;
      continue;
    }
    records.push(record);
    parts = 1;
  }
  return records;
}

const keyOf = (year: number, period: string, table: string, key: string, column: string) =>
  `${year}\u0000${period}\u0000${table}\u0000${key}\u0000${column}`;

export interface HistoryLookup {
  /**
   * The value recorded for a row's column in one period (the last, if recorded twice: a
   * re-roll of the period adds a corrected value after the first).
   */
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
    byPeriod.set(k, r.value);
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
