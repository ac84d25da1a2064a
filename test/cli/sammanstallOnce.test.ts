/**
 * `tertial sammanstall` counts each unit once, on real files in a folder: the same unit through a
 * hard link, a symbolic link, a copy under another name or a copy re-saved by openpyxl, and an earlier consolidation left in
 * the units' folder, are refused naming both files (exit 2, nothing written); every entry of the
 * folder that is not read is listed with its reason, on stderr and on Sammanställning.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { runCommand } from "../../src/cli/runCommand";
import { analyse } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { TODAY, UNITS } from "../core/consolidate/units";
import { sheetRows } from "../helpers/sheetRows";
import { useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-sammanstall-en-gang-");

/** The three units, without Rapporterande enhet: only their content tells a copy apart. */
async function unitFolder(): Promise<string> {
  const folder = path.join(io.dir, "enheter");
  await fs.mkdir(folder);
  for (const unit of UNITS) {
    const content = {
      ...unit.content,
      settings: { ...unit.content.settings, reportingUnit: null, unitCode: null },
    };
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), path.join(folder, unit.file));
  }
  return folder;
}

/** `from` loaded and saved again by openpyxl, an independent writer, as `to`. */
async function resaved(from: string, to: string): Promise<void> {
  const script = "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])";
  const result = spawnSync("/usr/bin/python3", ["-c", script, from, to], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  expect(await fs.readFile(to)).not.toEqual(await fs.readFile(from));
}

const run = async (entries: string[], output: string) => {
  await runCommand(() => consolidateCommand(entries, { output }));
  return process.exitCode;
};

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false
  );

describe("the same unit twice", () => {
  it.each([
    ["a hard link", (from: string, to: string) => fs.link(from, to)],
    ["a symbolic link", (from: string, to: string) => fs.symlink(path.basename(from), to)],
    ["a copy", (from: string, to: string) => fs.copyFile(from, to)],
    ["a copy re-saved by another program (openpyxl: other bytes, other packaging)", resaved],
  ])("is refused through %s, naming both files, writing nothing", async (_, make) => {
    const folder = await unitFolder();
    await make(path.join(folder, "IFO.xlsx"), path.join(folder, "ifo (kopia).xlsx"));
    const target = path.join(io.dir, "nämnd.xlsx");
    expect(await run([folder], target)).toBe(2);
    expect(io.stderr).toContain(
      "Fel: IFO.xlsx och ifo (kopia).xlsx har samma innehåll, så det är samma enhet två gånger"
    );
    expect(await exists(target)).toBe(false);
  });

  it("is refused when an earlier consolidation is left in the units' folder", async () => {
    const folder = await unitFolder();
    expect(await run([folder], path.join(folder, "nämnd.xlsx"))).toBe(0);
    process.exitCode = undefined;
    const again = path.join(folder, "nämnd 2.xlsx");
    expect(await run([folder], again)).toBe(2);
    expect(io.stderr).toMatch(
      /Fel: nämnd\.xlsx är en sammanställning som redan innehåller enheten "\S+" \(från \S+\.xlsx\), och \S+\.xlsx är samma enhet/
    );
    expect(await exists(again)).toBe(false);
  });
});

describe("a folder's entries that are not read", () => {
  it("are each listed with the reason, and the count says how many were in the folder", async () => {
    const folder = await unitFolder();
    await fs.writeFile(path.join(folder, "Stab.xlsm"), "makron");
    await fs.writeFile(path.join(folder, "Gammal.xls"), "gammalt");
    await fs.writeFile(path.join(folder, "budget.csv"), "a;b");
    await fs.mkdir(path.join(folder, "arkiv"));
    await fs.copyFile(path.join(folder, "IFO.xlsx"), path.join(folder, "IFO 2.xlsx "));
    await fs.writeFile(
      Buffer.concat([
        Buffer.from(`${folder}/Trasigt namn `),
        Buffer.from([0xff]),
        Buffer.from(".xlsx"),
      ]),
      "x"
    );
    await fs.symlink("finns-inte.xlsx", path.join(folder, "Borta.xlsx"));
    await fs.symlink("Slinga.xlsx", path.join(folder, "Slinga.xlsx"));
    await fs.writeFile(path.join(folder, "~$IFO.xlsx"), "Eva Ekonom");
    const target = path.join(io.dir, "nämnd.xlsx");

    const code = await run([folder], target);
    expect(code).toBe(1);
    expect(io.stdout).toContain(
      "3 enheter av 11 filer och 1 undermapp i mappen sammanställda, 9 kunde inte användas"
    );
    const expected: [string, RegExp][] = [
      ["Stab.xlsm", /^En arbetsbok med makron \(\.xlsm\)/],
      ["Gammal.xls", /^En arbetsbok i Excels gamla format \(\.xls\)/],
      ["budget.csv", /^En \.csv-fil, ingen Excel-arbetsbok/],
      ["arkiv", /^En mapp: Tertial läser bara arbetsböckerna direkt i den angivna mappen/],
      ["IFO 2.xlsx ", /^Namnet har mellanslag först eller sist/],
      ["Trasigt namn \uFFFD.xlsx", /^Filnamnet är inte giltig text/],
      ["Borta.xlsx", /^En länk till en fil som inte finns/],
      ["Slinga.xlsx", /^En länk som pekar på sig själv/],
      ["~$IFO.xlsx", /^Excels låsfil/],
    ];
    const rows = new Map(
      (await sheetRows(await fs.readFile(target), "Sammanställning")).map((r) => [r[0], r[1]])
    );
    for (const [file, reason] of expected) {
      expect(String(rows.get(file))).toMatch(reason);
      expect(io.stderr).toContain(`Används inte: ${file}: `);
    }
    const nämnd = analyse(await readSnapshotFromFile(target), { today: TODAY });
    expect(nämnd.rollup.incomeStatement.total.budget).toBe(-1127);
  });

  it("given one by one, files keep today's behaviour: each is tried and its reason given", async () => {
    const folder = await unitFolder();
    const xlsm = path.join(folder, "Stab.xlsm");
    await fs.writeFile(xlsm, "makron");
    expect(await run([path.join(folder, "IFO.xlsx"), xlsm], path.join(io.dir, "n.xlsx"))).toBe(1);
    expect(io.stdout).toContain("1 enhet av 2 filer sammanställd, 1 kunde inte användas");
    expect(io.stderr).toContain("Används inte: Stab.xlsm: Stab.xlsm är ingen Excel-arbetsbok");
  });
});
