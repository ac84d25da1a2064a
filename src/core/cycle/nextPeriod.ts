/**
 * Ny period: a workbook's Model → the content of the next period's workbook, for the latest
 * template (`buildWorkbook(LATEST_TEMPLATE, content)`). Pure: the host reads the workbook, calls
 * this, and writes the result as a new file. T1 → T2 → Helår → T1 of the next year; what each
 * column does is in carryRules.ts (and CONTEXT.md). Every value the closing period leaves behind
 * (forecasts, outcomes, statuses, results, comments) is added to Historik, tagged with the period
 * it belonged to; Historik's earlier rows are carried, across years too.
 */
import { PeriodUnknownError } from "../errors";
import type { Model, ModelCell, ModelRow } from "../model";
import { formatIsoDate, readText } from "../parse/values";
import { isCellError, type CellValue } from "../snapshot";
import type { RowSpec, WorkbookContent } from "../template/content";
import type { DataTableKey, SettingKey } from "../template/definition";
import type { Period } from "../template/lists";
import { LATEST_TEMPLATE } from "../template/registry";
import {
  CARRY_RULES,
  SETTINGS_CLEARED,
  SETTINGS_HISTORY,
  type CarryRule,
  type TableCarry,
} from "./carryRules";
import { historyLookup, readHistory, type HistoryRecord } from "./history";

export interface PeriodOf {
  readonly year: number;
  readonly period: Period;
}

/** T1 → T2 → Helår → T1 of the next year. */
export function followingPeriod({ year, period }: PeriodOf): PeriodOf {
  if (period === "T1") return { year, period: "T2" };
  if (period === "T2") return { year, period: "Helår" };
  return { year: year + 1, period: "T1" };
}

export interface RolledForward {
  /** The period the workbook closes. */
  readonly closed: PeriodOf;
  /** The period of the new workbook. */
  readonly next: PeriodOf;
  /** The new workbook's content, for LATEST_TEMPLATE. */
  readonly content: WorkbookContent;
  /** Historik rows this roll added (the closed period's values), and all it holds now. */
  readonly historyAdded: number;
  readonly historyTotal: number;
  /** Åtgärds-IDs left out of the next year (Avslutad, Avbruten); their values are in Historik. */
  readonly droppedActions: readonly string[];
  /**
   * For each carried table, the input's 1-based sheet row each row of `content.tables[table]`
   * comes from, in the same order: what a writer that edits the input's package needs to move
   * what the user keeps beside a row (own columns, formats, comments) with it.
   */
  readonly sourceRows: Readonly<Partial<Record<DataTableKey, readonly number[]>>>;
}

/** A cell's value as Historik keeps it: dates as yyyy-mm-dd text, errors and blanks not at all. */
function historyValue(cell: ModelCell<unknown> | undefined): CellValue {
  if (!cell || cell.absent) return null;
  const raw = cell.raw;
  if (raw === null || isCellError(raw)) return null;
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

/** Whether the closing value of a column goes into Historik under `rule`. */
function recorded(rule: CarryRule, row: ModelRow): boolean {
  if (rule === "clear" || rule === "lastYear") return true;
  return rule === "ifReported" && row.cells.timing?.value === "Löpande";
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

/** What the roll looks up in the Historik it carries. */
interface EarlierValues {
  /** Utfall period of the same period a year before the next one. */
  readonly lastYear: (table: string, key: string, header: string) => CellValue;
  /** What Historik last recorded for a row's column (a status), if anything. */
  readonly latest: (table: string, key: string, header: string) => HistoryRecord | undefined;
}

/** One table closed: the next period's rows, and its Historik rows tagged with the closed period. */
function closeTable(
  model: Model,
  carry: TableCarry,
  closed: PeriodOf,
  yearEnd: boolean,
  earlier: EarlierValues
): ClosedTable {
  const def = LATEST_TEMPLATE.tables[carry.table];
  const rules = yearEnd ? carry.yearEnd : carry.withinYear;
  const columns = def.columns.filter((c) => c.kind !== "computed");
  const actualHeader = def.columns.find((c) => c.key === "actual")?.header ?? "";
  const drop = yearEnd ? carry.dropAtYearEnd : undefined;
  const result: ClosedTable = { rows: [], sources: [], history: [], dropped: [] };
  // A status the year end clears (a kontroll's Resultat) starts over each year: the same result
  // as last year's is still this year's report, and Historik must show it under this year.
  const unchanged = (column: string, last: HistoryRecord | undefined, value: CellValue) =>
    last !== undefined &&
    last.value === value &&
    (carry.yearEnd[column] !== "clear" || last.year === closed.year);
  for (const row of model.tables[carry.table].rows) {
    const key = readText(rawOf(row.cells[carry.key]));
    const record = (column: { key: string; header: string }, ifChanged = false) => {
      const value = historyValue(row.cells[column.key]);
      if (key === null || value === null || column.key === carry.key) return;
      if (ifChanged && unchanged(column.key, earlier.latest(def.name, key, column.header), value))
        return;
      result.history.push({ ...closed, table: def.name, key, column: column.header, value });
    };
    if (drop && drop.values.includes(String(row.cells[drop.column]?.value))) {
      result.dropped.push(key ?? "");
      for (const column of columns) record(column); // the whole row stays in Historik
      continue;
    }
    const lastYear = () => (key === null ? null : earlier.lastYear(def.name, key, actualHeader));
    const spec: Record<string, CellValue> = {};
    for (const column of columns) {
      const rule = rules[column.key] ?? "keep";
      if (recorded(rule, row)) record(column);
      // A status is recorded when it is new or changed: Historik's latest value is the last one.
      else if (carry.statuses.includes(column.key)) record(column, true);
      const value = carriedValue(rule, column.key, row, lastYear);
      if (value !== null) spec[column.key] = value;
    }
    result.rows.push(spec);
    result.sources.push(row.row);
  }
  return result;
}

/** Inställningar's values the roll empties (the assessment of the internal control). */
function settingsHistory(model: Model, closed: PeriodOf): HistoryRecord[] {
  const table = LATEST_TEMPLATE.tables.settings.name;
  return SETTINGS_HISTORY.flatMap((key) => {
    const value = historyValue(model.settings.cells[key]);
    const label = LATEST_TEMPLATE.settings.find((s) => s.key === key)?.label ?? key;
    return value === null ? [] : [{ ...closed, table, key: label, column: "Värde", value }];
  });
}

function historyContent(rows: readonly HistoryRecord[]): RowSpec[] {
  return rows.map(
    (r) =>
      r.written ?? {
        year: r.year,
        period: r.period,
        table: r.table,
        key: r.key,
        column: r.column,
        value: r.value,
      }
  );
}

function nextSettings(model: Model, next: PeriodOf): Partial<Record<SettingKey, CellValue>> {
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
    readyMark: "Nej",
    templateVersion: LATEST_TEMPLATE.version,
  };
}

/**
 * The next period's workbook content. Throws PeriodUnknownError when År or Period cannot be
 * read. A workbook with fel still rolls forward: its values are carried as they stand.
 */
export function rollForward(model: Model): RolledForward {
  const closed = closedPeriod(model);
  const next = followingPeriod(closed);
  const yearEnd = next.year !== closed.year;

  // Rolling the same period again replaces what the earlier roll wrote for it.
  const kept = readHistory(model).filter(
    (r) => !(r.year === closed.year && r.period === closed.period)
  );
  // Both look-ups look back, never at the period being closed: the kept rows suffice.
  const lookup = historyLookup(kept);
  const earlier: EarlierValues = {
    lastYear: (table, key, header) =>
      lookup.at(next.year - 1, next.period, table, key, header) ?? null,
    latest: lookup.latestRecord,
  };

  const tables: Partial<Record<DataTableKey, RowSpec[]>> = {};
  const sourceRows: Partial<Record<DataTableKey, number[]>> = {};
  const added = settingsHistory(model, closed);
  const droppedActions: string[] = [];
  for (const carry of CARRY_RULES) {
    const table = closeTable(model, carry, closed, yearEnd, earlier);
    tables[carry.table] = table.rows;
    sourceRows[carry.table] = table.sources;
    added.push(...table.history);
    if (carry.table === "actions") droppedActions.push(...table.dropped);
  }
  const history = [...kept, ...added];
  tables.history = historyContent(history);

  return {
    closed,
    next,
    content: {
      version: LATEST_TEMPLATE.version,
      settings: nextSettings(model, next),
      tables,
    },
    historyAdded: added.length,
    historyTotal: history.length,
    droppedActions,
    sourceRows,
  };
}
