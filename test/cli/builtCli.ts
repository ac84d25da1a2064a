/**
 * The built CLI (bin/tertial.js → dist/cli/) for the test files that spawn it. Several such files
 * may run at once in separate jest workers, so the build runs under a lock and only when a source
 * is newer than the last build: a file never rebuilds the CLI while another one is running it.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");
export const CLI = path.join(ROOT, "bin", "tertial.js");

const STAMP = path.join(ROOT, "dist", "cli", ".built");
const LOCK = path.join(
  os.tmpdir(),
  `tertial-cli-build-${Buffer.from(ROOT).toString("hex").slice(-32)}`
);
const SOURCES = ["src/core", "src/xlsx", "src/docx", "src/cli", "tsconfig.json", "tsconfig.build.json"];

async function newestSourceMs(entry: string): Promise<number> {
  const stats = await fs.stat(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  const children = await fs.readdir(entry);
  const times = await Promise.all(children.map((child) => newestSourceMs(path.join(entry, child))));
  return Math.max(stats.mtimeMs, ...times);
}

async function upToDate(): Promise<boolean> {
  const built = await fs.stat(STAMP).then(
    (s) => s.mtimeMs,
    () => 0
  );
  const sources = await Promise.all(SOURCES.map((s) => newestSourceMs(path.join(ROOT, s))));
  return built > Math.max(...sources);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A lock folder holding the owner's pid; a dead owner's lock is taken over. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await fs.mkdir(LOCK);
      break;
    } catch {
      const owner = Number(await fs.readFile(path.join(LOCK, "pid"), "utf8").catch(() => "0"));
      if (owner > 0 && !alive(owner)) await fs.rm(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await fs.writeFile(path.join(LOCK, "pid"), String(process.pid));
    return await work();
  } finally {
    await fs.rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds the CLI unless it is already built from the current sources; returns tsc's output. */
export async function buildCli(): Promise<{ status: number | null; output: string }> {
  return withLock(async () => {
    if (await upToDate()) return { status: 0, output: "" };
    const build = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
    if (build.status === 0) await fs.writeFile(STAMP, new Date().toISOString());
    return { status: build.status, output: build.stdout + build.stderr };
  });
}
