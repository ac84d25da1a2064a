/**
 * Each computed column's `compute` against its formula as a spreadsheet calculates it: the
 * LibreOffice-saved example holds LibreOffice's own results of the template's formulas (cached
 * values), read here and compared with compute() on the same rows.
 */
import path from "node:path";
import type { Model } from "../../src/core/model";
import { parseModel } from "../../src/core/parse/parseModel";
import type { ComputeInput } from "../../src/core/template/definition";
import { TEMPLATE_V1 } from "../../src/core/template/v1";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

const SAVED_BY_LIBREOFFICE = path.join(
  __dirname,
  "..",
  "fixtures",
  "libreoffice",
  "exempel-2024-T2.xlsx"
);

// The LibreOffice-saved example is a version-1 workbook: its computed columns are v1's.
const computedColumns = TEMPLATE_V1.tableList.flatMap((table) =>
  table.columns.flatMap((column) => (column.compute ? [{ table, column }] : []))
);

let model: Model;
beforeAll(async () => {
  model = parseModel(await readSnapshotFromFile(SAVED_BY_LIBREOFFICE));
});

it("covers every computed column of the template, each with a formula", () => {
  expect(computedColumns.map(({ column }) => column.header)).toEqual([
    "Avvikelse prognos mot budget",
    "Avvikelse prognos mot budget",
    "Avvikelse volym",
    "Avvikelse prognos mot budget",
    "Riskvärde",
  ]);
  for (const { column } of computedColumns) expect(column.formula).toBeDefined();
});

describe.each(computedColumns.map((c) => [`${c.table.sheet}: ${c.column.header}`, c] as const))(
  "%s",
  (_name, { table, column }) => {
    it("computes what LibreOffice calculated from the formula, on every example row", () => {
      const rows = model.tables[table.key].rows;
      expect(rows.length).toBeGreaterThan(0);
      let compared = 0;
      for (const row of rows) {
        const values: Record<string, number | null> = {};
        for (const [key, cell] of Object.entries(row.cells)) {
          values[key] = typeof cell.value === "number" ? cell.value : null;
        }
        const computed = column.compute!(values as ComputeInput);
        const cached = row.cells[column.key].raw;
        const where = `${table.sheet}!${row.cells[column.key].address}`;
        if (computed === null) {
          // An input is blank: the spreadsheet counts it as 0, Tertial reports the value as missing.
          expect({ where, computed }).toEqual({ where, computed: null });
          continue;
        }
        // exceljs reads a cached result of 0 (`<v>0</v>`, e.g. Volymer!E4) as no result at all.
        const calculated = cached === null && computed === 0 ? 0 : cached;
        expect({ where, calculated: typeof calculated }).toEqual({ where, calculated: "number" });
        expect({ where, agrees: Math.abs(computed - (calculated as number)) < 1e-9 }).toEqual({
          where,
          agrees: true,
        });
        compared += 1;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
);
