/**
 * What the built CLI loads: --version, --help and usage errors need no workbook, so they must not
 * load exceljs, docx or a command's module (each costs a user half a second or more at every
 * start); `validera` loads exceljs but not docx. The modules are read from the process itself
 * (loadedModules.cjs, preloaded with --require), not inferred from timings.
 */
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCli, CLI, ROOT } from "./builtCli";

const PROBE = path.join(__dirname, "loadedModules.cjs");
const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
const VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

let dir = "";

beforeAll(async () => {
  const build = await buildCli();
  expect(build.output).not.toMatch(/error TS/);
  expect(build.status).toBe(0);
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-start-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Loaded {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The npm packages the process loaded, by name. */
  packages: Set<string>;
  /** The modules of dist/cli/ it loaded, by file name. */
  cliModules: Set<string>;
}

/** The package a module file belongs to: the folder after its last node_modules/ (@scope/name). */
function packageOf(file: string): string | undefined {
  const match =
    /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(file);
  return match?.[1].replace(/\\/g, "/");
}

function tertial(...args: string[]): Loaded {
  const list = path.join(dir, "loaded.json");
  const run = spawnSync(process.execPath, ["--require", PROBE, CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TERTIAL_LOADED_MODULES: list },
  });
  expect(run.error).toBeUndefined();
  const files = JSON.parse(readFileSync(list, "utf8")) as string[];
  const cliFolder = path.join(ROOT, "dist", "cli") + path.sep;
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    packages: new Set(files.map(packageOf).filter((name): name is string => name !== undefined)),
    cliModules: new Set(files.filter((f) => f.startsWith(cliFolder)).map((f) => path.basename(f))),
  };
}

/** Exit codes of a command that did its work: 0 without fel, 1 with (the example has fel). */
const CHECKED = [0, 1];

const COMMAND_MODULES = [
  "validateCommand.js",
  "reportCommand.js",
  "newPeriodCommand.js",
  "consolidateCommand.js",
  "templateCommand.js",
];

describe("answers that need no workbook load only commander", () => {
  test.each([
    [["--version"], 0, /^0\.|^\d/],
    [["-V"], 0, /^\d/],
    [["--help"], 0, /Användning: tertial \[flaggor\] \[kommando\]/],
    [["help", "rapport"], 0, /Användning: tertial rapport/],
    [["rapport", "--help"], 0, /Användning: tertial rapport/],
    [["sammanstall", "--help"], 0, /Användning: tertial sammanstall/],
    [["felstavat"], 2, /Fel: okänt kommando 'felstavat'/],
    [["validera"], 2, /Fel: argumentet <fil> saknas/],
    [["validera", "--okänd", "x.xlsx"], 2, /Fel: okänd flagga '--okänd'/],
    [["sammanstall", "a.xlsx"], 2, /Fel: flaggan '-o, --output <nämnd.xlsx>' måste anges/],
  ] as const)("tertial %j", (args, status, output) => {
    const run = tertial(...args);
    expect(run.status).toBe(status);
    expect(run.stdout + run.stderr).toMatch(output);
    expect([...run.packages]).toEqual(["commander"]);
    expect(COMMAND_MODULES.filter((m) => run.cliModules.has(m))).toEqual([]);
  });

  test("--version prints package.json's version", () => {
    expect(tertial("--version").stdout.trim()).toBe(VERSION);
  });
});

test("validera loads exceljs and its own command, not docx or another command", () => {
  const run = tertial("validera", EXAMPLE);
  expect(CHECKED).toContain(run.status);
  expect(run.stdout).toMatch(/ i exempel-2024-T2\.xlsx$/m);
  expect(run.packages).toContain("exceljs");
  expect(run.packages).not.toContain("docx");
  expect(COMMAND_MODULES.filter((m) => run.cliModules.has(m))).toEqual(["validateCommand.js"]);
});

test("rapport to Word loads docx (the probe sees what a command needs)", async () => {
  const run = tertial("rapport", EXAMPLE, "-o", path.join(dir, "rapport.docx"));
  expect(CHECKED).toContain(run.status);
  expect((await fs.stat(path.join(dir, "rapport.docx"))).size).toBeGreaterThan(0);
  expect(run.packages).toContain("docx");
  expect(COMMAND_MODULES.filter((m) => run.cliModules.has(m))).toEqual(["reportCommand.js"]);
});
