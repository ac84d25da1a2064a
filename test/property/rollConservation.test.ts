/**
 * Ny period loses nothing, checked by an independent reader: the example year rolled through
 * T1 → T2 → Helår → T1 → T2 twice over two years, the ekonom filling each new period between
 * rolls (with the awkward values an ekonom does type: a row without key, a comment longer than a
 * cell, a date in an amount cell, an error value). After every roll openpyxl
 * (test/helpers/conservation.py) finds every value of the workbook before either in the same
 * table after or in Historik, and every Historik row before still there. Rolling a period again
 * (Period set back) loses nothing either.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf, type RowSpec, type WorkbookContent } from "../../src/core/template/content";
import type { DataTableKey } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { nextPeriodWorkbook } from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";

const EXAMPLE_YEAR = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar");
const CHECKER = path.join(__dirname, "..", "helpers", "conservation.py");

interface Conservation {
  readonly missing: readonly Record<string, string>[];
  readonly historyLost: readonly string[][];
  readonly checked: number;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-conservation-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** openpyxl's verdict on one roll: what of `before` is found neither in `after` nor in its Historik. */
async function conservation(before: Uint8Array, after: Uint8Array): Promise<Conservation> {
  const [b, a] = [path.join(dir, "before.xlsx"), path.join(dir, "after.xlsx")];
  await fs.writeFile(b, before);
  await fs.writeFile(a, after);
  const run = spawnSync("/usr/bin/python3", [CHECKER, b, a], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Conservation;
}

async function contentOfBytes(bytes: Uint8Array): Promise<WorkbookContent> {
  return contentOf(parseModel(await readSnapshotFromBuffer(bytes, "arbetsbok.xlsx")));
}

const rowsOf = (content: WorkbookContent, table: DataTableKey): RowSpec[] => [
  ...((content.tables?.[table] ?? []) as RowSpec[]),
];

/**
 * What the ekonom types into a new period: outcomes, forecasts, comments and statuses, different
 * each period (`n`), plus the awkward values: a Driftsredovisning row without Verksamhet, a
 * comment longer than a cell, a date typed in an amount cell and an error value.
 */
function filled(content: WorkbookContent, n: number): WorkbookContent {
  const amount = (i: number) => Math.round((i + 1) * 10 * n + n / 10) / 10;
  const ledger = (rows: RowSpec[]): RowSpec[] =>
    rows.map((row, i) => ({
      ...row,
      actual: -amount(i),
      periodBudget: -amount(i) + 1,
      forecast: -amount(i) * 3,
      comment: `Period ${n}, rad ${i + 1}: kommentar.`,
    }));
  const operating = ledger(rowsOf(content, "operatingStatement"));
  const keyless: RowSpec = {
    area: "Utan verksamhet",
    actual: 7 + n,
    forecast: 21 + n,
    comment: `Rad utan nyckel, period ${n}.`,
  };
  const income = ledger(rowsOf(content, "incomeStatement"));
  income[0] = { ...income[0], comment: `Lång kommentar ${n}: ${"x".repeat(40_000)}` };
  income[1] = { ...income[1], periodBudget: new Date(Date.UTC(2020, 0, n)) };
  income[2] = { ...income[2], actual: { error: "#REF!" } };
  const statuses = ["Ej påbörjad", "Pågående", "Avslutad"];
  return {
    ...content,
    tables: {
      ...content.tables,
      incomeStatement: income,
      operatingStatement: [...operating.filter((r) => r.activity !== undefined), keyless],
      volumes: rowsOf(content, "volumes").map((r, i) => ({ ...r, forecastVolume: 100 + i + n })),
      investments: rowsOf(content, "investments").map((r, i) => ({
        ...r,
        actual: amount(i),
        forecast: amount(i) * 2,
        comment: `Investering period ${n}.`,
      })),
      actions: rowsOf(content, "actions").map((r, i) => ({
        ...r,
        status: statuses[(i + n) % statuses.length],
      })),
      controls: rowsOf(content, "controls").map((r, i) => ({
        ...r,
        result: i % 2 === 0 ? "Utan anmärkning" : "Avvikelse",
        comment: `Kontroll period ${n}.`,
      })),
    },
  };
}

async function written(content: WorkbookContent): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));
}

async function rollChecked(before: Uint8Array, name: string): Promise<Uint8Array> {
  const { bytes } = await nextPeriodWorkbook(before, name);
  const verdict = await conservation(before, bytes);
  expect({ roll: name, missing: verdict.missing, historyLost: verdict.historyLost }).toEqual({
    roll: name,
    missing: [],
    historyLost: [],
  });
  expect(verdict.checked).toBeGreaterThan(100);
  return bytes;
}

describe("Ny period over two years, checked by openpyxl", () => {
  it("keeps every value in the next workbook or in Historik, roll after roll", async () => {
    const year2024 = await Promise.all(
      ["T1", "T2", "Helår"].map(
        async (p) => new Uint8Array(await fs.readFile(path.join(EXAMPLE_YEAR, `${p}.xlsx`)))
      )
    );
    // The example year as published: each period's workbook rolled on.
    await rollChecked(year2024[0], "T1 2024.xlsx");
    await rollChecked(year2024[1], "T2 2024.xlsx");
    let current = await rollChecked(year2024[2], "Helår 2024.xlsx");
    // Two more years, the ekonom filling each period in between: 2025 T1 … 2026 T2.
    for (const [n, label] of ["T1 2025", "T2 2025", "Helår 2025", "T1 2026"].entries()) {
      const before = await written(filled(await contentOfBytes(current), n + 1));
      current = await rollChecked(before, `${label}.xlsx`);
    }
    const last = await contentOfBytes(current);
    expect(last.settings).toMatchObject({ year: 2026, period: "T2" });
  }, 600_000);

  it("loses nothing when a period is rolled again (Period set back)", async () => {
    const t2 = new Uint8Array(await fs.readFile(path.join(EXAMPLE_YEAR, "T2.xlsx")));
    const helar = await rollChecked(t2, "T2 2024.xlsx");
    const content = await contentOfBytes(helar);
    const setBack = await written(
      filled({ ...content, settings: { ...content.settings, period: "T2" } }, 9)
    );
    await rollChecked(setBack, "T2 igen.xlsx");
  }, 300_000);
});
