/** `tertial …` from source, in Swedish time like the browser sessions (findings depend on the day). */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./chromium";

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTertial(args: readonly string[]): CliResult {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "tertial.ts"), ...args],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Stockholm" } }
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
