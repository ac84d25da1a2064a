/** "Källa: Kolada" only under a table that shows a value from Kolada. */
import { koladaCredit, koladaKpi } from "../../../src/core/kolada/koladaFill";
import { parseModel } from "../../../src/core/parse/parseModel";
import type { RowOf } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/saveWorkbook";
import { T1_2024 } from "../cycle/yearContent";

async function indicators(rows: readonly RowOf<"indicators">[]) {
  const bytes = await workbookBytes(
    buildWorkbook(LATEST_TEMPLATE, { ...T1_2024, tables: { ...T1_2024.tables, indicators: rows } })
  );
  return parseModel(await readSnapshotFromBuffer(bytes, "a.xlsx")).indicators;
}

const row = (id: string, source: string | null, actual: number | null): RowOf<"indicators"> => ({
  id,
  indicator: `Indikator ${id}`,
  area: "Mål",
  source,
  actual,
});

it("credits Kolada when a Kolada indicator shows a value, and only then", async () => {
  expect(
    koladaCredit(await indicators([row("I1", "Kolada:N00945", 9.4), row("I2", null, 1)]))
  ).toBe("Källa: Kolada");
  expect(
    koladaCredit(await indicators([row("I1", "Kolada:N00945", null), row("I2", "Egen", 1)]))
  ).toBeNull();
  expect(koladaCredit([])).toBeNull();
});

it("reads the KPI id of a Källa in any case and spacing, nothing else", () => {
  expect(koladaKpi("Kolada:N00945")).toBe("N00945");
  expect(koladaKpi(" kolada : u23471 ")).toBe("U23471");
  expect(koladaKpi("Kolada")).toBeNull();
  expect(koladaKpi("SCB:N00945")).toBeNull();
  expect(koladaKpi(null)).toBeNull();
});
