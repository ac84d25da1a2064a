/**
 * Trend and Målvärde uppnått (template v3, Indikatorer): each column's `computeText` against its
 * formula as LibreOffice calculated it, in a version-3 workbook saved by LibreOffice
 * (test/fixtures/libreoffice/README.md) whose rows cover every branch (indicatorRows.ts).
 */
import path from "node:path";
import type { Model } from "../../src/core/model";
import { parseModel } from "../../src/core/parse/parseModel";
import { TARGET_REACHED, TREND } from "../../src/core/template/columns";
import type { TextComputeInput } from "../../src/core/template/definition";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { INDICATOR_ROWS } from "../fixtures/libreoffice/indicatorRows";

const SAVED_BY_LIBREOFFICE = path.join(
  __dirname,
  "..",
  "fixtures",
  "libreoffice",
  "indikatorer-v3.xlsx"
);

let model: Model;
beforeAll(async () => {
  model = parseModel(await readSnapshotFromFile(SAVED_BY_LIBREOFFICE));
});

it("reads the LibreOffice-saved workbook as version 3, every row of the fixture", () => {
  expect(model.template.version).toBe(3);
  expect(model.indicators.map((r) => r.cells.id.value)).toEqual(INDICATOR_ROWS.map((r) => r.id));
});

describe.each([TREND, TARGET_REACHED].map((c) => [c.header, c] as const))("%s", (_h, column) => {
  it("computes what LibreOffice calculated from the formula, on every row", () => {
    const results = model.indicators.map((row) => {
      const values: Record<string, number | string | null> = {};
      // The cells as the formula sees them: numbers, and text as typed (a lower-case Riktning too).
      for (const [key, cell] of Object.entries(row.cells)) {
        const value = typeof cell.raw === "string" ? cell.raw : cell.value;
        values[key] = typeof value === "number" || typeof value === "string" ? value : null;
      }
      const cached = row.cells[column.key].raw;
      return {
        where: row.cells[column.key].address,
        computed: column.computeText(values as TextComputeInput) ?? "",
        calculated: cached === null ? "" : cached,
      };
    });
    for (const { where, computed, calculated } of results) {
      expect({ where, computed }).toEqual({ where, computed: calculated });
    }
    // Every value of the column's list occurs, and the empty result too: no branch untested.
    expect(new Set(results.map((r) => r.computed))).toEqual(
      new Set([
        "",
        ...(column === TREND ? ["Förbättrad", "Oförändrad", "Försämrad"] : ["Ja", "Nej"]),
      ])
    );
  });
});
