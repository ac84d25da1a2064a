/**
 * One measurement in a process of its own, so peak memory (maxRSS) belongs to that task alone.
 * Usage: tsx bench/measure.ts <task> <input.xlsx> <result.json> [extra]
 * Writes { ms, cpuMs, taskCpuMs, peakRssMb, outcome } to result.json (cpuMs: user and system CPU
 * time of the process, taskCpuMs: of the task alone, without start-up; both less
 * swayed than wall time by other work on the machine); stdout and stderr are the task's own.
 */
import ExcelJS from "exceljs";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import type { consolidateCommand as ConsolidateCommand } from "../src/cli/consolidateCommand";
import { importCommand } from "../src/cli/importCommand";
import { newPeriodCommand } from "../src/cli/newPeriodCommand";
import { reportCommand } from "../src/cli/reportCommand";
import { validateCommand } from "../src/cli/validateCommand";
import { UnusableWorkbookError } from "../src/core/errors";
import { nextPeriodWorkbook } from "../src/xlsx/cycle/nextPeriodWorkbook";

/** A task resolves to "refused" when it refused the file as unusable (a hostile input). */
type Task = (input: string, extra?: string) => Promise<unknown>;

const TASKS: Record<string, Task> = {
  /**
   * `tertial importera <extra> <input> -o <input>.xlsx --force`, in process: the workbook `extra`
   * filled from the ledger file `input`.
   */
  importera: (input, workbook) =>
    importCommand(workbook!, input, { output: `${input}.xlsx`, force: true }),
  /** A plain Node program reading the same file and splitting it into lines: the SIE baseline. */
  lineSplit: async (input) => {
    let carry = "";
    let lines = 0;
    for await (const chunk of createReadStream(input)) {
      const parts = (carry + (chunk as Buffer).toString("latin1")).split("\n");
      carry = parts.pop()!;
      lines += parts.length;
    }
    return lines > 0 ? "read" : "refused";
  },
  /** exceljs loading the file alone, as any program would. */
  load: async (input) => new ExcelJS.Workbook().xlsx.readFile(input),
  /** `tertial validera --json`, in process. */
  validera: (input) => validateCommand(input, { json: true }),
  /** `tertial validera` on a file built to overload it: read, or refused with a message. */
  hostile: (input) =>
    validateCommand(input, { json: true }).then(
      () => "read",
      (error: unknown) => {
        if (error instanceof UnusableWorkbookError) return "refused";
        throw error;
      }
    ),
  /** exceljs loading every .xlsx file of the folder `input`, one after another. */
  loadEach: async (input) => {
    for (const name of (await fs.readdir(input)).filter((n) => n.endsWith(".xlsx"))) {
      await new ExcelJS.Workbook().xlsx.readFile(path.join(input, name));
    }
  },
  /**
   * `tertial sammanstall <folder> -o extra --force`, in process, from the built CLI (dist/): its
   * worker threads run dist/cli/unitWorker.js, as an installed Tertial's do.
   */
  sammanstall: async (input, output) => {
    const built = path.join(__dirname, "..", "dist", "cli", "consolidateCommand.js");
    const { consolidateCommand } = (await import(built)) as {
      consolidateCommand: typeof ConsolidateCommand;
    };
    return consolidateCommand([input], { output: output!, force: true });
  },
  /**
   * `tertial rapport -o extra --force`, in process (extra is a scratch file; .docx makes the Word
   * document); "refused" when Tertial refuses to make it (a Word document too large).
   */
  rapport: (input, output) =>
    reportCommand(input, { output, force: true }).then(
      () => "read",
      (error: unknown) => {
        if (error instanceof UnusableWorkbookError) return "refused";
        throw error;
      }
    ),
  /** `tertial ny-period -o extra --force`, in process (extra is a scratch file). */
  nyPeriod: (input, output) => newPeriodCommand(input, { output, force: true }),
  /**
   * `nextPeriodWorkbook(bytes, name)`, the roll every host runs, its result written to extra;
   * "refused" when the roll refuses the workbook (a Historik past the read cap).
   */
  roll: async (input, output) => {
    try {
      const rolled = await nextPeriodWorkbook(await fs.readFile(input), path.basename(input));
      await fs.writeFile(output!, rolled.bytes);
    } catch (error) {
      if (!(error instanceof UnusableWorkbookError)) throw error;
      await fs.writeFile(`${output!}.refused.txt`, error.message);
      return "refused";
    }
  },
  /** exceljs loading the input and writing the same workbook again: ny-period's baseline. */
  loadWriteSame: async (input) => {
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(input);
    await workbook.xlsx.writeBuffer();
  },
  /** exceljs loading the input and writing an output as large as the report (values from extra). */
  loadWrite: async (input, valuesFile) => {
    await new ExcelJS.Workbook().xlsx.readFile(input);
    const sheets = JSON.parse(await fs.readFile(valuesFile!, "utf8")) as Record<
      string,
      unknown[][]
    >;
    const out = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) out.addWorksheet(name).addRows(rows);
    await out.xlsx.writeBuffer();
  },
};

async function main(): Promise<void> {
  const [task, input, resultFile, extra] = process.argv.slice(2);
  const run = TASKS[task];
  if (!run) throw new Error(`unknown task ${task}`);
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const outcome = (await run(input, extra)) === "refused" ? "refused" : "read";
  const ms = performance.now() - start;
  const taskCpu = process.cpuUsage(startCpu);
  const taskCpuMs = (taskCpu.user + taskCpu.system) / 1000;
  const usage = process.resourceUsage();
  const peakRssMb = usage.maxRSS / 1024;
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  await fs.writeFile(resultFile, JSON.stringify({ ms, cpuMs, taskCpuMs, peakRssMb, outcome }));
}

main().catch((error) => {
  console.error(error);
  process.exit(3);
});
