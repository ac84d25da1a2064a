/**
 * The example year (templates/exempel-2024-ar/): the committed files are what the script builds,
 * consistent with each other (each period's Prognos föregående tertial is the period before's
 * Prognos helår, Historik grows period by period, every ID carries), T2 holds the published
 * figures of exempel-2024-T2, and Prognosförändring's formula calculates in LibreOffice what its
 * `compute` says.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  EXAMPLE_YEAR_DIR,
  EXAMPLE_YEAR_FILES,
  exampleYear,
} from "../../scripts/build-example-year";
import type { Model } from "../../src/core/model";
import { parseModel } from "../../src/core/parse/parseModel";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { readWorkbook, summarizeWorkbook, writeAndRead } from "./templateSummary";

const ROOT = path.join(__dirname, "..", "..");
const FILES = EXAMPLE_YEAR_FILES.map((f) => path.join(ROOT, EXAMPLE_YEAR_DIR, f));
const PUBLISHED_T2 = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");

let t1: Model;
let t2: Model;
let helar: Model;
beforeAll(async () => {
  [t1, t2, helar] = await Promise.all(
    FILES.map(async (f) => parseModel(await readSnapshotFromFile(f)))
  );
});

const values = <K extends string>(
  rows: readonly { cells: Record<K, { value: unknown }> }[],
  key: K
) => rows.map((r) => r.cells[key].value);

const idsOf = (m: Model) =>
  [m.risks, m.actions, m.controls].map((rows) => rows.map((r) => r.cells.id.value));

it("is what npm run build:example-year builds", async () => {
  const year = await exampleYear();
  for (const [i, content] of year.entries()) {
    const [committed, built] = await Promise.all([
      readWorkbook(await fs.readFile(FILES[i])),
      writeAndRead(buildWorkbook(LATEST_TEMPLATE, content)),
    ]);
    expect(summarizeWorkbook(committed)).toEqual(summarizeWorkbook(built));
  }
});

it("is T1, T2 and Helår 2024 of one nämnd, in the latest template version", () => {
  expect(
    [t1, t2, helar].map((m) => [
      m.settings.values.organisation,
      m.settings.values.year,
      m.settings.values.period,
      m.template.version,
    ])
  ).toEqual([
    ["Vård- och omsorgsnämnden", 2024, "T1", 3],
    ["Vård- och omsorgsnämnden", 2024, "T2", 3],
    ["Vård- och omsorgsnämnden", 2024, "Helår", 3],
  ]);
});

it("carries each period's forecast into the next one's Prognos föregående tertial", () => {
  for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
    expect(values(t2[key], "previousForecast")).toEqual(values(t1[key], "forecast"));
    expect(values(helar[key], "previousForecast")).toEqual(values(t2[key], "forecast"));
    expect(values(t1[key], "previousForecast").every((v) => v === null)).toBe(true);
  }
  // T2 adds risk R5 and its åtgärd Å8 (so the T2 report has a new risk to show); Helår keeps all.
  const [risks, actions, controls] = idsOf(t1);
  expect(idsOf(t2)).toEqual([[...risks, "R5"], [...actions, "Å8"], controls]);
  expect(idsOf(helar)).toEqual(idsOf(t2));
});

it("holds the published T2 figures of exempel-2024-T2.xlsx in its T2", async () => {
  const published = parseModel(await readSnapshotFromFile(PUBLISHED_T2));
  const columns = ["actual", "budget", "forecast", "comment"] as const;
  for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
    for (const column of columns) {
      const rows: readonly { cells: Record<(typeof columns)[number], { value: unknown }> }[] =
        t2[key];
      expect({ key, column, values: values(rows, column) }).toEqual({
        key,
        column,
        values: values(published[key] as typeof rows, column),
      });
    }
  }
  expect(values(t2.incomeStatement, "priorYear")).toEqual(
    values(published.incomeStatement, "priorYear")
  );
  expect(values(t2.actions, "status")).toEqual(values(published.actions, "status"));
  expect(values(t2.controls, "result")).toEqual(values(published.controls, "result"));
});

it("keeps T1's and T2's forecasts in Helår's Historik", () => {
  const forecasts = (period: string) =>
    helar.history
      .filter(
        (h) =>
          h.cells.period.value === period &&
          h.cells.table.value === "tblResultatrakning" &&
          h.cells.column.value === "Prognos helår"
      )
      .map((h) => h.cells.value.raw);
  expect(forecasts("T1")).toEqual(values(t1.incomeStatement, "forecast"));
  expect(forecasts("T2")).toEqual(values(t2.incomeStatement, "forecast"));
  expect(t2.history.every((h) => h.cells.period.value === "T1")).toBe(true);
});

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

(hasSoffice ? it : it.skip)(
  "has a Prognosförändring formula that LibreOffice calculates as compute() does",
  async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-forecast-change-"));
    try {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          dir,
          FILES[1],
        ],
        { stdio: "ignore", timeout: 120_000 }
      );
      const saved = parseModel(await readSnapshotFromFile(path.join(dir, "T2.xlsx")));
      const change = LATEST_TEMPLATE.tables.incomeStatement.columns.find(
        (c) => c.key === "forecastChange"
      )!;
      let compared = 0;
      for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
        for (const row of saved[key]) {
          const computed = change.compute!({
            forecast: row.cells.forecast.value,
            previousForecast: row.cells.previousForecast.value,
          });
          const cached = row.cells.forecastChange.raw;
          // exceljs reads a cached 0 as no result, and LibreOffice writes "" for a blank result.
          const calculated =
            cached === null || cached === "" ? (computed === 0 ? 0 : null) : cached;
          expect({ at: row.cells.forecastChange.address, calculated }).toEqual({
            at: row.cells.forecastChange.address,
            calculated: computed === null ? null : expect.closeTo(computed, 9),
          });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(20);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
);
