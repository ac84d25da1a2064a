/**
 * Times the workbook reader on a template workbook whose tblAtgarder has many rows, once as
 * exceljs writes it and once with the absolute relationship targets openpyxl writes, which the
 * reader repairs before exceljs loads the file.
 *
 *   npx tsx scripts/measure-read.ts [--rows 10000] [--runs 5] [more.xlsx …]
 *
 * Prints the median of the runs for: plain exceljs loading the file as it is, the package step
 * alone (checks, limits, the reduced package exceljs gets), that step with exceljs loading its
 * result, and readSnapshotFromFile. Files go to test-output/measure-read/.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { RowOf } from "../src/core/template/content";
import { LISTS } from "../src/core/template/lists";
import { loadXlsx } from "../src/xlsx/exceljsShim";
import { readSnapshotFromFile } from "../src/xlsx/read/readSnapshotFromFile";
import { xlsxPackageForExceljs } from "../src/xlsx/read/xlsxPackage";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../src/xlsx/template/saveWorkbook";

const OUT = path.resolve(__dirname, "../test-output/measure-read");

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function actionRows(count: number): RowOf<"actions">[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `Å${i + 1}`,
    riskId: `R${1 + (i % 50)}`,
    text: `Åtgärd ${i + 1}: kartlägga och följa upp rutinen`,
    status: LISTS.atgardsstatus[i % LISTS.atgardsstatus.length],
    endDate: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
    responsible: "Verksamhetschef",
    followUpDate: new Date(Date.UTC(2024, 7, 31)),
    comment: `Arbetet fortskrider enligt plan (${i + 1}).`,
  }));
}

/** The same package with `Target="/xl/tables/…"`, as openpyxl writes worksheet relationships. */
async function withAbsoluteTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of zip.file(/^xl\/worksheets\/_rels\//)) {
    const rels = await file.async("string");
    zip.file(file.name, rels.replace(/Target="\.\.\//g, 'Target="/xl/'));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measure(file: string, runs: number): Promise<void> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const name = path.basename(file);
  // Plain exceljs cannot load absolute relationship targets at all (exceljs #1468).
  const original = await median(runs, () =>
    loadXlsx(new ExcelJS.Workbook(), bytes, { ignoreNodes: ["dataValidations"] })
  ).catch(() => null);
  const check = await median(runs, () => xlsxPackageForExceljs(bytes, name));
  const exceljs = await median(runs, async () => {
    const xlsx = await xlsxPackageForExceljs(bytes, name);
    return loadXlsx(new ExcelJS.Workbook(), xlsx, { ignoreNodes: ["dataValidations"] });
  });
  const read = await median(runs, () => readSnapshotFromFile(file));
  const ms = (value: number | null) =>
    (value === null ? "fails" : `${value.toFixed(0)} ms`).padStart(8);
  console.log(
    `${name.padEnd(38)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  exceljs${ms(original)}` +
      `  package${ms(check)}  package+exceljs${ms(exceljs)}  readSnapshotFromFile${ms(read)}`
  );
}

async function main(): Promise<void> {
  const rows = option("--rows", 10_000);
  const runs = option("--runs", 5);
  await fs.mkdir(OUT, { recursive: true });
  const plain = path.join(OUT, `atgarder-${rows}.xlsx`);
  const absolute = path.join(OUT, `atgarder-${rows}-absolute-targets.xlsx`);
  const bytes = await workbookBytes(
    buildWorkbook(LATEST_TEMPLATE, { tables: { actions: actionRows(rows) } })
  );
  await fs.writeFile(plain, bytes);
  await fs.writeFile(absolute, await withAbsoluteTargets(bytes));
  const extra = process.argv
    .slice(2)
    .filter((arg, i, all) => arg.endsWith(".xlsx") && !all[i - 1]?.startsWith("--"));
  await readSnapshotFromFile(plain); // warm-up, so that JIT compilation is not charged to the first file
  console.log(`median of ${runs} runs, Node ${process.version}`);
  for (const file of [plain, absolute, ...extra]) await measure(file, runs);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
