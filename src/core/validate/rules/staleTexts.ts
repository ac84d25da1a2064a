/**
 * Texts left over from an earlier period. The commonest defect of published reports is a comment
 * copied unchanged from the last tertial, explaining figures that have since moved; Historik,
 * where Ny period keeps what the closed period said, makes it visible. All three are varningar:
 * a text may rightly stand, but the ekonom should see it before the nämnd does.
 */
import {
  chronologically,
  historyColumn,
  isBefore,
  readHistory,
  type HistoryRecord,
} from "../../history/history";
import type { Model, ModelRow, ModelTable } from "../../model";
import { readText } from "../../parse/values";
import type { CellValue } from "../../snapshot";
import { periodEnd, precedingPeriod, type PeriodOf } from "../../period";
import type { DataTableKey } from "../../template/definition";
import { LATEST_TEMPLATE } from "../../template/registry";
import { staleTexts as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { rowLabel } from "../tables";

/** A period as the report names the one before: "T1" within the year, "Helår 2023" across it. */
const periodName = (p: PeriodOf, now: PeriodOf) =>
  p.year === now.year ? p.period : `${p.period} ${p.year}`;

/** The tables whose rows carry a comment Historik may hold: the ledgers, volymer, åtgärder, kontroller. */
const COMMENTED: readonly Exclude<DataTableKey, "history" | "risks">[] = [
  "incomeStatement",
  "operatingStatement",
  "volumes",
  "investments",
  "actions",
  "controls",
];

const COMMENT_COLUMNS = new Map(COMMENTED.map((key) => [key, historyColumn(key, "comment")]));
const ACTION_STATUS = historyColumn("actions", "status");

const rowKey = (table: string, key: string, column: string) =>
  `${table}\u0000${key}\u0000${column}`;

/** What the rules look up in Historik: read once per workbook, for both rules. */
interface Earlier {
  /** Each row's comment as recorded for the period before (the later one, if recorded twice). */
  readonly comments: ReadonlyMap<string, CellValue>;
  /** Each åtgärd's status as Historik last recorded it before this period. */
  readonly statuses: ReadonlyMap<string, CellValue>;
}

const earlierOf = new WeakMap<Model, Earlier>();

/**
 * Historik's records of periods before this one, reduced to what the rules ask. A period rolled
 * again keeps its later periods' rows (cycle/CONTEXT.md, "Rolling a period again"): they say
 * nothing of what came before. One pass and no sort of the whole table: Historik may hold tens of
 * thousands of rows.
 */
function earlier(model: Model, now: PeriodOf): Earlier {
  const known = earlierOf.get(model);
  if (known) return known;
  const before = precedingPeriod(now);
  const commentColumns = new Set([...COMMENT_COLUMNS.values()].map((c) => c.column));
  const comments = new Map<string, CellValue>();
  const statusRecords: HistoryRecord[] = [];
  for (const r of readHistory(model)) {
    if (!Number.isFinite(r.year) || !isBefore(r, now)) continue;
    if (r.year === before.year && r.period === before.period && commentColumns.has(r.column))
      comments.set(rowKey(r.table, r.key, r.column), r.value);
    if (r.table === ACTION_STATUS.table && r.column === ACTION_STATUS.column) statusRecords.push(r);
  }
  // Chronological and stable, as historyLookup: the last record of a status is its latest.
  const statuses = new Map(
    statusRecords.sort(chronologically).map((r) => [r.key, r.value] as const)
  );
  const found = { comments, statuses };
  earlierOf.set(model, found);
  return found;
}

/** Historik's Nyckel of each row: its key column's text, or null where Ny period made one up. */
function historyKeys(table: ModelTable, keyColumn: string): (string | null)[] {
  const keys = table.rows.map((row) => readText(row.cells[keyColumn]?.raw ?? null));
  const seen = new Map<string, number>();
  for (const key of keys) if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  // A repeated key names the first row only in Historik; no row of them is compared.
  return keys.map((key) => (key !== null && seen.get(key) === 1 ? key : null));
}

/** Text as compared: a copy with other line breaks or a trailing space is still the same text. */
const normalised = (text: string) => text.replace(/\s+/g, " ").trim();

const unchangedComment = defineRule(
  {
    code: "kommentar-oforandrad",
    severity: "varning",
    title: "Kommentarer är skrivna för perioden, inte oförändrade sedan förra perioden",
  },
  function* ({ model, period }) {
    if (!period) return;
    const { comments } = earlier(model, period);
    if (comments.size === 0) return;
    const before = precedingPeriod(period);
    for (const key of COMMENTED) {
      const table = model.tables[key];
      const column = COMMENT_COLUMNS.get(key)!;
      if (!table.def.columns.some((c) => c.key === "comment")) continue;
      const keys = historyKeys(table, LATEST_TEMPLATE.tables[key].carry.key);
      for (const [index, row] of (table.rows as readonly ModelRow[]).entries()) {
        const cell = row.cells.comment;
        const text = readText(cell?.raw ?? null);
        const name = keys[index];
        if (!cell || text === null || name === null) continue;
        const then = comments.get(rowKey(column.table, name, column.column));
        if (typeof then !== "string" || normalised(then) !== normalised(text)) continue;
        yield hitAt(
          row,
          cell,
          msg.unchangedComment(
            rowLabel(table, row),
            periodName(before, period),
            `${period.period} ${period.year}`
          )
        );
      }
    }
  }
);

/**
 * A status that changed since the period before was followed up after that period ended: an
 * Uppföljningsdatum before it is the old follow-up, and its comment most likely the old one too.
 * A date before the year is `uppfoljningsdatum-orimligt`'s already (so at T1 this never speaks).
 */
const followUpBeforeStatusChange = defineRule(
  {
    code: "uppfoljning-fore-statusandring",
    severity: "varning",
    title: "En åtgärd som bytt status sedan förra perioden är uppföljd efter den",
  },
  function* ({ model, period }) {
    if (!period) return;
    const { statuses } = earlier(model, period);
    if (statuses.size === 0) return;
    const before = precedingPeriod(period);
    const beforeEnd = periodEnd(before.year, before.period);
    const keys = historyKeys(model.tables.actions, "id");
    for (const [index, action] of model.actions.entries()) {
      const { status, followUpDate } = action.cells;
      const key = keys[index];
      const date = followUpDate.value;
      if (key === null || status.value === null || date === null) continue;
      if (date.getTime() >= beforeEnd.getTime() || date.getTime() < period.yearStart.getTime())
        continue;
      const then = readText(statuses.get(key) ?? null);
      if (then === null || then === status.value) continue;
      yield hitAt(
        action,
        followUpDate,
        msg.followUpBeforeStatusChange(
          readText(action.cells.id.raw),
          action.row,
          periodName(before, period),
          then,
          status.value,
          date,
          beforeEnd
        )
      );
    }
  }
);

/** The figure tables, whose comments at Helår explain the year's outcome. */
const FIGURES: readonly Exclude<DataTableKey, "history" | "risks" | "actions" | "controls">[] = [
  "incomeStatement",
  "operatingStatement",
  "volumes",
  "investments",
];

/** "prognos", "Prognosen", "helårsprognosen", "prognostiseras": the word as written. */
const FORECAST_WORD = /[\p{L}-]*prognos[\p{L}-]*/iu;

/**
 * At Helår the report is a verksamhetsberättelse of the year's outcome (rollup/yearEnd.ts): a
 * comment on a figure that speaks of a forecast is left over from the tertials. Åtgärder and
 * kontroller are not judged: they may rightly look ahead.
 */
const forecastInAnnualReport = defineRule(
  {
    code: "prognos-i-verksamhetsberattelse",
    severity: "varning",
    title: "Vid helår talar kommentarerna till siffrorna om utfallet, inte om prognos",
  },
  function* ({ model, rollup }) {
    if (rollup.basis !== "outcome") return;
    for (const key of FIGURES) {
      const table = model.tables[key];
      for (const row of table.rows as readonly ModelRow[]) {
        const cell = row.cells.comment;
        const word = FORECAST_WORD.exec(readText(cell?.raw ?? null) ?? "")?.[0];
        if (!cell || !word) continue;
        yield hitAt(row, cell, msg.forecastInAnnualReport(rowLabel(table, row), word));
      }
    }
  }
);

export const STALE_TEXT_RULES = [
  unchangedComment,
  followUpBeforeStatusChange,
  forecastInAnnualReport,
];
