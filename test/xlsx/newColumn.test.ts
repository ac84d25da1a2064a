/**
 * A new column needs only the definition: a throwaway column added to a copy of the latest
 * definition appears in the built template, in the parsed Model (typed), and in the data-driven
 * rules, without an edit anywhere else; the report is built from the same Model unchanged. (A
 * column the report should show is one more entry in that report table's spec.)
 */
import { contentOf, type RowSpec } from "../../src/core/template/content";
import { defineTemplate, type ColumnDef } from "../../src/core/template/definition";
import { TEMPLATE_V3_SPEC } from "../../src/core/template/v3";
import { parseModel } from "../../src/core/parse/parseModel";
import { generateReport } from "../../src/core/pipeline";
import { plainText } from "../../src/core/report/plainText";
import { rollup } from "../../src/core/rollup/rollup";
import { validate } from "../../src/core/validate";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { DEFAULT_SETTINGS } from "../helpers/snapshot";

const SHARE = {
  key: "staffShare",
  header: "Andel personal",
  kind: "integer",
  required: true,
  min: 0,
  max: 100,
  width: 14,
  help: "Andel av volymen som utförs av egen personal, i procent.",
} as const satisfies ColumnDef;

const spec = TEMPLATE_V3_SPEC;
const WITH_SHARE = defineTemplate({
  ...spec,
  tables: {
    ...spec.tables,
    volumes: { ...spec.tables.volumes, columns: [...spec.tables.volumes.columns, SHARE] },
  },
});

// Rows as content from elsewhere (a RowSpec): the latest template's typed content has no such key.
const ROWS: RowSpec[] = [
  { activity: "Hemtjänst", budgetVolume: 100, forecastVolume: 110, staffShare: 80 },
  { activity: "Särskilt boende", budgetVolume: 50, forecastVolume: 50, staffShare: 140 },
  { activity: "Korttidsvård", budgetVolume: 20, forecastVolume: 22 },
];

async function builtAndRead() {
  const workbook = buildWorkbook(WITH_SHARE, {
    settings: DEFAULT_SETTINGS,
    tables: { volumes: ROWS },
  });
  const snapshot = await readSnapshotFromBuffer(await workbookBytes(workbook), "ny-kolumn.xlsx");
  return { snapshot, model: parseModel(snapshot, [WITH_SHARE]) };
}

it("is written into the template, after the table's other columns", async () => {
  const { snapshot } = await builtAndRead();
  const volumes = snapshot.tables.find((t) => t.name === "tblVolymer")!;
  expect(volumes.headers.at(-1)).toBe("Andel personal");
  expect(volumes.rows.map((r) => r.at(-1))).toEqual([80, 140, null]);
});

it("is read into the Model under its key, as its kind, and back into content", async () => {
  const { model } = await builtAndRead();
  expect(model.template).toBe(WITH_SHARE);
  expect(model.tables.volumes.rows.map((r) => r.cells.staffShare.value)).toEqual([80, 140, null]);
  expect(contentOf(model).tables?.volumes?.map((r) => (r as RowSpec).staffShare)).toEqual([
    80,
    140,
    undefined,
  ]);
});

it("is checked by the rules the definition drives: required and range", async () => {
  const { model } = await builtAndRead();
  const found = validate(model).filter((f) => f.sheet === "Volymer");
  expect(found.map((f) => [f.code, f.cell])).toEqual([
    // Volymer's eighth column is v2's Rapporterande enhet, so the new one is the ninth.
    ["varde-utanfor-intervall", "I5"],
    ["obligatorisk-saknas", "I6"],
  ]);
  expect(found[1].message).toContain("Andel personal");
});

it("leaves the report to build from the Model as before, the new column's findings in Kontrollresultat", async () => {
  const { model } = await builtAndRead();
  const rolled = rollup(model);
  const findings = validate(model, {}, rolled);
  const text = plainText(generateReport({ model, rollup: rolled, findings }).doc);
  expect(text).toMatch(/Hemtjänst.*Särskilt boende.*Korttidsvård/s);
  expect(text).toContain("Andel personal");
});
