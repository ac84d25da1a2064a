/**
 * `tertial validera` on files built to overload it, run as users run it — the compiled CLI in a
 * process of its own — under a 200 MB heap: each ends in exit 0/1 with the findings or exit 2 with
 * a Swedish message, never in V8's out-of-memory abort (exit 134), a hang or a stack trace.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE_FILE, manyRowsWorkbook, mergeBomb, zipBomb } from "../xlsx/hostileWorkbooks";
import { withPlainTableColumns } from "../xlsx/templateSummary";
import { buildCli, CLI } from "./builtCli";

const HEAP = "--max-old-space-size=200";

let dir: string;

beforeAll(async () => {
  const build = await buildCli();
  if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.output}`);
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-hostile-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** `tertial <args>` from the test's folder, with a 200 MB heap and a 60 s timeout. */
function tertial(...args: string[]) {
  const run = spawnSync(process.execPath, [HEAP, CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status, signal: run.signal };
}

const validera = (file: string) => tertial("validera", file);

async function write(name: string, bytes: Uint8Array): Promise<string> {
  await fs.writeFile(path.join(dir, name), bytes);
  return name;
}

describe("tertial validera under a 200 MB heap", () => {
  it("the merge bomb takes plain exceljs down within that heap (so the fixture is a real bomb)", async () => {
    const file = await write(
      "bomba.xlsx",
      await withPlainTableColumns(await mergeBomb("Instruktioner"))
    );
    const run = spawnSync(
      process.execPath,
      [
        HEAP,
        "-e",
        `new (require(${JSON.stringify(require.resolve("exceljs"))}).Workbook)().xlsx.readFile(${JSON.stringify(file)}).then(() => process.exit(0))`,
      ],
      { cwd: dir, encoding: "utf8", timeout: 60_000 }
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/heap out of memory/);
  });

  it.each(["Instruktioner", "Risker"])(
    "reads the example with a whole-sheet merge on %s as it reads the example",
    async (sheet) => {
      const example = await fs.readFile(EXAMPLE_FILE);
      const plain = validera(await write("exempel.xlsx", example));
      const bombed = validera(await write("exempel.xlsx", await mergeBomb(sheet, example)));
      expect(plain.status).toBe(1);
      expect(plain.stdout).toContain("exempel.xlsx");
      expect([bombed.status, bombed.stdout]).toEqual([plain.status, plain.stdout]);
    }
  );

  it("refuses a zip bomb with exit 2 and a Swedish message", async () => {
    const run = validera(await write("bomb.xlsx", await zipBomb(5000)));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^Fel: bomb\.xlsx är för stor uppackad: delen xl\/media\/image1\.png /m
    );
    expect(run.stdout).toBe("");
  });

  it("refuses a table of 1,048,576 filled rows with exit 2", async () => {
    const run = validera(await write("miljon.xlsx", await manyRowsWorkbook(1_048_576 - 3)));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Fel: miljon\.xlsx är för stor uppackad: delen xl\/worksheets\//m);
  });

  it("reads a table whose 110 rows hold cells out to column XFD (1.8 million cells)", async () => {
    const run = validera(
      await write("bred.xlsx", await manyRowsWorkbook(110, { toLastColumn: true }))
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/fel och \d+ varningar i bred\.xlsx/);
  });

  it("refuses a FIFO at once instead of waiting for a writer, and /dev/zero", async () => {
    execFileSync("mkfifo", [path.join(dir, "rör.xlsx")]);
    for (const special of ["rör.xlsx", "/dev/zero"]) {
      const run = validera(special);
      expect(run.signal).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        `\nFel: ${special} är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och kan inte läsas som arbetsbok. Ange sökvägen till arbetsboken (.xlsx).\n`
      );
    }
  });

  it("refuses symbolic links that lead back to themselves, in every command that reads workbooks", async () => {
    await fs.symlink("b.xlsx", path.join(dir, "a.xlsx"));
    await fs.symlink("a.xlsx", path.join(dir, "b.xlsx"));
    const loop =
      "a.xlsx är en länk som leder tillbaka till sig själv (länkarna pekar på varandra i en " +
      "slinga) och kan inte läsas. Ange sökvägen till själva arbetsboken (.xlsx).";
    for (const args of [["validera"], ["rapport"], ["ny-period"]]) {
      const run = tertial(...args, "a.xlsx");
      expect([args, run.status, run.stderr]).toEqual([args, 2, `Fel: ${loop}\n`]);
    }
    const consolidated = tertial("sammanstall", "a.xlsx", "-o", "nämnd.xlsx");
    expect(consolidated.status).toBe(2);
    expect(consolidated.stderr).toContain(`Används inte: a.xlsx: ${loop}\n`);
    expect(consolidated.stderr).not.toMatch(/oväntat fel|Internt fel/);
    expect((await fs.readdir(dir)).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("says a file name over the file system's 255 bytes cannot exist", () => {
    const name = `${"å".repeat(130)}.xlsx`;
    const run = validera(name);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `Fel: ${name} kan inte läsas: namnet eller sökvägen är längre än filsystemet tillåter ` +
        "(ett filnamn högst 255 byte), så någon sådan fil finns inte. Kontrollera namnet och försök igen.\n"
    );
  });
});
