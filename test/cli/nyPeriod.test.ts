/**
 * `tertial ny-period`: the next period's workbook as a new file named after the new period, the
 * input never changed, an existing output never replaced without --force, a version-1 workbook
 * upgraded, and an unusable workbook refused with exit 2 and no file.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { newPeriodCommand } from "../../src/cli/newPeriodCommand";
import { runCommand } from "../../src/cli/runCommand";
import { nextWorkbookName } from "../../src/core/cycle/fileName";
import { parseModel } from "../../src/core/parse/parseModel";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { T1_2024 } from "../core/cycle/yearContent";
import { sha256, useInProcessCli } from "./inProcess";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
/** The example year's T1 as template version 2 wrote it. */
const V2_EXAMPLE = path.join(__dirname, "..", "fixtures", "v2", "exempel-2024-T1.xlsx");

const io = useInProcessCli("tertial-ny-period-");

async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  return process.exitCode as number | undefined;
}

async function t1Workbook(
  name: string,
  organisation = "Vård- och omsorgsnämnden"
): Promise<string> {
  const file = path.join(io.dir, name);
  await saveWorkbook(
    buildWorkbook(LATEST_TEMPLATE, { ...T1_2024, settings: { ...T1_2024.settings, organisation } }),
    file
  );
  return file;
}

const modelOf = async (file: string) => parseModel(await readSnapshotFromFile(file));

describe("nextWorkbookName", () => {
  it("names the file after the organisation and the new period, unsafe characters replaced", () => {
    expect(nextWorkbookName("Vård- och omsorgsnämnden", { year: 2024, period: "T2" }, "x")).toBe(
      "Vård- och omsorgsnämnden 2024 T2.xlsx"
    );
    expect(nextWorkbookName('Bygg/Miljö: "nämnd"?', { year: 2025, period: "T1" }, "x")).toBe(
      "Bygg-Miljö- -nämnd-- 2025 T1.xlsx"
    );
    expect(nextWorkbookName("  Kultur\tnämnden\n", { year: 2024, period: "Helår" }, "x")).toBe(
      "Kultur nämnden 2024 Helår.xlsx"
    );
    expect(nextWorkbookName(null, { year: 2024, period: "Helår" }, "arbetsbok")).toBe(
      "arbetsbok 2024 Helår.xlsx"
    );
  });
});

describe("newPeriodCommand", () => {
  it("writes the next period beside the input, named after it, and leaves the input as it was", async () => {
    const input = await t1Workbook("t1.xlsx");
    const before = await sha256(input);

    expect(await exitCodeOf(() => newPeriodCommand(input, {}))).toBe(0);

    expect(await sha256(input)).toBe(before);
    const output = path.join(io.dir, "Vård- och omsorgsnämnden 2024 T2.xlsx");
    expect((await fs.readdir(io.dir)).sort()).toEqual([path.basename(output), "t1.xlsx"].sort());
    const next = await modelOf(output);
    expect(next.template.version).toBe(LATEST_TEMPLATE.version);
    expect([next.settings.values.year, next.settings.values.period]).toEqual([2024, "T2"]);
    expect(next.incomeStatement.map((r) => r.cells.previousForecast.value)).toEqual([89, -740]);
    expect(io.stdout).toContain(
      `Skrev ${output}: T2 2024 (mallversion ${LATEST_TEMPLATE.version}), efter T1 2024.`
    );
    expect(io.stderr).toMatch(
      /^Läser t1\.xlsx … \d+,\d s\nSkriver Vård- och omsorgsnämnden 2024 T2\.xlsx … \d+,\d s\n$/
    );
  });

  it("refuses to replace an existing file without --force, and replaces it with --force", async () => {
    const input = await t1Workbook("t1.xlsx");
    const output = path.join(io.dir, "t2.xlsx");
    await fs.writeFile(output, "inte en arbetsbok");
    const before = await sha256(output);

    expect(await exitCodeOf(() => newPeriodCommand(input, { output }))).toBe(2);
    expect(io.stderr).toContain(`Fel: ${output} finns redan; använd --force för att ersätta den`);
    expect(await sha256(output)).toBe(before);

    expect(await exitCodeOf(() => newPeriodCommand(input, { output, force: true }))).toBe(0);
    expect((await modelOf(output)).settings.values.period).toBe("T2");
  });

  it("refuses the default file when it exists, e.g. when run twice", async () => {
    const input = await t1Workbook("t1.xlsx");
    expect(await exitCodeOf(() => newPeriodCommand(input, {}))).toBe(0);
    expect(await exitCodeOf(() => newPeriodCommand(input, {}))).toBe(2);
    expect(io.stderr).toContain("Vård- och omsorgsnämnden 2024 T2.xlsx finns redan");
  });

  it("never writes over its input, not even with --force", async () => {
    const input = await t1Workbook("t1.xlsx");
    const before = await sha256(input);
    expect(await exitCodeOf(() => newPeriodCommand(input, { output: input, force: true }))).toBe(2);
    expect(io.stderr).toContain("den nya arbetsboken kan inte skrivas över arbetsboken");
    expect(await sha256(input)).toBe(before);
  });

  it("rolls a version-1 workbook with fel forward into the latest version, warning about the fel", async () => {
    const input = path.join(io.dir, "exempel.xlsx");
    await fs.copyFile(EXAMPLE, input);
    const before = await sha256(input);

    expect(await exitCodeOf(() => newPeriodCommand(input, {}))).toBe(1);

    expect(await sha256(input)).toBe(before);
    expect(io.stderr).toMatch(/Varning: exempel\.xlsx har \d+ fel\. Värdena förs över som de står/);
    const helar = await modelOf(path.join(io.dir, "Vård- och omsorgsnämnden 2024 Helår.xlsx"));
    expect(helar.template.version).toBe(LATEST_TEMPLATE.version);
    expect(helar.settings.values.templateVersion).toBe(LATEST_TEMPLATE.version);
    expect(helar.history.length).toBeGreaterThan(0);
  });

  it("upgrades a version-2 workbook to the latest version in its own package, naming nothing", async () => {
    const input = path.join(io.dir, "v2.xlsx");
    await fs.copyFile(V2_EXAMPLE, input);
    const output = path.join(io.dir, "t2.xlsx");

    // Exit 1 for the example's own fel (väsentliga avvikelser without a comment), nothing else.
    expect(await exitCodeOf(() => newPeriodCommand(input, { output }))).toBe(1);

    expect(io.stderr).toMatch(/Varning: v2\.xlsx har \d+ fel\. Värdena förs över som de står/);
    expect(io.stderr).not.toContain("Följde inte med");
    expect(io.stdout).toContain(`T2 2024 (mallversion ${LATEST_TEMPLATE.version}), efter T1 2024.`);
    const next = await modelOf(output);
    expect(next.template.version).toBe(LATEST_TEMPLATE.version);
    expect(next.tables.accountMapping.rows.length).toBeGreaterThan(0);
    expect((await readSnapshotFromFile(output)).sheetNames).toContain("Kontoplan");
  });

  it("refuses a workbook without a usable Period with exit 2, a Swedish message and no file", async () => {
    const input = path.join(io.dir, "utan-period.xlsx");
    await saveWorkbook(
      buildWorkbook(LATEST_TEMPLATE, {
        ...T1_2024,
        settings: { ...T1_2024.settings, period: null },
      }),
      input
    );
    expect(await exitCodeOf(() => newPeriodCommand(input, {}))).toBe(2);
    expect(io.stderr).toMatch(
      /Fel: utan-period\.xlsx: Period \(bladet Inställningar, cell B\d+\) är inte ifylld, så Tertial vet inte vilken period som kommer härnäst\./
    );
    expect(await fs.readdir(io.dir)).toEqual(["utan-period.xlsx"]);
  });
});

describe("newPeriodCommand, what could not be carried", () => {
  /** `input` changed by a Python (openpyxl) statement on `wb`, saved as `name`. */
  function edited(input: string, statement: string, name: string): string {
    const file = path.join(io.dir, name);
    const script = `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n${statement}\nwb.save(sys.argv[2])\n`;
    const run = spawnSync("/usr/bin/python3", ["-c", script, input, file], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    return file;
  }

  it("names each item on stderr in Swedish and exits 1 though the workbook has no fel", async () => {
    // A formula without a calculated value in Volymer's Kommentar, which the roll empties.
    const input = edited(
      await t1Workbook("t1.xlsx"),
      "ws = wb['Volymer']\nws.cell(row=4, column=[c.value for c in ws[3]].index('Kommentar') + 1).value = '=LOWER(A4)'",
      "formel.xlsx"
    );
    const output = path.join(io.dir, "t2.xlsx");

    expect(await exitCodeOf(() => newPeriodCommand(input, { output }))).toBe(1);

    expect(io.stderr).not.toContain("fel. Värdena förs över");
    expect(io.stderr).toMatch(
      /\nVarning: Följde inte med: bladet Volymer, cell [A-Z]4: formeln =LOWER\(A4\) töms med kolumnen men hade inget beräknat värde, så Historik fick inget \(öppna och spara filen i Excel och kör Ny period igen\)\.\n/
    );
    expect((await modelOf(output)).settings.values.period).toBe("T2");
  });

  it("names what the rebuild of a version-1 workbook loses", async () => {
    const input = edited(EXAMPLE, "wb.create_sheet('Egen')['A1'] = 'Mina siffror'", "v1.xlsx");
    const output = path.join(io.dir, "helår.xlsx");

    expect(await exitCodeOf(() => newPeriodCommand(input, { output }))).toBe(1);

    expect(io.stderr).toMatch(
      new RegExp(
        "Varning: Följde inte med: bladet Egen, delen xl/worksheets/sheet\\d+\\.xml: ett eget blad: " +
          `arbetsboken har inte allt mallversion ${LATEST_TEMPLATE.version} har \\(en äldre mallversion\\), ` +
          "så den byggs om som en ny mall\\.\n"
      )
    );
    expect((await modelOf(output)).template.version).toBe(LATEST_TEMPLATE.version);
  });
});
