/**
 * Ny period over generated workbooks (any values in any carried table and in the settings the roll
 * clears, an earlier Historik, T1, T2 and Helår): every non-empty input value is found either in
 * the next period's content (same column, same type: a Date stays a Date, an error stays an error)
 * or in Historik (by table, key and column, a long value joined back); the Historik keys the roll
 * adds are unique; Historik's earlier rows are all carried, and rolling the same period again keeps
 * a superset.
 */
import fc from "fast-check";
import { rowCarried, SETTINGS_CLEARED } from "../../src/core/cycle/carryRules";
import { readHistory, type HistoryRecord } from "../../src/core/history/history";
import { rollForward, type RolledForward } from "../../src/core/cycle/nextPeriod";
import type { Model } from "../../src/core/model";
import { formatIsoDate, readText } from "../../src/core/parse/values";
import { parseModel } from "../../src/core/parse/parseModel";
import { isCellError, type CellValue } from "../../src/core/snapshot";
import type { WorkbookContent } from "../../src/core/template/content";
import type { DataTableKey, TableDef } from "../../src/core/template/definition";
import { LISTS } from "../../src/core/template/lists";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { snapshotOf } from "../helpers/snapshot";

const date = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)) })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 3 },
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("Post A", "Post B", "rad 4", "Post A (rad 5)", " ", "Nej", "Ja"),
  fc.constantFrom(...Object.values(LISTS).flat()),
  date,
  fc.boolean(),
  fc.constantFrom("#REF!", "#N/A", "#DIV/0!").map((error) => ({ error })),
  { arbitrary: fc.constantFrom("a", "ö", "😀").map((c) => c.repeat(33_000)), weight: 1 }
);

/** Rows of one table, by column key (computed columns left out, as the writer does). */
const tableRows = (def: TableDef) => {
  const columns = def.columns.filter((c) => c.kind !== "computed");
  return fc
    .array(fc.tuple(...columns.map(() => value)), { maxLength: 5 })
    .map((rows) =>
      rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c.key, cells[i]])))
    );
};

const PERIODS = ["T1", "T2", "Helår"] as const;
const CARRIED = rowCarried(LATEST_TEMPLATE);
const TABLE_NAMES = CARRIED.map(({ def }) => def.name);

/** Historik as an earlier roll (or a hand) may have left it: periods around the closed one. */
const earlierHistory = fc.array(
  fc.record({
    year: fc.constantFrom(2023, 2024),
    period: fc.constantFrom(...PERIODS),
    table: fc.constantFrom(...TABLE_NAMES),
    key: fc.constantFrom("Post A", "Post B", "rad 4", "R1"),
    column: fc.constantFrom("Prognos helår", "Utfall period", "Status", "Kommentar"),
    value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("Pågående", "x")),
  }),
  { maxLength: 12 }
);

const workbook: fc.Arbitrary<WorkbookContent> = fc
  .record({
    period: fc.constantFrom(...PERIODS),
    cleared: fc.tuple(...[...SETTINGS_CLEARED, "readyMark"].map(() => value)),
    tables: fc.record(
      Object.fromEntries(CARRIED.map(({ def }) => [def.key, tableRows(def)])) as Record<
        Exclude<DataTableKey, "history">,
        fc.Arbitrary<Record<string, CellValue>[]>
      >
    ),
    history: earlierHistory,
  })
  .map(({ period, cleared, tables, history }) => ({
    settings: {
      year: 2024,
      period,
      ...Object.fromEntries([...SETTINGS_CLEARED, "readyMark"].map((k, i) => [k, cleared[i]])),
    },
    tables: { ...tables, history },
  }));

const modelOf = (content: WorkbookContent): Model => parseModel(snapshotOf(content, "enhet.xlsx"));

/** The value as Historik holds it: dates as yyyy-mm-dd, errors as their text. */
const asRecorded = (raw: CellValue): CellValue =>
  raw instanceof Date ? formatIsoDate(raw) : isCellError(raw) ? raw.error : raw;

const isBlank = (raw: CellValue) => raw === null || (typeof raw === "string" && raw.trim() === "");

/** The same value, of the same type. */
function same(carried: CellValue | undefined, raw: CellValue): boolean {
  if (raw instanceof Date) return carried instanceof Date && carried.getTime() === raw.getTime();
  if (isCellError(raw))
    return carried !== null && isCellError(carried!) && carried.error === raw.error;
  return carried === raw;
}

/**
 * Historik's Nyckel, from the rule in src/core/cycle/CONTEXT.md: the key as it stands; `rad N`
 * when empty; the text and `(rad N)` for an error, a repeat or a key that looks like a made one.
 */
function expectedKeys(model: Model, table: DataTableKey, keyColumn: string) {
  const seen = new Set<string>();
  return model.tables[table].rows.map((row) => {
    const raw = row.cells[keyColumn].raw;
    const text = isCellError(raw) ? raw.error : readText(raw);
    if (text === null) return `rad ${row.row}`;
    const plain = !isCellError(raw) && !seen.has(text) && !/^rad \d+$|\(rad \d+\)$/.test(text);
    seen.add(text);
    return plain ? text : `${text} (rad ${row.row})`;
  });
}

const identity = (r: HistoryRecord) => JSON.stringify(r.written);

/** Every written Historik row of `before` is in `after`, as often. */
function carriesAll(before: readonly HistoryRecord[], after: readonly HistoryRecord[]) {
  const left = new Map<string, number>();
  for (const r of after.flatMap((r) => r.written ?? [])) {
    const k = JSON.stringify(r);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  for (const r of before.flatMap((r) => r.written ?? [])) {
    const k = JSON.stringify(r);
    expect(left.get(k) ?? 0).toBeGreaterThan(0);
    left.set(k, left.get(k)! - 1);
  }
}

function expectConserved(model: Model, rolled: RolledForward, after: Model) {
  const { closed } = rolled;
  const history = readHistory(after);
  const recorded = (table: string, key: string, column: string, raw: CellValue) =>
    history.some(
      (r) =>
        r.year === closed.year &&
        r.period === closed.period &&
        r.table === table &&
        r.key === key &&
        r.column === column &&
        r.value === asRecorded(raw)
    );
  for (const { def, carry } of CARRIED) {
    const keys = expectedKeys(model, def.key, carry.key);
    const sources = rolled.sourceRows[def.key] ?? [];
    const next = rolled.content.tables?.[def.key] ?? [];
    model.tables[def.key].rows.forEach((row, i) => {
      const carried = next[sources.indexOf(row.row)] as Record<string, CellValue> | undefined;
      for (const column of def.columns.filter((c) => c.kind !== "computed")) {
        const raw = row.cells[column.key].raw;
        if (isBlank(raw)) continue;
        if (carried && same(carried[column.key], raw)) continue;
        // A dropped row's key is its Nyckel (with its row when made).
        const keyText = isCellError(raw) ? raw.error : readText(raw);
        if (
          column.key === carry.key &&
          (keys[i] === keyText || keys[i].startsWith(`${keyText} (rad `))
        )
          continue;
        // Historik holds it already under the period and column it came from.
        const held = carry.recordedAs?.[column.key];
        if (held && keys[i] === readText(row.cells[carry.key].raw)) {
          const from = def.columns.find((c) => c.key === held.column)!.header;
          const at =
            held.period === "yearBefore"
              ? { year: closed.year - 1, period: closed.period }
              : closed.period === "T1"
                ? { year: closed.year - 1, period: "Helår" }
                : { year: closed.year, period: closed.period === "T2" ? "T1" : "T2" };
          const before = history.filter(
            (r) =>
              r.year === at.year &&
              r.period === at.period &&
              r.table === def.name &&
              r.key === keys[i] &&
              r.column === from
          );
          if (before.at(-1)?.value === asRecorded(raw)) continue;
        }
        if (!recorded(def.name, keys[i], column.header, raw)) {
          throw new Error(
            `${def.name} rad ${row.row} ${column.header} = ${String(raw).slice(0, 40)} saknas`
          );
        }
      }
    });
  }
  const settingsTable = LATEST_TEMPLATE.tables.settings.name;
  for (const key of [...SETTINGS_CLEARED, "readyMark"] as const) {
    const raw = model.settings.cells[key]?.raw ?? null;
    if (isBlank(raw) || same(rolled.content.settings?.[key] ?? null, raw)) continue;
    const label = LATEST_TEMPLATE.settings.find((s) => s.key === key)!.label;
    expect(recorded(settingsTable, label, "Värde", raw)).toBe(true);
  }
}

describe("Ny period over generated workbooks", () => {
  it("keeps every value, adds unique keys, and carries Historik whole, also when rolled again", () => {
    fc.assert(
      fc.property(workbook, (content) => {
        const model = modelOf(content);
        const rolled = rollForward(model);
        const after = modelOf(rolled.content);
        expectConserved(model, rolled, after);

        const before = readHistory(model);
        const now = readHistory(after);
        carriesAll(before, now);
        const earlier = new Set(before.map(identity));
        const added = now
          .filter((r) => !earlier.has(identity(r)))
          .map((r) => [r.year, r.period, r.table, r.key, r.column].join("|"));
        expect(new Set(added).size).toBe(added.length);

        // Period set back by hand and rolled again: a superset, nothing of it lost.
        const setBack = modelOf({
          ...rolled.content,
          settings: { ...rolled.content.settings, ...rolled.closed },
        });
        const again = modelOf(rollForward(setBack).content);
        carriesAll(now, readHistory(again));
      }),
      { numRuns: 150 }
    );
  });
});
