/**
 * `tertial rapport`: a new report workbook beside the input (or at -o), never a change to the
 * input, exit codes as for validera, and no file at all for a workbook that cannot be used.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { defaultReportPath, reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { countBySeverity } from "../../src/core/findings";
import { analyse } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { sha256, useInProcessCli } from "./inProcess";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
const REPORT_SHEETS = [
  "Rapport Ekonomi",
  "Rapport Riskbild",
  "Rapport Internkontroll",
  "Kontrollresultat",
];

const io = useInProcessCli("tertial-rapport-");

async function copyExample(name = "exempel.xlsx"): Promise<string> {
  const file = path.join(io.dir, name);
  await fs.copyFile(EXAMPLE, file);
  return file;
}

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((w) => w.name);
}

/** runCommand as main() runs it: the exit code it leaves behind. */
async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  return process.exitCode as number | undefined;
}

describe("defaultReportPath", () => {
  it("puts <fil>-rapport.xlsx beside the input", () => {
    expect(defaultReportPath(path.join("templates", "exempel-2024-T2.xlsx"))).toBe(
      path.join("templates", "exempel-2024-T2-rapport.xlsx")
    );
    expect(defaultReportPath("Nämnd T1.XLSX")).toBe("Nämnd T1-rapport.xlsx");
  });
});

describe("reportCommand", () => {
  it("writes the report beside the example, leaves the input as it was, and exits 1 for its fel", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    const { findings } = analyse(await readSnapshotFromFile(input));
    const { fel, varning } = countBySeverity(findings);
    expect(fel).toBeGreaterThan(0);

    expect(await reportCommand(input, {})).toBe(1);

    expect(await sha256(input)).toBe(before);
    const output = path.join(io.dir, "exempel-rapport.xlsx");
    expect(await sheetNames(output)).toEqual(REPORT_SHEETS);
    expect((await fs.readdir(io.dir)).sort()).toEqual(["exempel-rapport.xlsx", "exempel.xlsx"]);
    expect(io.stdout).toContain(`Rapporten är skapad som utkast i ${output}`);
    expect(io.stdout).toMatch(
      /Helårsprognosen är 1\u00a0092,4\u00a0mnkr, vilket innebär ett underskott/
    );
    expect(io.stdout).toContain(`Kontrollen hittade ${fel} fel och ${varning} varningar`);
    // Progress only: reading the workbook, then writing the report.
    expect(io.stderr).toMatch(
      /^Läser exempel\.xlsx … \d+,\d s\nSkapar exempel-rapport\.xlsx … \d+,\d s\nSkriver exempel-rapport\.xlsx … \d+,\d s\n$/
    );
  });

  it("writes to -o, and replaces its own earlier report but no other file", async () => {
    const input = await copyExample();
    const output = path.join(io.dir, "ut", "rapport.xlsx");
    await fs.mkdir(path.dirname(output));
    expect(await reportCommand(input, { output })).toBe(1);
    await fs.utimes(output, new Date(0), new Date(0));
    expect(await reportCommand(input, { output })).toBe(1);
    expect((await fs.stat(output)).mtimeMs).toBeGreaterThan(0);
    expect(await sheetNames(output)).toEqual(REPORT_SHEETS);

    const other = path.join(io.dir, "ut", "annan.xlsx");
    await fs.writeFile(other, "någon annans fil");
    expect(await exitCodeOf(() => reportCommand(input, { output: other }))).toBe(2);
    expect(await fs.readFile(other, "utf8")).toBe("någon annans fil");
    expect(await exitCodeOf(() => reportCommand(input, { output: other, force: true }))).toBe(1);
    expect(await sheetNames(other)).toEqual(REPORT_SHEETS);
  });

  it("exits 0 when there is no fel, warnings or not", async () => {
    const input = path.join(io.dir, "ren.xlsx");
    await saveWorkbook(
      buildWorkbook(LATEST_TEMPLATE, {
        settings: {
          organisation: "Kulturnämnden",
          year: 2024,
          period: "T1",
          unit: "mnkr",
          materialAmount: 1,
          materialPercent: 5,
          assessment: "Tillräcklig",
          assessmentAnalysis: "Kontrollerna visar inga brister.",
          templateVersion: 1,
        },
        tables: {
          incomeStatement: [
            {
              post: "Personalkostnader",
              type: "Kostnad",
              actual: -7,
              budget: -10.5,
              forecast: -10.6,
            },
          ],
          operatingStatement: [
            { activity: "Bibliotek", actual: -7, budget: -10.5, forecast: -10.6 },
          ],
        },
      }),
      input
    );
    expect(countBySeverity(analyse(await readSnapshotFromFile(input)).findings).fel).toBe(0);
    expect(await reportCommand(input, {})).toBe(0);
    expect(io.stdout).toMatch(/^Rapporten är sparad i /);
    expect(io.stdout).toContain(
      "Helårsprognosen är 10,6\u00a0mnkr, vilket innebär ett underskott på 0,1\u00a0mnkr mot budget."
    );
    expect(io.stdout).toMatch(/Kontrollen hittade 0 fel/);
    expect(await sheetNames(path.join(io.dir, "ren-rapport.xlsx"))).toEqual(REPORT_SHEETS);
  });

  it("refuses -o naming the input itself, and changes nothing", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    expect(
      await exitCodeOf(() =>
        reportCommand(input, { output: path.join(io.dir, ".", "exempel.xlsx") })
      )
    ).toBe(2);
    expect(io.stderr).toMatch(/^Fel: rapporten kan inte skrivas över arbetsboken .*exempel\.xlsx/);
    expect(await sha256(input)).toBe(before);
    expect(await fs.readdir(io.dir)).toEqual(["exempel.xlsx"]);
  });

  it("refuses -o naming the input by another name (a link here; another letter case on Windows and macOS)", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    const link = path.join(io.dir, "länk.xlsx");
    await fs.symlink(input, link);
    expect(await exitCodeOf(() => reportCommand(input, { output: link, force: true }))).toBe(2);
    expect(await sha256(input)).toBe(before);
  });

  it("says so in Swedish when the report cannot be written, and leaves no file", async () => {
    const input = await copyExample();
    const output = path.join(io.dir, "finns-inte", "rapport.xlsx");
    expect(await exitCodeOf(() => reportCommand(input, { output }))).toBe(2);
    expect(io.stderr).toBe(
      `Fel: Mappen ${path.dirname(output)} finns inte. Skapa mappen eller ange en annan fil med -o.\n`
    );
    expect(await fs.readdir(io.dir)).toEqual(["exempel.xlsx"]);
  });

  it.each(["missing-column.xlsx", "not-xlsx.xlsx", "truncated.xlsx", "encrypted.xlsx"])(
    "writes no report for an unusable workbook (%s): a Swedish message and exit 2",
    async (fixture) => {
      const input = path.join(io.dir, fixture);
      await fs.copyFile(path.join(ROOT, "test", "fixtures", "invalid", fixture), input);
      expect(await exitCodeOf(() => reportCommand(input, {}))).toBe(2);
      expect(io.stderr).toMatch(/^Läser .* … (\d+,\d s)?\nFel: /);
      expect(io.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(await fs.readdir(io.dir)).toEqual([fixture]);
    }
  );
});
