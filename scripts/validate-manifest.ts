/**
 * `npm run validate`: checks manifest.xml with whatever is available where it runs, and says which
 * check ran and whether it passed.
 *
 * 1. Microsoft's validation service, through the ecosystem's `office-addin-manifest validate`. It
 *    needs the network; when it cannot be reached (or does not answer within the timeout) that is
 *    reported as "could not run", not as an invalid manifest.
 * 2. The offline XSD check (`xmllint --nonet --schema`), when the add-in manifest schemas are
 *    beside the project (../shared/schemas/office-addin-manifest/, as in CI) or given by --schemas.
 *
 * Exit code 1 when a check that ran found the manifest invalid; 0 otherwise, including when
 * neither check could run (said plainly: the manifest was then not validated); 2 for a bad option.
 *
 * Usage: tsx scripts/validate-manifest.ts [manifest.xml] [--schemas DIR] [--offline] [--timeout S]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const DEFAULT_SCHEMA_DIR = path.join(ROOT, "..", "shared", "schemas", "office-addin-manifest");
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";
const DEFAULT_TIMEOUT_MS = 10_000;

export type CheckOutcome =
  | { readonly status: "passed"; readonly detail?: string }
  | { readonly status: "failed"; readonly detail: string }
  | { readonly status: "unavailable"; readonly detail: string };

export interface CheckResult {
  readonly name: string;
  readonly outcome: CheckOutcome;
}

export interface ValidateOptions {
  readonly manifest: string;
  readonly schemaDir: string;
  /** The online check's command line, or why it cannot run (--offline, not installed). */
  readonly online: { readonly command: readonly string[] } | { readonly skipped: string };
  readonly timeoutMs: number;
}

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly timedOut: boolean;
  readonly spawnError?: string;
}

/** Runs a command, killing it (and giving up) after `timeoutMs`. */
function run(command: readonly string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    const child = spawn(file, args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output, timedOut, spawnError: error.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

const firstLines = (text: string, count = 3) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(" / ");

/** The validator's own verdict lines; anything else (no network, HTTP error) is no verdict. */
export async function checkOnline(
  command: readonly string[],
  timeoutMs: number
): Promise<CheckOutcome> {
  const result = await run(command, timeoutMs);
  if (result.spawnError) {
    return { status: "unavailable", detail: `could not start it: ${result.spawnError}` };
  }
  if (result.timedOut) {
    return { status: "unavailable", detail: `no answer within ${timeoutMs / 1000} s` };
  }
  if (/The manifest is valid\./.test(result.output) && result.code === 0) {
    return { status: "passed" };
  }
  if (/The manifest is not valid\./.test(result.output)) {
    return { status: "failed", detail: result.output.trim() };
  }
  return {
    status: "unavailable",
    detail: firstLines(result.output) || `it exited with code ${result.code} and said nothing`,
  };
}

export async function checkSchema(
  manifest: string,
  schemaDir: string,
  timeoutMs: number
): Promise<CheckOutcome> {
  const schema = path.join(schemaDir, SCHEMA_FILE);
  if (!existsSync(schema)) {
    return { status: "unavailable", detail: `no schemas in ${path.relative(ROOT, schemaDir)}` };
  }
  const result = await run(
    ["xmllint", "--noout", "--nonet", "--schema", schema, manifest],
    timeoutMs
  );
  if (result.spawnError) {
    return {
      status: "unavailable",
      detail: `xmllint is not installed (Debian: apt-get install libxml2-utils): ${result.spawnError}`,
    };
  }
  if (result.timedOut) {
    return { status: "unavailable", detail: `xmllint did not finish within ${timeoutMs / 1000} s` };
  }
  if (result.code === 0) return { status: "passed" };
  return { status: "failed", detail: result.output.trim() };
}

export async function validateManifest(options: ValidateOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const service = "Microsoft validation service (office-addin-manifest validate)";
  results.push({
    name: service,
    outcome:
      "command" in options.online
        ? await checkOnline(options.online.command, options.timeoutMs)
        : { status: "unavailable", detail: options.online.skipped },
  });
  results.push({
    name: "Offline XSD check (xmllint)",
    outcome: await checkSchema(options.manifest, options.schemaDir, options.timeoutMs),
  });
  return results;
}

/** The report for the terminal, and the exit code. */
export function summarise(
  manifest: string,
  results: readonly CheckResult[]
): { text: string; exitCode: number } {
  const name = path.relative(ROOT, manifest) || manifest;
  const lines = [`Checking ${name}:`];
  for (const { name: check, outcome } of results) {
    const verdict = {
      passed: "passed",
      failed: "FAILED",
      unavailable: "could not run",
    }[outcome.status];
    lines.push(`  ${check}: ${verdict}${outcome.detail ? `: ${outcome.detail}` : ""}`);
  }
  const ran = results.filter((r) => r.outcome.status !== "unavailable");
  const failed = ran.filter((r) => r.outcome.status === "failed");
  if (failed.length > 0) {
    lines.push(`${name} is NOT valid (${failed.map((r) => r.name).join("; ")}).`);
    return { text: lines.join("\n"), exitCode: 1 };
  }
  if (ran.length === 0) {
    lines.push(
      `${name} was NOT validated: neither check could run. Put the add-in manifest schemas in ` +
        `${path.relative(ROOT, DEFAULT_SCHEMA_DIR)} (or pass --schemas DIR) for the offline ` +
        "check, or run with network access for Microsoft's service."
    );
    return { text: lines.join("\n"), exitCode: 0 };
  }
  lines.push(`${name} is valid (${ran.map((r) => r.name).join("; ")}).`);
  return { text: lines.join("\n"), exitCode: 0 };
}

function parseArgs(argv: readonly string[]): ValidateOptions {
  let manifest = path.join(ROOT, "manifest.xml");
  let schemaDir = DEFAULT_SCHEMA_DIR;
  let offline = false;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--schemas") schemaDir = path.resolve(argv[++i] ?? "");
    else if (arg === "--offline") offline = true;
    else if (arg === "--timeout") timeoutMs = Number(argv[++i]) * 1000;
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else manifest = path.resolve(arg);
  }
  if (!(timeoutMs > 0)) throw new Error("--timeout needs a number of seconds");
  return {
    manifest,
    schemaDir,
    online: offline ? { skipped: "skipped (--offline)" } : onlineValidator(manifest),
    timeoutMs,
  };
}

function onlineValidator(manifest: string): ValidateOptions["online"] {
  let cli: string;
  try {
    cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");
  } catch {
    return { skipped: "office-addin-manifest is not installed (run npm install)" };
  }
  return { command: [process.execPath, cli, "validate", manifest] };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { text, exitCode } = summarise(options.manifest, await validateManifest(options));
  console.log(text);
  process.exitCode = exitCode;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`validate-manifest: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
