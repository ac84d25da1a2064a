/**
 * `tertial sammanstall`: three units' workbooks on disk (plus a lock file and a broken file) into
 * a new nämnd workbook with a Sammanställning sheet; the inputs' bytes never change; the result
 * validates and reports; the built CLI consolidates enough files to use its worker threads.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { WORKER_THRESHOLD } from "../../src/cli/readUnits";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { analyse } from "../../src/core/pipeline";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { TODAY, UNITS } from "../core/consolidate/units";
import { buildCli, CLI, ROOT } from "./builtCli";
import { sha256, useInProcessCli } from "./inProcess";
import { sheetRows } from "../helpers/sheetRows";

const sheetRowsOf = async (file: string, sheet: string) =>
  sheetRows(await fs.readFile(file), sheet);

const io = useInProcessCli("tertial-sammanstall-");

/** The three units in `folder`, plus Excel's lock file of one and a file that is no workbook. */
async function unitFolder(folder: string): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true });
  const files = [];
  for (const unit of UNITS) {
    const file = path.join(folder, unit.file);
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, unit.content), file);
    files.push(file);
  }
  await fs.writeFile(path.join(folder, "~$IFO.xlsx"), "Eva Ekonom");
  await fs.writeFile(path.join(folder, "Trasig.xlsx"), "inte en arbetsbok");
  await fs.mkdir(path.join(folder, "arkiv")); // a subfolder is not read
  await saveWorkbook(
    buildWorkbook(LATEST_TEMPLATE, { ...UNITS[0].content, settings: { period: "T1" } }),
    path.join(folder, "arkiv", "Gammal.xlsx")
  );
  return files;
}

const run = (entries: string[], options: Parameters<typeof consolidateCommand>[1]) =>
  runCommand(() => consolidateCommand(entries, options));

describe("tertial sammanstall", () => {
  it("writes a valid v2 workbook of the folder's units, listing the lock file and the broken file", async () => {
    const units = path.join(io.dir, "enheter");
    const inputs = await unitFolder(units);
    const before = await Promise.all(inputs.map(sha256));
    const target = path.join(io.dir, "nämnd.xlsx");

    await run([units], { output: target });

    // A file could not be used, so exit 1, but the workbook is written.
    expect(process.exitCode).toBe(1);
    expect(await Promise.all(inputs.map(sha256))).toEqual(before);
    expect(io.stdout).toContain(
      "3 enheter av 5 filer och 1 undermapp i mappen sammanställda, 3 kunde inte användas"
    );
    expect(io.stderr).toContain("Används inte: ~$IFO.xlsx: Excels låsfil");
    expect(io.stderr).toContain("Används inte: Trasig.xlsx: Trasig.xlsx är ingen Excel-arbetsbok");

    const rows = await sheetRowsOf(target, "Sammanställning");
    const byFile = new Map(rows.map((r) => [r[0], r]));
    expect(byFile.get("Äldreomsorg.xlsx")?.slice(1, 4)).toEqual(["Äldreomsorg", "ÄO", "Ja"]);
    expect(byFile.get("IFO.xlsx")?.[1]).toBe("Individ- och familjeomsorg");
    expect(byFile.get("Funktionsstöd.xlsx")?.[3]).toBe("Nej");
    expect(String(byFile.get("~$IFO.xlsx")?.[1])).toMatch(/^Excels låsfil/);
    expect(String(byFile.get("Trasig.xlsx")?.[1])).toContain("är ingen Excel-arbetsbok");
    expect(byFile.has("Gammal.xlsx")).toBe(false);
    expect(String(byFile.get("arkiv")?.[1])).toMatch(/^En mapp: Tertial läser bara/);

    const nämnd = analyse(await readSnapshotFromFile(target), { today: TODAY });
    expect(nämnd.model.template.version).toBe(LATEST_TEMPLATE.version);
    expect(nämnd.findings.filter((f) => f.severity === "fel")).toEqual([]);
    expect(nämnd.rollup.incomeStatement.total.forecast).toBe(-1159);
  });

  it("writes a report of the consolidated workbook showing the nämnd's figures", async () => {
    const units = path.join(io.dir, "enheter");
    await unitFolder(units);
    const target = path.join(io.dir, "nämnd.xlsx");
    await run([units], { output: target, organisation: "Socialnämnden" });
    process.exitCode = undefined;

    await runCommand(() => reportCommand(target, {}));
    expect(process.exitCode).toBe(0);
    const economy = (await sheetRowsOf(path.join(io.dir, "nämnd-rapport.xlsx"), "Rapport Ekonomi"))
      .flat()
      .map(String);
    expect(economy[0]).toBe("Socialnämnden – Delårsrapport augusti 2024");
    expect(economy).toContain("Personalkostnader");
    expect(economy).toContain("-1255");
  });

  it("exits 0 when every file is used and no unit has fel", async () => {
    const files = [];
    for (const unit of UNITS) {
      const file = path.join(io.dir, unit.file);
      await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, unit.content), file);
      files.push(file);
    }
    await run(files, { output: path.join(io.dir, "nämnd.xlsx") });
    expect(io.stderr).not.toContain("Fel:");
    expect(process.exitCode).toBe(0);
    expect(io.stdout).toContain("3 enheter av 3 filer sammanställda (se bladet Sammanställning)");
    expect(io.stdout).toContain("Funktionsstöd.xlsx (Funktionsstöd): inte klarmarkerad");
  });

  it("consolidates the bundled example (template v1) into a v2 workbook with its figures", async () => {
    const example = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
    const before = await sha256(example);
    const target = path.join(io.dir, "nämnd.xlsx");
    await run([example], { output: target, organisation: "Nämnden" });
    // The example holds deliberate fel: the workbook is written, and the exit code says so.
    expect(process.exitCode).toBe(1);
    expect(await sha256(example)).toBe(before);
    const source = analyse(await readSnapshotFromFile(example), { today: TODAY });
    const nämnd = analyse(await readSnapshotFromFile(target), { today: TODAY });
    expect(source.model.template.version).toBe(1);
    expect(nämnd.model.template.version).toBe(LATEST_TEMPLATE.version);
    for (const key of ["budget", "forecast", "actual"] as const) {
      expect(nämnd.rollup.incomeStatement.total[key]).toBeCloseTo(
        source.rollup.incomeStatement.total[key] ?? NaN,
        9
      );
    }
    expect(io.stdout).toContain("1 enhet av 1 fil sammanställd");
    const fel = source.findings.filter((f) => f.severity === "fel").length;
    expect(fel).toBeGreaterThan(0);
    expect(io.stdout).toContain(
      `exempel-2024-T2.xlsx (exempel-2024-T2): inte klarmarkerad, ${fel} fel`
    );
  });

  it("refuses a fourth file of another Period by name, writing nothing", async () => {
    const units = path.join(io.dir, "enheter");
    const inputs = await unitFolder(units);
    const other: WorkbookContent = {
      ...UNITS[0].content,
      settings: { ...UNITS[0].content.settings, period: "T1", reportingUnit: "Stab" },
    };
    const t1 = path.join(io.dir, "Stab.xlsx");
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, other), t1);
    const target = path.join(io.dir, "nämnd.xlsx");

    await run([...inputs, t1], { output: target });

    expect(process.exitCode).toBe(2);
    expect(io.stderr).toContain("Fel: Stab.xlsx har Period T1, men Äldreomsorg.xlsx har T2.");
    await expect(fs.stat(target)).rejects.toThrow();
  });

  it("never writes over an input, not even with --force, nor over an existing file without it", async () => {
    const units = path.join(io.dir, "enheter");
    const [first, ...rest] = await unitFolder(units);
    const before = await sha256(first);
    await run([first, ...rest], { output: first, force: true });
    expect(process.exitCode).toBe(2);
    expect(io.stderr).toContain("kan inte skrivas över arbetsboken");
    expect(await sha256(first)).toBe(before);

    const existing = path.join(io.dir, "finns.xlsx");
    await fs.writeFile(existing, "mitt");
    await run([units], { output: existing });
    expect(process.exitCode).toBe(2);
    expect(await fs.readFile(existing, "utf8")).toBe("mitt");
  });

  it("takes the thresholds from --installningar and says so on Sammanställning", async () => {
    const units = path.join(io.dir, "enheter");
    await unitFolder(units);
    const settingsFile = path.join(io.dir, "nämndens inställningar.xlsx");
    await saveWorkbook(
      buildWorkbook(LATEST_TEMPLATE, {
        settings: { ...UNITS[0].content.settings, materialAmount: 5, materialPercent: 3 },
      }),
      settingsFile
    );
    const target = path.join(io.dir, "nämnd.xlsx");
    await run([units], { output: target, installningar: settingsFile });
    const nämnd = analyse(await readSnapshotFromFile(target), { today: TODAY });
    expect(nämnd.model.settings.values.materialAmount).toBe(5);
    expect(nämnd.model.settings.values.materialPercent).toBe(3);
    const text = (await sheetRowsOf(target, "Sammanställning")).flat().map(String).join(" ");
    expect(text).toContain("kommer från nämndens inställningar.xlsx");
  });

  it("refuses an --installningar file that is no workbook, naming it, writing nothing", async () => {
    const units = path.join(io.dir, "enheter");
    await unitFolder(units);
    const settingsFile = path.join(io.dir, "gränser.xlsx");
    await fs.writeFile(settingsFile, "inte en arbetsbok");
    const target = path.join(io.dir, "nämnd.xlsx");
    await run([units], { output: target, installningar: settingsFile });
    expect(process.exitCode).toBe(2);
    expect(io.stderr).toContain(
      "skulle komma från gränser.xlsx, men den kan inte användas: gränser.xlsx är ingen Excel-arbetsbok"
    );
    await expect(fs.stat(target)).rejects.toThrow();
  });
});

describe("the built CLI with many files", () => {
  beforeAll(async () => {
    const build = await buildCli();
    if (build.status !== 0) throw new Error(build.output);
  }, 120_000);

  it("consolidates them in worker threads, in the files' order", async () => {
    const units = path.join(io.dir, "enheter");
    await fs.mkdir(units);
    const count = WORKER_THRESHOLD + 2;
    for (let i = 0; i < count; i++) {
      const name = `Enhet ${String(i + 1).padStart(2, "0")}`;
      const content = {
        ...UNITS[i % 3].content,
        settings: { ...UNITS[i % 3].content.settings, reportingUnit: name, unitCode: `E${i + 1}` },
      };
      await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), path.join(units, `${name}.xlsx`));
    }
    const target = path.join(io.dir, "nämnd.xlsx");
    const result = spawnSync(process.execPath, [CLI, "sammanstall", units, "-o", target], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.stderr).toContain(`Läser ${count} arbetsböcker i 2 trådar`);
    expect(result.stderr).not.toContain("Fel");
    expect(result.stdout).toContain(`${count} enheter av ${count} filer i mappen sammanställda`);
    const rows = await sheetRowsOf(target, "Sammanställning");
    const names = rows.map((r) => r[1]).filter((v) => String(v).startsWith("Enhet "));
    expect(names).toEqual(
      Array.from({ length: count }, (_, i) => `Enhet ${String(i + 1).padStart(2, "0")}`)
    );
  }, 60_000);
});
