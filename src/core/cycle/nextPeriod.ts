/**
 * Ny period: a workbook's Model → the content of the next period's workbook, for the latest
 * template (`buildWorkbook(LATEST_TEMPLATE, content)`). Pure: the host reads the workbook, calls
 * this, and writes the result as a new file. T1 → T2 → Helår → T1 of the next year; what each
 * column does is each table's `carry` in the latest definition (template/v2.ts, and CONTEXT.md). Every value the closing period leaves behind
 * (forecasts, outcomes, statuses, results, comments) is added to Historik, tagged with the period
 * it belonged to; Historik's earlier rows are carried, across years too.
 */
import { HistoryTooLargeError, PeriodUnknownError } from "../errors";
import { MAX_TABLE_ROWS } from "../limits";
import type { Model, ModelCell, ModelRow } from "../model";
import { formatIsoDate, readText } from "../parse/values";
import { isCellError, type CellValue } from "../snapshot";
import type { RowSpec, WorkbookContent } from "../template/content";
import {
  isEntry,
  type DataTableKey,
  type SettingKey,
  type TableDef,
  type WritableTemplate,
} from "../template/definition";
import type { Period } from "../template/lists";
import { LATEST_TEMPLATE } from "../template/registry";
import type { CarryRule, RowCarry } from "../template/tableRules";
import { rowCarried, SETTINGS_CLEARED, SETTINGS_HISTORY, SETTINGS_READY } from "./carryRules";
import {
  historyLookup,
  historyRows,
  isBefore,
  readHistory,
  type HistoryRecord,
} from "../history/history";
import { historyKeys } from "./historyKeys";

import { followingPeriod, precedingPeriod, type PeriodOf } from "../period";

export { followingPeriod, type PeriodOf };

export interface RolledForward {
  /** The period the workbook closes. */
  readonly closed: PeriodOf;
  /** The period of the new workbook. */
  readonly next: PeriodOf;
  /** The definition the new workbook is written as: the latest (a test's variant of it). */
  readonly template: WritableTemplate;
  /** The new workbook's content, for `template`. */
  readonly content: WorkbookContent;
  /**
   * Historik rows this roll added (the closed period's values), and all it holds now (a long
   * value's continuation rows counted).
   */
  readonly historyAdded: number;
  readonly historyTotal: number;
  /**
   * Åtgärder left out of the next year (Avslutad, Avbruten), by their Nyckel in Historik (the
   * Åtgärds-ID, or `rad 12` for one without): their values are in Historik.
   */
  readonly droppedActions: readonly string[];
  /**
   * For each carried table, the input's 1-based sheet row each row of `content.tables[table]`
   * comes from, in the same order: what a writer that edits the input's package needs to move
   * what the user keeps beside a row (own columns, formats, comments) with it.
   */
  readonly sourceRows: Readonly<Partial<Record<DataTableKey, readonly number[]>>>;
}

/**
 * A cell's value as Historik keeps it: dates as yyyy-mm-dd text, an error value as its text
 * (`#REF!`), blanks not at all.
 */
function historyValue(cell: ModelCell<unknown> | undefined): CellValue {
  if (!cell || cell.absent) return null;
  const raw = cell.raw;
  if (raw === null) return null;
  if (isCellError(raw)) return raw.error;
  if (raw instanceof Date) return formatIsoDate(raw);
  if (typeof raw === "string" && raw.trim() === "") return null;
  return raw;
}

const rawOf = (cell: ModelCell<unknown> | undefined): CellValue =>
  !cell || cell.absent ? null : cell.raw;

function closedPeriod(model: Model): PeriodOf {
  const { year, period } = model.settings.values;
  const sheet = model.tables.settings.sheet;
  for (const key of ["year", "period"] as const) {
    if (model.settings.values[key] !== null) continue;
    const cell = model.settings.cells[key];
    const label = key === "year" ? "År" : "Period";
    throw new PeriodUnknownError(
      model.fileName,
      label,
      sheet,
      cell?.address ?? null,
      readText(cell?.raw ?? null) ?? ""
    );
  }
  return { year: year as number, period: period as Period };
}

/**
 * Whether the closing value of a column goes into Historik under `rule`: every rule that empties
 * or overwrites it does (lastYear, from and derived only when Historik does not hold it already,
 * see `recordedAs`).
 */
function recorded(rule: CarryRule, row: ModelRow): boolean {
  if (rule === "keep") return false;
  return rule !== "ifReported" || row.cells.timing?.value === "Löpande";
}

function carriedValue(
  rule: CarryRule,
  column: string,
  row: ModelRow,
  lastYear: () => CellValue
): CellValue {
  if (rule === "keep") return rawOf(row.cells[column]);
  if (rule === "clear" || rule === "derived") return null;
  if (rule === "lastYear") return lastYear();
  if (rule === "ifReported") {
    return row.cells.timing?.value === "Löpande" ? null : rawOf(row.cells[column]);
  }
  return rawOf(row.cells[rule.from]);
}

interface ClosedTable {
  readonly rows: RowSpec[];
  /** The input's sheet row of each of `rows`. */
  readonly sources: number[];
  /** What Historik gets from the table: what the roll empties or drops, and the statuses. */
  readonly history: HistoryRecord[];
  readonly dropped: string[];
}

/** What the roll looks up in the Historik it carries (periods before the closed one). */
interface EarlierValues {
  /** Utfall period of the same period a year before the next one. */
  readonly lastYear: (table: string, key: string, header: string) => CellValue;
  /** What Historik last recorded for a row's column (a status), if anything. */
  readonly latest: (table: string, key: string, header: string) => HistoryRecord | undefined;
  /** What Historik recorded for a row's column in a period, if anything. */
  readonly at: (period: PeriodOf, table: string, key: string, header: string) => CellValue;
}

/** One table closed: the next period's rows, and its Historik rows tagged with the closed period. */
function closeTable(
  model: Model,
  def: TableDef,
  carry: RowCarry,
  closed: PeriodOf,
  yearEnd: boolean,
  earlier: EarlierValues
): ClosedTable {
  const rules = yearEnd ? carry.yearEnd : carry.withinYear;
  const columns = def.columns.filter((c) => c.kind !== "computed");
  const header = (key: string) => def.columns.find((c) => c.key === key)?.header ?? key;
  const drop = yearEnd ? carry.dropAtYearEnd : undefined;
  const result: ClosedTable = { rows: [], sources: [], history: [], dropped: [] };
  // A status the year end clears (a kontroll's Resultat) starts over each year: the same result
  // as last year's is still this year's report, and Historik must show it under this year.
  const unchanged = (column: string, last: HistoryRecord | undefined, value: CellValue) =>
    last !== undefined &&
    last.value === value &&
    (carry.yearEnd[column] !== "clear" || last.year === closed.year);
  // Where Historik already holds a column's closing value (recordedAs), so it is not doubled.
  const heldAs = (column: string): { period: PeriodOf; header: string } | null => {
    const held = carry.recordedAs?.[column];
    if (!held) return null;
    const period =
      held.period === "preceding"
        ? precedingPeriod(closed)
        : { year: closed.year - 1, period: closed.period };
    return { period, header: header(held.column) };
  };
  const rows = model.tables[def.key].rows;
  const keys = historyKeys(rows, carry.key);
  rows.forEach((row, index) => {
    const { key, own } = keys[index];
    // Whether Historik holds the value already: as recordedAs says, or as the status last recorded.
    // A made key (`rad 12`) may name another row in another period: never known.
    const known = (column: { key: string; header: string }, value: CellValue) => {
      if (!own) return false;
      const held = heldAs(column.key);
      if (held) return earlier.at(held.period, def.name, key, held.header) === value;
      return unchanged(column.key, earlier.latest(def.name, key, column.header), value);
    };
    const record = (column: { key: string; header: string }, unlessKnown = false) => {
      const value = historyValue(row.cells[column.key]);
      if (value === null || (column.key === carry.key && own)) return;
      if (unlessKnown && known(column, value)) return;
      result.history.push({ ...closed, table: def.name, key, column: column.header, value });
    };
    if (drop && drop.values.includes(String(row.cells[drop.column]?.value))) {
      result.dropped.push(key);
      for (const column of columns) record(column); // the whole row stays in Historik
      return;
    }
    const lastYear = () => (own ? earlier.lastYear(def.name, key, header("actual")) : null);
    const spec: Record<string, CellValue> = {};
    for (const column of columns) {
      const rule = rules[column.key] ?? "keep";
      if (recorded(rule, row)) record(column, heldAs(column.key) !== null);
      // A status is recorded when it is new or changed: Historik's latest value is the last one.
      else if (carry.statuses.includes(column.key)) record(column, true);
      const value = carriedValue(rule, column.key, row, lastYear);
      if (value !== null) spec[column.key] = value;
    }
    result.rows.push(spec);
    result.sources.push(row.row);
  });
  return result;
}

/**
 * Inställningar's values the roll empties or resets: the assessment of the internal control, and
 * the ready-mark (Klarmarkerad when it was not already Nej, by whom, when).
 */
function settingsHistory(
  model: Model,
  closed: PeriodOf,
  target: WritableTemplate
): HistoryRecord[] {
  const table = target.tables.settings.name;
  return [...SETTINGS_HISTORY, ...SETTINGS_READY].flatMap((key) => {
    const value = historyValue(model.settings.cells[key]);
    const label = target.settings.find((s) => s.key === key)?.label ?? key;
    if (value === null || (key === "readyMark" && value === NOT_READY)) return [];
    return [{ ...closed, table, key: label, column: "Värde", value }];
  });
}

const NOT_READY = "Nej";

/** A record's identity with its value: what a re-roll of the same period must not repeat. */
const recordIdentity = (r: HistoryRecord) =>
  [r.year, r.period, r.table, r.key, r.column, typeof r.value, String(r.value)].join("\u0000");

function nextSettings(
  model: Model,
  next: PeriodOf,
  target: WritableTemplate
): Partial<Record<SettingKey, CellValue>> {
  const settings: Partial<Record<SettingKey, CellValue>> = {};
  for (const setting of model.template.settings) {
    const cell = model.settings.cells[setting.key];
    if (cell) settings[setting.key] = cell.raw;
  }
  for (const key of SETTINGS_CLEARED) settings[key] = null;
  return {
    ...settings,
    year: next.year,
    period: next.period,
    readyMark: NOT_READY,
    templateVersion: target.version,
  };
}

/** The sheet whose rows add the most to Historik: where a refusal tells the user to look. */
function largestSource(tables: readonly { def: TableDef; history: readonly unknown[] }[]) {
  const largest = tables.reduce((a, b) => (b.history.length > a.history.length ? b : a));
  return {
    largestSheet: largest.def.sheet,
    largestRows: largest.history.length,
  };
}

/**
 * The next period's workbook content, for `target` (the latest template; a test's variant):
 * each of its tables as its `carry` says. Throws PeriodUnknownError when År or Period cannot be
 * read. A workbook with fel still rolls forward: its values are carried as they stand.
 */
export function rollForward(
  model: Model,
  target: WritableTemplate = LATEST_TEMPLATE
): RolledForward {
  const closed = closedPeriod(model);
  const next = followingPeriod(closed);
  const yearEnd = next.year !== closed.year;

  // Every row Historik holds is carried, whatever its period: rolling the same period again
  // (Period set back by hand) adds only what the earlier roll did not record.
  const kept = readHistory(model);
  // The look-ups look back only: a period's own rows, or a later one's, say nothing of before.
  const lookup = historyLookup(kept.filter((r) => isBefore(r, closed)));
  const earlier: EarlierValues = {
    lastYear: (table, key, header) =>
      lookup.at(next.year - 1, next.period, table, key, header) ?? null,
    latest: lookup.latestRecord,
    at: (period, table, key, header) =>
      lookup.at(period.year, period.period, table, key, header) ?? null,
  };

  const tables: Partial<Record<DataTableKey, RowSpec[]>> = {};
  const sourceRows: Partial<Record<DataTableKey, number[]>> = {};
  const closedTables = rowCarried(target).map(({ def, carry }) => ({
    def,
    ...closeTable(model, def, carry, closed, yearEnd, earlier),
  }));
  for (const { def, rows, sources } of closedTables) {
    tables[def.key] = rows;
    sourceRows[def.key] = sources;
  }
  // Concatenated, not pushed as arguments: a table at the read cap adds 200,000 records.
  const added = [
    settingsHistory(model, closed, target),
    ...closedTables.map((t) => t.history),
  ].flat();
  const droppedActions = closedTables.find((t) => t.def.key === "actions")?.dropped ?? [];
  const known = new Set(kept.map(recordIdentity));
  const fresh = added.filter((r) => !known.has(recordIdentity(r)));
  const history = [...kept, ...fresh];
  const historyTable = history.flatMap(historyRows);
  for (const def of target.tableList.filter(isEntry)) {
    if (def.carry === "history") tables[def.key] = historyTable;
  }
  const addedRows = fresh.flatMap(historyRows).length;
  if (historyTable.length > MAX_TABLE_ROWS) {
    throw new HistoryTooLargeError(model.fileName, {
      rows: historyTable.length,
      added: addedRows,
      closed: `${closed.period} ${closed.year}`,
      limit: MAX_TABLE_ROWS,
      ...largestSource(closedTables),
    });
  }

  return {
    closed,
    next,
    template: target,
    content: {
      version: target.version,
      settings: nextSettings(model, next, target),
      tables,
    },
    historyAdded: addedRows,
    historyTotal: historyTable.length,
    droppedActions,
    sourceRows,
  };
}
