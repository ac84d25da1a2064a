/**
 * `npm run bench`: builds a large filled workbook and prints, from one run, time and peak memory of
 * each task next to its plain-exceljs baseline, and the ratio. Each task runs in its own process.
 * Then three years of Ny period (rollYears.ts: per roll time, peak memory, Historik's rows, the
 * result read back). Then the Word report: `tertial rapport` as .docx against the .xlsx report,
 * time and peak memory, on the large workbook and on one of 49,990 åtgärder in a 2 GB heap.
 * Then the Office.js host's round trips (context.sync calls) and request sizes, on the recording
 * fake, at 100, 1,000 and 10,000 åtgärder (always at full size). Last, files built to overload the
 * reader (a merged range over a whole sheet, a table of 1,048,576 filled rows, a zip bomb): each
 * must be read or refused, in well under 1 s and 200 MB for the merge bomb. Then `tertial
 * sammanstall` of 30 and 300 unit workbooks of the example's size against 300 plain exceljs loads
 * of the same files, one after another. Then `tertial importera` of large SIE files against a
 * plain line split of them. Then the built CLI's start-up (cliStart.ts).
 * Options: --scale N (divide the sizes by N, for a quick look), --hostile (only the hostile inputs), --validera (only the large workbook's validation
 * against exceljs loading it), --ny-period (only the large workbook's roll-forward against exceljs
 * loading and writing it), --ny-period-years (only three years of rolls, rollYears.ts),
 * --sammanstall (only the sammanställning), --word (only the Word report's figures), --cli-start
 * (only the built CLI's start-up, cliStart.ts), --sie (only `tertial importera` of generated SIE
 * typ-4 files of 100,000 and 1,000,000 #TRANS lines against a plain line split of the same files).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyse, generateReport } from "../src/core/pipeline";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { reportDocumentBytes } from "../src/docx/wordReport";
import { readSnapshotFromFile } from "../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { measureOfficeHost } from "../test/excel/officeHostCost";
import { cliStartFigures } from "./cliStart";
import type { HostileFile } from "./hostileFiles";
import { LARGE, largeContent, type Sizes } from "./largeContent";
import { rollYearsFigures } from "./rollYears";
import { sieWorkbook } from "./sieFile";

const OUT = path.join(__dirname, "out");

interface Measurement {
  ms: number;
  cpuMs: number;
  /** CPU time of the task alone, without the process's start-up. */
  taskCpuMs: number;
  peakRssMb: number;
  outcome: "read" | "refused";
}

const scaled = (sizes: Sizes, divisor: number): Sizes => ({
  risks: Math.ceil(sizes.risks / divisor),
  actions: Math.ceil(sizes.actions / divisor),
  controls: Math.ceil(sizes.controls / divisor),
  operating: Math.ceil(sizes.operating / divisor),
});

const size = (bytes: number) =>
  bytes < 100_000 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;

/** The Word renderer alone, in process: the example, median of 5. */
async function exampleWordFigure(): Promise<void> {
  const example = path.join(__dirname, "..", "templates", "exempel-2024-T2.xlsx");
  const doc = generateReport(analyse(await readSnapshotFromFile(example))).doc;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    bytes = (await reportDocumentBytes(doc)).length;
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[2];
  console.log(`  example, reportDocumentBytes   ${(ms / 1000).toFixed(2)} s   ${size(bytes)}`);
}

/** The workbook of the benchmark with `actions` åtgärder, written once to bench/out/. */
async function largeWorkbook(actions: number): Promise<string> {
  const file = path.join(OUT, `large-${actions}.xlsx`);
  const content = largeContent({ ...LARGE, actions });
  await fs.writeFile(
    file,
    new Uint8Array(await buildWorkbook(LATEST_TEMPLATE, content).xlsx.writeBuffer())
  );
  return file;
}

/**
 * `tertial rapport` as .xlsx and as .docx of the same workbook, one run of each, alternating, each
 * in its own process: at 10,000 åtgärder (goal: Word within the .xlsx report's time, < 600 MB) and
 * at 49,990 (inside the read limits) in a 2 GB heap, an 8 GB laptop's (goal: written, or refused
 * with a Swedish message; never V8's heap trace).
 */
async function wordFigures(tenThousand: string): Promise<void> {
  console.log("\nWord report: tertial rapport --format docx against the .xlsx report");
  await exampleWordFigure();
  const fiftyThousand = await largeWorkbook(49_990);
  for (const [label, input, heap] of [
    ["10,000 åtgärder", tenThousand, undefined],
    ["49,990 åtgärder, 2 GB heap", fiftyThousand, 2048],
  ] as const) {
    const xlsx = measure("rapport", input, path.join(OUT, "word-bench.xlsx"), heap);
    const docx = measure("rapport", input, path.join(OUT, "word-bench.docx"), heap);
    const cpu = (m: Measurement) => `(CPU ${(m.cpuMs / 1000).toFixed(2)} s)`;
    console.log(`  ${label.padEnd(28)} xlsx ${fmt(xlsx)} ${cpu(xlsx)}`);
    console.log(`  ${"".padEnd(28)} docx ${fmt(docx)} ${cpu(docx)}, ${docx.outcome}`);
    console.log(
      `  ${"".padEnd(28)} ratio docx/xlsx ${ratio(docx, xlsx)}, ` +
        `CPU ${(docx.cpuMs / xlsx.cpuMs).toFixed(2)}   (goal time ≤ 1.0)`
    );
  }
}

async function officeHostFigures(): Promise<void> {
  console.log(
    "\nOffice.js host on the recording fake (request budget 4 MB; Excel on the web rejects > 5 MB)"
  );
  console.log(
    "  åtgärder   Validera: syncs, largest request, largest response   " +
      "Generera rapport: syncs (read + writes), write requests"
  );
  for (const divisor of [100, 10, 1]) {
    const sizes = scaled(LARGE, divisor);
    const { validate, generate } = await measureOfficeHost(largeContent(sizes));
    const writes = generate.writeRequestBytes.map(size).join(" + ");
    console.log(
      `  ${String(sizes.actions).padStart(8)}   ${String(validate.syncs).padStart(8)}, ` +
        `${size(validate.largestRequestBytes).padStart(9)}, ${size(validate.largestResponseBytes).padStart(9)}` +
        `                 ${String(generate.syncs).padStart(5)} (1 + ${generate.writeRequestBytes.length}), ${writes}`
    );
  }
}

/** `task` in a process of its own; `heapMb` sets its V8 heap (--max-old-space-size). */
function measure(task: string, input: string, extra?: string, heapMb?: number): Measurement {
  const resultFile = path.join(OUT, `${task}.json`);
  const child = spawnSync(
    process.execPath,
    [
      ...(heapMb !== undefined ? [`--max-old-space-size=${heapMb}`] : []),
      "--import",
      "tsx",
      path.join(__dirname, "measure.ts"),
      task,
      input,
      resultFile,
      ...(extra ? [extra] : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" }
  );
  // 3: the task failed; anything else (V8's 134 when out of memory, a signal) as much.
  if (child.status !== 0) {
    throw new Error(`bench task ${task} failed:\n${child.stderr}`);
  }
  return JSON.parse(readFileSync(resultFile, "utf8")) as Measurement;
}

const fmt = (m: Measurement) => `${(m.ms / 1000).toFixed(2)} s, ${m.peakRssMb.toFixed(0)} MB`;
const ratio = (b: Measurement, a: Measurement) =>
  `time ${(b.ms / a.ms).toFixed(2)}, memory ${(b.peakRssMb / a.peakRssMb).toFixed(2)}`;

/** The report's cell values, for a baseline that writes an equally large workbook. */
async function reportValues(reportFile: string, valuesFile: string): Promise<number> {
  const workbook = await new ExcelJS.Workbook().xlsx.readFile(reportFile);
  const sheets: Record<string, unknown[][]> = {};
  let cells = 0;
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Object ? String(v) : v));
      cells += values.filter((v) => v !== undefined && v !== null).length;
      rows.push(values);
    });
    sheets[sheet.name] = rows;
  });
  await fs.writeFile(valuesFile, JSON.stringify(sheets));
  return cells;
}

/** `tertial validera` on each hostile file: read or refused, time and peak memory. */
function hostileFigures(): void {
  // Built by a process of its own (see hostileFiles.ts): peak memory is inherited by children.
  const build = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "hostileFiles.ts"), OUT],
    { encoding: "utf8", maxBuffer: 1024 * 1024 }
  );
  if (build.status !== 0) throw new Error(`building the hostile files failed:\n${build.stderr}`);
  console.log(
    "\nHostile inputs, tertial validera (plain exceljs dies of the merge bomb: out of memory)"
  );
  for (const { label, file, bytes } of JSON.parse(build.stdout) as HostileFile[]) {
    const m = measure("hostile", file);
    console.log(
      `  ${label.padEnd(40)} ${size(bytes).padStart(9)}   ${m.outcome.padEnd(7)} ${fmt(m)}`
    );
  }
}

/** `tertial validera` on the large workbook against exceljs loading it. */
function validationFigures(input: string): void {
  const load = measure("load", input);
  const validate = measure("validera", input);
  console.log(`\n(a) exceljs load alone          ${fmt(load)}`);
  console.log(`(b) tertial validera            ${fmt(validate)}`);
  console.log(`    ratio b/a                   ${ratio(validate, load)}   (goal ≤ 1.2)`);
}

/** `tertial ny-period` on the large workbook against exceljs loading and writing it again. */
function newPeriodFigures(input: string): void {
  const rolledFile = path.join(OUT, "large-ny-period.xlsx");
  const loadWrite = measure("loadWriteSame", input);
  const roll = measure("nyPeriod", input, rolledFile);
  console.log(`\n(e) exceljs load + write of the same workbook  ${fmt(loadWrite)}`);
  console.log(`(f) tertial ny-period                         ${fmt(roll)}`);
  console.log(
    `    ratio f/e                                 ${ratio(roll, loadWrite)}   (goal ≤ 1.5)`
  );
}

/** `tertial sammanstall` of 30 and 300 units, and 300 plain exceljs loads of the same files. */
function consolidationFigures(): void {
  console.log(
    "\nSammanställning of unit workbooks of the example's size " +
      `(${os.availableParallelism()} cores; worker threads from 8 files on)`
  );
  // The measured command is the built CLI (its workers are dist/cli/unitWorker.js): build it.
  const cli = spawnSync("npm", ["run", "build:cli"], {
    cwd: path.join(__dirname, ".."),
    encoding: "utf8",
  });
  if (cli.status !== 0) throw new Error(`building the CLI failed:\n${cli.stdout}${cli.stderr}`);
  const measured: Record<number, Measurement> = {};
  for (const count of [30, 300]) {
    const folder = path.join(OUT, `enheter-${count}`);
    // Built by a process of its own (see unitWorkbooks.ts): peak memory is inherited by children.
    const build = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(__dirname, "unitWorkbooks.ts"), folder, String(count)],
      { encoding: "utf8" }
    );
    if (build.status !== 0) throw new Error(`building the unit workbooks failed:\n${build.stderr}`);
    const { bytes } = JSON.parse(build.stdout) as { bytes: number };
    measured[count] = measure("sammanstall", folder, path.join(OUT, `nämnd-${count}.xlsx`));
    console.log(
      `  (g) tertial sammanstall, ${String(count).padStart(3)} units (${size(bytes)})   ` +
        fmt(measured[count])
    );
  }
  const loads = measure("loadEach", path.join(OUT, "enheter-300"));
  console.log(`  (h) exceljs load of the 300, one after another   ${fmt(loads)}`);
  console.log(
    `      ratio g(300)/h                               ${ratio(measured[300], loads)}   (goal ≤ 1.0)`
  );
}

/** The bench's SIE file of `count` #TRANS lines, written by a process of its own; its size. */
function sieFile(count: number): { file: string; bytes: number } {
  const file = path.join(OUT, `verifikationer-${count}.se`);
  const build = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "sieFile.ts"), file, String(count)],
    { encoding: "utf8" }
  );
  if (build.status !== 0) throw new Error(`building the SIE file failed:\n${build.stderr}`);
  return { file, bytes: (JSON.parse(build.stdout) as { bytes: number }).bytes };
}

/**
 * `tertial importera` of SIE typ-4 files of 100,000 and 1,000,000 #TRANS lines into a T2
 * workbook, as issue 22 measures it: the cost of the file's lines (its import minus the import
 * of a file of one voucher into the same workbook) against a plain Node program that reads the
 * same file and splits its lines; with each import's peak memory. Fastest of three runs each,
 * alternating, since other work on the machine only ever adds time.
 */
async function sieFigures(divisor: number): Promise<void> {
  console.log(
    "\nSIE typ 4, tertial importera: the lines' cost (import of the file − import of one voucher) " +
      "against a plain line split"
  );
  const workbook = path.join(OUT, "sie-arbetsbok.xlsx");
  await sieWorkbook(workbook);
  const tiny = sieFile(4).file;
  const peaks: number[] = [];
  for (const count of [100_000, 1_000_000].map((n) => Math.ceil(n / divisor))) {
    const { file, bytes } = sieFile(count);
    const runs = {
      split: [] as Measurement[],
      large: [] as Measurement[],
      tiny: [] as Measurement[],
    };
    for (let run = 0; run < 3; run++) {
      runs.split.push(measure("lineSplit", file));
      runs.large.push(measure("importera", file, workbook));
      runs.tiny.push(measure("importera", tiny, workbook));
    }
    const best = (all: Measurement[], time: (m: Measurement) => number) =>
      Math.min(...all.map(time));
    const wall = (m: Measurement) => m.ms;
    const cpu = (m: Measurement) => m.taskCpuMs;
    const linesMs = best(runs.large, wall) - best(runs.tiny, wall);
    const linesCpuMs = best(runs.large, cpu) - best(runs.tiny, cpu);
    const peak = Math.max(...runs.large.map((m) => m.peakRssMb));
    peaks.push(peak);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  ${String(count).padStart(9)} #TRANS (${size(bytes)}), time (CPU time)   ` +
        `line split ${s(best(runs.split, wall))} (${s(best(runs.split, cpu))})   ` +
        `importera ${s(best(runs.large, wall))} (${s(best(runs.large, cpu))}), ` +
        `one voucher ${s(best(runs.tiny, wall))} (${s(best(runs.tiny, cpu))})`
    );
    console.log(
      `  ${"".padStart(9)}   the lines' cost ${s(linesMs)} (${s(linesCpuMs)})   ratio ` +
        `${(linesMs / best(runs.split, wall)).toFixed(2)} (CPU ${(linesCpuMs / best(runs.split, cpu)).toFixed(2)})` +
        `   (goal ≤ 3)   peak memory ${peak.toFixed(0)} MB`
    );
  }
  console.log(
    `  peak memory of the import, 1,000,000 against 100,000 lines: ${(peaks[1] / peaks[0]).toFixed(2)}   (goal: about 1)`
  );
}

/** --scale N: the sizes divided by N, for a quick look. */
function scaleOf(): number {
  const at = process.argv.indexOf("--scale");
  return at > 0 ? Number(process.argv[at + 1]) : 1;
}

async function main(): Promise<void> {
  if (process.argv.includes("--cli-start")) {
    cliStartFigures();
    return;
  }
  if (process.argv.includes("--sie")) {
    await fs.mkdir(OUT, { recursive: true });
    await sieFigures(scaleOf());
    return;
  }
  if (process.argv.includes("--sammanstall")) {
    await fs.mkdir(OUT, { recursive: true });
    consolidationFigures();
    return;
  }
  if (process.argv.includes("--ny-period-years")) {
    await fs.mkdir(OUT, { recursive: true });
    await rollYearsFigures(scaled(LARGE, scaleOf()), measure, OUT);
    return;
  }
  if (process.argv.includes("--hostile")) {
    await fs.mkdir(OUT, { recursive: true });
    hostileFigures();
    return;
  }
  const sizes = scaled(LARGE, scaleOf());
  await fs.mkdir(OUT, { recursive: true });
  const input = path.join(OUT, `large-${sizes.actions}.xlsx`);
  const start = performance.now();
  await fs.writeFile(
    input,
    new Uint8Array(await buildWorkbook(LATEST_TEMPLATE, largeContent(sizes)).xlsx.writeBuffer())
  );
  const { size } = await fs.stat(input);
  console.log(
    `Workbook: ${sizes.risks} risker, ${sizes.actions} åtgärder, ${sizes.controls} kontroller, ` +
      `${sizes.operating} driftsrader; ${(size / 1e6).toFixed(1)} MB, built in ${((performance.now() - start) / 1000).toFixed(1)} s`
  );

  if (process.argv.includes("--word")) {
    await wordFigures(input);
    return;
  }

  if (process.argv.includes("--ny-period")) {
    newPeriodFigures(input);
    return;
  }

  validationFigures(input);
  if (process.argv.includes("--validera")) return;

  const reportFile = path.join(OUT, "large-rapport.xlsx");
  const report = measure("rapport", input, reportFile);
  const valuesFile = path.join(OUT, "report-values.json");
  const cells = await reportValues(reportFile, valuesFile);
  const loadWrite = measure("loadWrite", input, valuesFile);
  console.log(`\n(c) exceljs load + write ${cells} cells  ${fmt(loadWrite)}`);
  console.log(`(d) tertial rapport             ${fmt(report)}`);
  console.log(`    ratio d/c                   ${ratio(report, loadWrite)}   (goal ≤ 1.3)`);

  newPeriodFigures(input);
  await rollYearsFigures(sizes, measure, OUT);
  await wordFigures(input);

  await officeHostFigures();
  hostileFigures();
  consolidationFigures();
  await sieFigures(1);
  cliStartFigures();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
