/**
 * Texts left over from an earlier period. The commonest defect of published reports is a comment
 * copied unchanged from the last tertial, explaining figures that have since moved; Historik,
 * where Ny period keeps what the closed period said, makes it visible. All three are varningar:
 * a text may rightly stand, but the ekonom should see it before the nämnd does.
 */
import {
  historyColumn,
  historyLookup,
  isBefore,
  readHistory,
  type HistoryRecord,
} from "../../history/history";
import type { Model, ModelRow, ModelTable } from "../../model";
import { readText } from "../../parse/values";
import { periodEnd } from "../../period";
import type { DataTableKey } from "../../template/definition";
import type { Period } from "../../template/lists";
import { LATEST_TEMPLATE } from "../../template/registry";
import { staleTexts as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { rowLabel } from "../tables";

interface PeriodOf {
  readonly year: number;
  readonly period: Period;
}

/** The period before: T2 → T1, Helår → T2, T1 → Helår of År − 1 (the one Ny period closed). */
function precedingPeriod({ year, period }: PeriodOf): PeriodOf {
  if (period === "T1") return { year: year - 1, period: "Helår" };
  return { year, period: period === "T2" ? "T1" : "T2" };
}

/** A period as the report names the one before: "T1" within the year, "Helår 2023" across it. */
const periodName = (p: PeriodOf, now: PeriodOf) =>
  p.year === now.year ? p.period : `${p.period} ${p.year}`;

/**
 * Historik's records of periods before this one. A period rolled again keeps its later periods'
 * rows (cycle/CONTEXT.md, "Rolling a period again"): they say nothing of what came before.
 */
function earlierHistory(model: Model, now: PeriodOf): HistoryRecord[] {
  return readHistory(model).filter((r) => Number.isFinite(r.year) && isBefore(r, now));
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

/** The tables whose rows carry a comment Historik may hold: the ledgers, volymer, åtgärder, kontroller. */
const COMMENTED: readonly Exclude<DataTableKey, "history" | "risks">[] = [
  "incomeStatement",
  "operatingStatement",
  "volumes",
  "investments",
  "actions",
  "controls",
];

const unchangedComment = defineRule(
  {
    code: "kommentar-oforandrad",
    severity: "varning",
    title: "Kommentarer är skrivna för perioden, inte oförändrade sedan förra perioden",
  },
  function* ({ model, period }) {
    if (!period) return;
    const records = earlierHistory(model, period);
    if (records.length === 0) return;
    const lookup = historyLookup(records);
    const before = precedingPeriod(period);
    for (const key of COMMENTED) {
      const table = model.tables[key];
      if (!table.def.columns.some((c) => c.key === "comment")) continue;
      const { table: tableName, column } = historyColumn(key, "comment");
      const keys = historyKeys(table, LATEST_TEMPLATE.tables[key].carry.key);
      for (const [index, row] of (table.rows as readonly ModelRow[]).entries()) {
        const cell = row.cells.comment;
        const text = readText(cell?.raw ?? null);
        const rowKey = keys[index];
        if (!cell || text === null || rowKey === null) continue;
        const then = lookup.at(before.year, before.period, tableName, rowKey, column);
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

const ACTION_STATUS = historyColumn("actions", "status");

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
    const records = earlierHistory(model, period);
    if (records.length === 0) return;
    const lookup = historyLookup(records);
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
      const then = readText(lookup.latest(ACTION_STATUS.table, key, ACTION_STATUS.column) ?? null);
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
