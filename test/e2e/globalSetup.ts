/**
 * Builds the page (dist/addin/, `npm run build`) once before the e2e tests, unless the build there
 * is newer than everything it is built from.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const BUILT = path.join(ROOT, "dist", "addin", "taskpane.html");
const INPUTS = [
  "src",
  "assets",
  "templates",
  "scripts/contentSecurityPolicy.js",
  "webpack.config.js",
  "manifest.xml",
  "package.json",
  "tsconfig.json",
];

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(file).map((name) => newestChange(path.join(file, name)))
  );
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

export default function globalSetup(): void {
  const sources = Math.max(...INPUTS.map((input) => newestChange(path.join(ROOT, input))));
  if (builtAt() > sources) return;
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) {
    throw new Error(`npm run build failed before the e2e tests:\n${build.stdout}\n${build.stderr}`);
  }
}
