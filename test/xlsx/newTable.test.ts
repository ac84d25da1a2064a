/**
 * A new table needs only its entry: a throwaway table, with its carry and consolidation rules,
 * added to a copy of the latest definition appears in the built template, is read into the Model,
 * is checked by the data-driven rules, is carried by Ny period (the pure roll and the package
 * writer, its old values into Historik) and by Sammanställ (each unit's rows, its IDs prefixed),
 * without an edit anywhere else. A table without its rules does not compile (the last test).
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { reduceUnit } from "../../src/core/consolidate/unitReport";
import { rollForward } from "../../src/core/cycle/nextPeriod";
import { readHistory } from "../../src/core/history/history";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse } from "../../src/core/pipeline";
import { contentOf, type RowSpec, type WorkbookContent } from "../../src/core/template/content";
import {
  defineTemplate,
  type DataTableKey,
  type TableDef,
  type WritableTemplate,
} from "../../src/core/template/definition";
import type { RowCarry, RowsPerUnit } from "../../src/core/template/tableRules";
import { TEMPLATE_V3_SPEC } from "../../src/core/template/v3";
import { validate } from "../../src/core/validate";
import { nextPeriodWorkbook } from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { DEFAULT_SETTINGS } from "../helpers/snapshot";

// The reader asks a workbook for the tables of every registered version (registry.ts); a new
// table's version is registered there, which this stands for.
jest.mock("../../src/core/template/registry", () => {
  const actual = jest.requireActual("../../src/core/template/registry");
  return {
    ...actual,
    TEMPLATE_TABLE_NAMES: [...actual.TEMPLATE_TABLE_NAMES, "tblBudgetjusteringar"],
  };
});

// A key the product does not know: the throwaway table stays outside the TableKey union (a real
// new table is added there), so the test names it through a widened string.
const KEY = "budgetChanges" as string as DataTableKey;

const CHANGES = {
  key: KEY,
  name: "tblBudgetjusteringar",
  sheet: "Budgetjusteringar",
  title: "Budgetjusteringar",
  columns: [
    {
      key: "ref",
      header: "Beslutsnummer",
      kind: "text",
      required: true,
      width: 16,
      help: "Beslutets nummer.",
    },
    {
      key: "amount",
      header: "Belopp",
      kind: "amount",
      required: true,
      numFmt: "#,##0.0",
      width: 13,
      help: "Justeringens belopp.",
    },
    {
      key: "comment",
      header: "Kommentar",
      kind: "text",
      required: false,
      width: 40,
      help: "Varför budgeten justerades.",
    },
    {
      key: "reportingUnit",
      header: "Rapporterande enhet",
      kind: "text",
      required: false,
      optionalColumn: true,
      width: 20,
      help: "Fylls i vid sammanställning.",
    },
  ],
  instructions: "En rad per budgetjustering.",
  carry: {
    key: "ref",
    statuses: [],
    withinYear: { comment: "clear" },
    yearEnd: { amount: "clear", comment: "clear" },
  } satisfies RowCarry,
  consolidation: { kind: "perUnit", prefixed: ["ref"] } satisfies RowsPerUnit,
} as const satisfies TableDef;

const spec = TEMPLATE_V3_SPEC;
const WITH_TABLE = defineTemplate({
  ...spec,
  tables: { ...spec.tables, budgetChanges: CHANGES },
}) satisfies WritableTemplate;
const REGISTRY = [WITH_TABLE];

// Rows as content from elsewhere (a RowSpec): the latest template's typed content has no such table.
const ROWS: RowSpec[] = [
  { ref: "KF 12", amount: 2.5, comment: "Tilläggsanslag." },
  { ref: "KF 14", comment: "Belopp saknas." },
];

const contentWith = (rows: readonly RowSpec[], settings: WorkbookContent["settings"] = {}) => {
  const tables: Partial<Record<DataTableKey, readonly RowSpec[]>> = { [KEY]: rows };
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, tables };
};

const bytesOf = async (content: WorkbookContent) =>
  workbookBytes(buildWorkbook(WITH_TABLE, content));

async function builtAndRead(content: WorkbookContent = contentWith(ROWS)) {
  const bytes = await bytesOf(content);
  const snapshot = await readSnapshotFromBuffer(bytes, "ny-tabell.xlsx");
  return { bytes, snapshot, model: parseModel(snapshot, REGISTRY) };
}

const values = (rows: readonly RowSpec[] | undefined, column: string) =>
  (rows ?? []).map((r) => r[column] ?? null);

it("is written into the template: its sheet, its table, its headers and rows", async () => {
  const { snapshot } = await builtAndRead();
  const table = snapshot.tables.find((t) => t.name === "tblBudgetjusteringar")!;
  expect(table.sheet).toBe("Budgetjusteringar");
  expect(table.headers).toEqual(["Beslutsnummer", "Belopp", "Kommentar", "Rapporterande enhet"]);
  expect(table.rows.map((r) => r.slice(0, 3))).toEqual([
    ["KF 12", 2.5, "Tilläggsanslag."],
    ["KF 14", null, "Belopp saknas."],
  ]);
});

it("is read into the Model under its key, and back into content", async () => {
  const { model } = await builtAndRead();
  expect(model.tables[KEY].rows.map((r) => r.cells.amount.value)).toEqual([2.5, null]);
  expect(model[KEY]).toBe(model.tables[KEY].rows);
  expect(values(contentOf(model).tables?.[KEY], "ref")).toEqual(["KF 12", "KF 14"]);
});

it("is checked by the rules the definition drives", async () => {
  const { model } = await builtAndRead();
  const found = validate(model).filter((f) => f.sheet === "Budgetjusteringar");
  expect(found.map((f) => [f.code, f.cell])).toEqual([["obligatorisk-saknas", "B5"]]);
  expect(found[0].message).toContain("Belopp");
});

it("is carried by Ny period as its rules say, its cleared values into Historik", async () => {
  const { model } = await builtAndRead();
  const rolled = rollForward(model, WITH_TABLE);
  const next = rolled.content.tables?.[KEY];
  expect(values(next, "ref")).toEqual(["KF 12", "KF 14"]);
  expect(values(next, "amount")).toEqual([2.5, null]); // kept within the year
  expect(values(next, "comment")).toEqual([null, null]); // cleared …
  const history = rolled.content.tables?.history ?? [];
  const own = history.filter((r) => r.table === "tblBudgetjusteringar");
  // … into Historik, under the closed period and the row's key.
  expect(own.map((r) => [r.period, r.key, r.column, r.value])).toEqual([
    ["T2", "KF 12", "Kommentar", "Tilläggsanslag."],
    ["T2", "KF 14", "Kommentar", "Belopp saknas."],
  ]);
});

it("is carried over the year end as its yearEnd rules say", async () => {
  const { model } = await builtAndRead(contentWith(ROWS, { period: "Helår" }));
  const rolled = rollForward(model, WITH_TABLE);
  expect(values(rolled.content.tables?.[KEY], "amount")).toEqual([null, null]);
  const own = (rolled.content.tables?.history ?? []).filter(
    (r) => r.table === "tblBudgetjusteringar" && r.column === "Belopp"
  );
  expect(own.map((r) => [r.key, r.value])).toEqual([["KF 12", 2.5]]);
});

it("is carried by the package writer: the next workbook has its rows and Historik its values", async () => {
  const { bytes } = await builtAndRead();
  const next = await nextPeriodWorkbook(bytes, "ny-tabell.xlsx", REGISTRY, WITH_TABLE);
  expect(next.notCarried).toEqual([]);
  const model = parseModel(await readSnapshotFromBuffer(next.bytes, "nästa.xlsx"), REGISTRY);
  expect(model.settings.values.period).toBe("Helår");
  const rows = model.tables[KEY].rows.map((r) =>
    ["ref", "amount", "comment"].map((k) => r.cells[k].raw)
  );
  expect(rows).toEqual([
    ["KF 12", 2.5, null],
    ["KF 14", null, null],
  ]);
  const recorded = readHistory(model).filter((r) => r.table === "tblBudgetjusteringar");
  expect(recorded.map((r) => [r.key, r.column, r.value])).toEqual([
    ["KF 12", "Kommentar", "Tilläggsanslag."],
    ["KF 14", "Kommentar", "Belopp saknas."],
  ]);
});

it("is carried by Sammanställ: every unit's rows, Rapporterande enhet filled, IDs prefixed", async () => {
  const unit = async (name: string, code: string, rows: RowSpec[]) => {
    const content = contentWith(rows, { reportingUnit: name, unitCode: code });
    const snapshot = await readSnapshotFromBuffer(await bytesOf(content), `${name}.xlsx`);
    return reduceUnit(analyse(snapshot, {}, REGISTRY));
  };
  const units = [
    await unit("Hemtjänst", "HT", ROWS),
    await unit("Särskilt boende", "SÄBO", [{ ref: "KF 12", amount: -1 }]),
  ];
  const rows: readonly RowSpec[] =
    consolidate(units, { template: WITH_TABLE }).content.tables?.[KEY] ?? [];
  const cells = rows.map((r) => [r.ref, r.amount ?? null, r.reportingUnit]);
  expect(cells).toEqual([
    ["HT-KF 12", 2.5, "Hemtjänst"],
    ["HT-KF 14", null, "Hemtjänst"],
    ["SÄBO-KF 12", -1, "Särskilt boende"],
  ]);
});

it("does not compile without its rules: a table of the written version must say how it carries", () => {
  const lacking = defineTemplate({
    ...spec,
    tables: { ...spec.tables, volumes: { ...spec.tables.volumes, carry: undefined } },
  });
  // @ts-expect-error Volymer has no carry rule: Ny period would drop its rows.
  const written: WritableTemplate = lacking;
  expect(written.tables.volumes.carry).toBeUndefined();
});
