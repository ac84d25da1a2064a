/**
 * `tertial klarmarkera` on real files, and what `validera` and `sammanstall` then say: a marked
 * copy validates clean and is Klar on Sammanställning; one cell edited afterwards is a fel in
 * both, and Sammanställning's Klar column no longer says Ja. A workbook with fel is refused and
 * nothing is written; the input is never changed.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { markReadyCommand } from "../../src/cli/markReadyCommand";
import { runCommand } from "../../src/cli/runCommand";
import { validateCommand } from "../../src/cli/validateCommand";
import { formatIsoDate } from "../../src/core/parse/values";
import { cellAddress } from "../../src/core/snapshot";
import { calendarDay } from "../../src/core/validate";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { editedByOpenpyxl, sealableBytes, UNMARKED_T1 } from "../helpers/sealable";
import { sheetRows } from "../helpers/sheetRows";
import { sha256, useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-klarmarkera-");

async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  return process.exitCode as number | undefined;
}

async function unitFile(name: string, content = UNMARKED_T1): Promise<string> {
  const file = path.join(io.dir, name);
  await fs.writeFile(file, await sealableBytes(content));
  return file;
}

const mark = (file: string, output: string, force?: boolean) =>
  exitCodeOf(() => markReadyCommand(file, { av: "Eva Ekonom", output, force }));

/** Where Åtgärder's first Ansvarig is, as the reader finds it. */
async function firstActionOwner(file: string): Promise<string> {
  const table = (await readSnapshotFromFile(file)).tables.find((t) => t.name === "tblAtgarder")!;
  return cellAddress(table.headerRow + 1, table.firstColumn + table.headers.indexOf("Ansvarig"));
}

describe("tertial klarmarkera", () => {
  it("writes a marked copy that validera finds clean, and leaves the input as it was", async () => {
    const input = await unitFile("ÄO T1.xlsx");
    const before = await sha256(input);
    const output = path.join(io.dir, "ÄO T1 klar.xlsx");
    expect(await mark(input, output)).toBe(0);
    expect(io.stdout).toBe(
      `Skrev ${output}: ÄO T1.xlsx är klarmarkerad av Eva Ekonom ` +
        `${formatIsoDate(calendarDay(new Date()))}. ÄO T1.xlsx ändrades inte.\n`
    );
    expect(await sha256(input)).toBe(before);
    expect(await exitCodeOf(() => validateCommand(output, {}))).toBe(0);
  });

  it("one cell edited after marking: a fel in validera and in sammanstall, not Klar", async () => {
    const input = await unitFile("ÄO T1.xlsx");
    const marked = path.join(io.dir, "ÄO klar.xlsx");
    expect(await mark(input, marked)).toBe(0);
    const edited = path.join(io.dir, "ÄO ändrad.xlsx");
    const bytes = await editedByOpenpyxl(
      io.dir,
      await fs.readFile(marked),
      "Åtgärder",
      await firstActionOwner(marked),
      "Ekonomichef"
    );
    await fs.writeFile(edited, bytes);

    const printed = io.stdout.length;
    expect(await exitCodeOf(() => validateCommand(edited, { json: true }))).toBe(1);
    const findings = JSON.parse(io.stdout.slice(printed)) as {
      code: string;
      severity: string;
      sheet: string;
    }[];
    expect(findings).toEqual([
      expect.objectContaining({
        code: "andrad-efter-klarmarkering",
        severity: "fel",
        sheet: "Inställningar",
      }),
    ]);

    // Sammanställ: the sealed unit is Klar, the edited one is not.
    const other = path.join(io.dir, "IFO klar.xlsx");
    const ifo = await unitFile("IFO T1.xlsx", {
      ...UNMARKED_T1,
      settings: { ...UNMARKED_T1.settings, reportingUnit: "IFO" },
    });
    expect(await mark(ifo, other)).toBe(0);
    await fs.rm(marked);
    await fs.rm(input);
    await fs.rm(ifo);
    await fs.rm(path.join(io.dir, "redigerad.xlsx"));
    const target = path.join(io.dir, "nämnd", "nämnd.xlsx");
    await fs.mkdir(path.dirname(target));
    const code = await exitCodeOf(() =>
      consolidateCommand([edited, other], { output: target, organisation: "Nämnden" })
    );
    expect(io.stdout).toContain("ÄO ändrad.xlsx (ÄO ändrad): ändrad efter klarmarkering, 1 fel");
    expect(code).toBe(1);
    const rows = await sheetRows(await fs.readFile(target), "Sammanställning");
    const header = rows.find((r) => r.includes("Klar"))!;
    const klar = header.indexOf("Klar");
    const rowOf = (file: string) => rows.find((r) => r[header.indexOf("Fil")] === file)!;
    expect(rowOf("IFO klar.xlsx")[klar]).toBe("Ja");
    expect(rowOf("ÄO ändrad.xlsx")[klar]).toBe("Ändrad");
    expect(rowOf("ÄO ändrad.xlsx").join(" ")).toContain("Ändrad efter klarmarkering");
  });

  it("refuses a workbook with fel: exit 1, the count and what to do, no file", async () => {
    const input = await unitFile("ÄO T1.xlsx", {
      ...UNMARKED_T1,
      settings: { ...UNMARKED_T1.settings, period: null },
    });
    const output = path.join(io.dir, "klar.xlsx");
    expect(await mark(input, output)).toBe(1);
    expect(io.stderr).toMatch(
      /Fel: ÄO T1\.xlsx har \d+ fel och kan inte klarmarkeras\. Rätta felen och klarmarkera igen\. tertial validera ÄO T1\.xlsx visar var de finns\. Ingen fil skrevs\./
    );
    await expect(fs.stat(output)).rejects.toThrow();
  });

  it("never replaces an existing file without --force", async () => {
    const input = await unitFile("ÄO T1.xlsx");
    const output = path.join(io.dir, "klar.xlsx");
    await fs.writeFile(output, "mitt");
    expect(await mark(input, output)).toBe(2);
    expect(await fs.readFile(output, "utf8")).toBe("mitt");
    expect(await mark(input, output, true)).toBe(0);
  });
});
