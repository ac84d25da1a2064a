/** `tertial mall`: writes the fresh template, and never overwrites a file unless told to. */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCommand } from "../../src/cli/runCommand";
import { templateCommand, type TemplateOptions } from "../../src/cli/templateCommand";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readWorkbook, summarizeWorkbook, writeAndRead } from "../xlsx/templateSummary";

const ROOT = path.join(__dirname, "..", "..");

let dir: string;
let stderr: string;
let writeSpy: jest.SpyInstance;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-mall-"));
  stderr = "";
  writeSpy = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(async () => {
  writeSpy.mockRestore();
  process.exitCode = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

/** templateCommand as main() runs it: the exit code it leaves behind. */
async function mall(options: TemplateOptions): Promise<number | undefined> {
  await runCommand(() => templateCommand(options));
  return process.exitCode as number | undefined;
}

const filesIn = async (folder: string) => (await fs.readdir(folder)).sort();

describe("templateCommand", () => {
  it("writes the fresh template and says where", async () => {
    const file = path.join(dir, "mall.xlsx");
    expect(await mall({ output: file })).toBe(0);
    const [written, built] = await Promise.all([
      readWorkbook(await fs.readFile(file)),
      writeAndRead(buildWorkbook(LATEST_TEMPLATE)),
    ]);
    expect(summarizeWorkbook(written)).toEqual(summarizeWorkbook(built));
    expect(stderr).toBe(`Skrev en ny mall (mallversion 3) till ${file}\n`);
    expect(await filesIn(dir)).toEqual(["mall.xlsx"]);
  });

  it("refuses to overwrite an existing file, and leaves it as it was", async () => {
    const file = path.join(dir, "arbetsbok.xlsx");
    await fs.writeFile(file, "ekonomens egen fil");
    expect(await mall({ output: file })).toBe(2);
    expect(stderr).toBe(
      `Fel: ${file} finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.\n`
    );
    expect(await fs.readFile(file, "utf8")).toBe("ekonomens egen fil");
  });

  it("overwrites with force", async () => {
    const file = path.join(dir, "mall.xlsx");
    await fs.writeFile(file, "gammal");
    expect(await mall({ output: file, force: true })).toBe(0);
    const written = await readWorkbook(await fs.readFile(file));
    expect(written.getWorksheet("Instruktioner")).toBeDefined();
    expect(await filesIn(dir)).toEqual(["mall.xlsx"]);
  });

  it.each([
    ["a name that is not .xlsx", "mall.xls", "namnet måste sluta på .xlsx"],
    ["a missing folder", path.join("saknas", "mall.xlsx"), "finns inte. Skapa mappen"],
  ])("explains %s in Swedish and writes nothing", async (_case, name, words) => {
    const file = path.join(dir, name);
    expect(await mall({ output: file })).toBe(2);
    expect(stderr).toMatch(/^Fel: /);
    expect(stderr).toContain(words);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("refuses a folder as the output", async () => {
    const folder = path.join(dir, "mallar.xlsx");
    await fs.mkdir(folder);
    expect(await mall({ output: folder })).toBe(2);
    expect(stderr).toContain("är en mapp");
  });
});

describe("tertial mall on the command line", () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        // tsx's ESM hook too: main() loads each command with import().
        "--import",
        "tsx",
        "--eval",
        'require("./src/cli/main").main(["node", "tertial", ...process.argv.slice(1)])',
        "--",
        ...args,
      ],
      { cwd: ROOT, encoding: "utf8" }
    );

  it("writes with -o, then refuses the same file with exit code 2 unless --force", async () => {
    const file = path.join(dir, "tertial.xlsx");
    const first = run("mall", "-o", file);
    expect(first.stderr).toContain(`Skrev en ny mall (mallversion 3) till ${file}`);
    expect(first.status).toBe(0);
    const before = await fs.stat(file);

    const second = run("mall", "-o", file);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain("finns redan; använd --force");
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);

    const forced = run("mall", "--output", file, "--force");
    expect(forced.status).toBe(0);
    expect(await filesIn(dir)).toEqual(["tertial.xlsx"]);
  });
});
