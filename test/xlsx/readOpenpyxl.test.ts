/**
 * The reader on files other programs wrote: openpyxl (absolute relationship targets, no cached
 * formula results, a note and a link on a sheet) and LibreOffice (the same file resaved).
 */
import ExcelJS from "exceljs";
import path from "node:path";
import type { Model } from "../../src/core/model";
import { analyse } from "../../src/core/pipeline";
import { cellAddress } from "../../src/core/snapshot";
import type { RowSpec } from "../../src/core/template/content";
import type { DataTableKey } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { SAMPLE_CONTENT } from "../../scripts/fixtures/sampleContent";

const FIXTURES = path.join(__dirname, "../fixtures/openpyxl");
const OPENPYXL = path.join(FIXTURES, "filled.xlsx");
const RESAVED = path.join(FIXTURES, "filled-resaved-by-libreoffice.xlsx");
/** Both writers put every table's header row at A3. */
const FIRST_DATA_ROW = 4;

/** Every value of SAMPLE_CONTENT is in the model, at the cell the fixture script wrote it to. */
function expectSampleContent(model: Model): void {
  // The fixtures are version-1 workbooks: their columns are v1's.
  for (const def of model.template.tableList) {
    if (def.key === "settings") continue;
    const specs: readonly RowSpec[] = SAMPLE_CONTENT.tables?.[def.key as DataTableKey] ?? [];
    const rows = model.tables[def.key].rows;
    expect(rows.map((r) => r.row)).toEqual(specs.map((_, i) => FIRST_DATA_ROW + i));
    specs.forEach((spec, i) => {
      def.columns.forEach((col, j) => {
        const cell = rows[i].cells[col.key];
        expect(cell.address).toBe(cellAddress(FIRST_DATA_ROW + i, 1 + j));
        if (col.kind !== "computed") {
          expect({ [`${def.name}.${col.header}`]: cell.raw }).toEqual({
            [`${def.name}.${col.header}`]: spec[col.key] ?? null,
          });
        }
      });
    });
  }
  // Template v1 has no rows for the settings later versions add: read as not set.
  const v2Settings = LATEST_TEMPLATE.settings.filter((s) => (s.since ?? 1) > 1).map((s) => s.key);
  expect(model.settings.values).toEqual({
    ...SAMPLE_CONTENT.settings,
    ...Object.fromEntries(v2Settings.map((key) => [key, null])),
    templateVersion: 1,
  });
}

describe("a workbook written by openpyxl", () => {
  it("is one exceljs alone cannot load (exceljs #1468), so the fixture tests the repair", async () => {
    const load = new ExcelJS.Workbook().xlsx.readFile(OPENPYXL, {
      ignoreNodes: ["dataValidations"],
    });
    await expect(load).rejects.toThrow();
  });

  it("reads completely, with no cached results for the computed columns", async () => {
    const { model } = analyse(await readSnapshotFromFile(OPENPYXL));
    expectSampleContent(model);
    expect(model.incomeStatement[0].cells.deviation).toMatchObject({ raw: null, address: "I4" });
    // The first action's Ansvarig carries a mailto link: it reads as its text.
    expect(model.actions[0].cells.responsible).toMatchObject({
      value: "Verksamhetschef",
      address: "F4",
    });
  });
});

describe("the same workbook resaved by LibreOffice", () => {
  it("reads the same content, with LibreOffice's cached results for the computed columns", async () => {
    const { model } = analyse(await readSnapshotFromFile(RESAVED));
    expectSampleContent(model);
    const [taxes, staff] = model.incomeStatement;
    expect(taxes.cells.deviation.raw).toBeCloseTo(63.5 - 62, 9);
    expect(staff.cells.deviation.raw).toBeCloseTo(-745.1 - -712.9, 9);
    expect(model.risks.map((r) => [r.cells.score.raw, r.cells.score.address])).toEqual([
      [9, "H4"],
      [4, "H5"],
    ]);
  });
});
