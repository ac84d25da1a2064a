/**
 * Whatever people type or paste into the template, validation must not crash, and every finding
 * must point at a cell inside the table it is about (header row … last row), so that a host can
 * always navigate to it.
 */
import fc from "fast-check";
import { formatNumber } from "../../src/core/format";
import type { Finding } from "../../src/core/findings";
import { analyse } from "../../src/core/pipeline";
import type { CellValue, Snapshot, SnapshotTable } from "../../src/core/snapshot";
import { type TableDef } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { LISTS } from "../../src/core/template/lists";

const ALLOWED_VALUES = Object.values(LISTS).flat();

const dateInRange = fc.date({
  min: new Date(Date.UTC(1899, 0, 1)),
  max: new Date(Date.UTC(2200, 0, 1)),
  noInvalidDate: true,
});

/** Words that only a bug can put into a message, so the random junk text leaves them out. */
const LEAKS = /undefined|\[object|\bnull\b/;
const junk = (text: fc.Arbitrary<string>) => text.filter((t) => !LEAKS.test(t));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 2200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => formatNumber(v, 1)),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => String(v).replace(".", ",")),
  junk(fc.string()),
  junk(fc.string({ unit: "grapheme", maxLength: 80 })),
  fc.date(),
  dateInRange,
  dateInRange.map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2024-13-45", "31/8 2024", "2024-02-30"),
  fc.boolean(),
  fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?").map((error) => ({ error })),
  fc.constant(null),
  fc.constantFrom("", " ", "\u00a0", " \t ", "\n"),
  fc.constantFrom(...ALLOWED_VALUES),
  fc.constantFrom(...ALLOWED_VALUES).map((v) => ` ${v.toUpperCase().replace(/å|ä/gi, "a")}`),
  fc.constantFrom("R1", "R2", "r1", "Å1", "K1", "X")
);

interface Layout {
  readonly headerRow: number;
  readonly firstColumn: number;
  /** The table's columns in the order the workbook has them. */
  readonly order: readonly number[];
}

const layout = (def: TableDef): fc.Arbitrary<Layout> =>
  fc.record({
    headerRow: fc.integer({ min: 1, max: 40 }),
    firstColumn: fc.integer({ min: 1, max: 30 }),
    order: fc.shuffledSubarray(
      def.columns.map((_, i) => i),
      { minLength: def.columns.length }
    ),
  });

const rows = (width: number, maxRows: number) =>
  fc.array(fc.array(cellValue, { minLength: width, maxLength: width }), { maxLength: maxRows });

function table(def: TableDef, at: Layout, data: CellValue[][]): SnapshotTable {
  return {
    name: def.name,
    sheet: def.sheet,
    headerRow: at.headerRow,
    firstColumn: at.firstColumn,
    headers: at.order.map((i) => def.columns[i].header),
    rows: data,
  };
}

const SETTINGS_DEF = LATEST_TEMPLATE.tableList[0];
const DATA_DEFS = LATEST_TEMPLATE.tableList.slice(1);

/** Settings rows in any order, some missing or doubled, plus stray rows; Mallversion 1 or empty. */
const settingsRows: fc.Arbitrary<CellValue[][]> = fc
  .record({
    values: fc.array(cellValue, {
      minLength: LATEST_TEMPLATE.settingRows.length,
      maxLength: LATEST_TEMPLATE.settingRows.length,
    }),
    version: fc.constantFrom<CellValue>(1, "1", null, " "),
    kept: fc.shuffledSubarray(
      LATEST_TEMPLATE.settingRows.map((_, i) => i),
      { minLength: 0 }
    ),
    extra: rows(2, 3),
  })
  .map(({ values, version, kept, extra }) => [
    ...kept.map((i) => [
      LATEST_TEMPLATE.settingRows[i].label,
      LATEST_TEMPLATE.settingRows[i].key === "templateVersion" ? version : values[i],
    ]),
    // A stray row must not name Mallversion with another value: that workbook is refused outright.
    ...extra.filter((r) => !/mallversion/i.test(String(r[0]))),
  ]);

const snapshot: fc.Arbitrary<Snapshot> = fc
  .record({
    settingsLayout: layout(SETTINGS_DEF),
    settings: settingsRows,
    layouts: fc.tuple(...DATA_DEFS.map(layout)),
    data: fc.tuple(...DATA_DEFS.map((def) => rows(def.columns.length, 6))),
  })
  .map(({ settingsLayout, settings, layouts, data }) => {
    const settingsOrder = settingsLayout.order;
    const settingsTable = table(
      SETTINGS_DEF,
      settingsLayout,
      settings.map((r) => settingsOrder.map((i) => r[i] ?? null))
    );
    const dataTables = DATA_DEFS.map((def, i) =>
      table(
        def,
        layouts[i],
        data[i].map((r) => layouts[i].order.map((c) => r[c]))
      )
    );
    return {
      fileName: "slump.xlsx",
      sheetNames: LATEST_TEMPLATE.tableList.map((t) => t.sheet),
      tables: [settingsTable, ...dataTables],
    };
  });

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** What is wrong with a finding, if anything: plain checks, so that a run costs one expect. */
function problemsOf(finding: Finding, input: Snapshot): string[] {
  // A sheet may hold two tables (Kontoplan): the cell must lie inside one of them.
  const onSheet = input.tables.filter((candidate) => candidate.sheet === finding.sheet);
  if (onSheet.length === 0) return [`okänt blad ${finding.sheet}`];
  const m = /^([A-Z]+)([1-9]\d*)$/.exec(finding.cell);
  if (!m) return [`ogiltig cell ${finding.cell}`];
  const [column, row] = [columnNumber(m[1]), Number(m[2])];
  const outside = (t: (typeof onSheet)[number]) => [
    ...(row < t.headerRow || row > t.headerRow + t.rows.length ? ["raden utanför tabellen"] : []),
    ...(column < t.firstColumn || column >= t.firstColumn + t.headers.length
      ? ["kolumnen utanför tabellen"]
      : []),
  ];
  const placed = onSheet.map(outside);
  const problems: string[] = placed.some((p) => p.length === 0) ? [] : placed[0];
  if (finding.severity !== "fel" && finding.severity !== "varning") problems.push("allvarlighet");
  if (!/^[a-z]+(-[a-z]+)*$/.test(finding.code)) problems.push("kod");
  if (finding.message.length < 20 || LEAKS.test(finding.message)) problems.push("meddelande");
  return problems.map((p) => `${p}: ${JSON.stringify(finding)}`);
}

describe("validate on random workbooks", () => {
  it("never throws, and every finding names a cell inside its table", () => {
    fc.assert(
      fc.property(snapshot, dateInRange, (input, today) => {
        const { findings } = analyse(input, { today });
        expect(findings.flatMap((f) => problemsOf(f, input))).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });
});
