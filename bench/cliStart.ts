/**
 * `npm run bench -- --cli-start`: how long the built `tertial` takes to answer what needs no
 * workbook (--version, --help, a usage error) and to validate the example, each the median of
 * RUNS fresh processes, beside `node -e 0` (the floor any Node CLI pays). Goal: the first three
 * within 0.15 s of the floor.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "bin", "tertial.js");
const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
const RUNS = 21;
const GOAL_MS = 150;

const CASES: readonly (readonly [label: string, args: readonly string[], hasGoal: boolean])[] = [
  ["node -e 0", ["-e", "0"], false],
  ["tertial --version", [CLI, "--version"], true],
  ["tertial --help", [CLI, "--help"], true],
  ["tertial felstavat (usage error)", [CLI, "felstavat"], true],
  ["tertial validera <example>", [CLI, "validera", EXAMPLE], false],
];

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { stdio: "ignore" });
  const ms = performance.now() - start;
  if (child.status === null) throw new Error(`${args.join(" ")} was killed by ${child.signal}`);
  return ms;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function cliStartFigures(): void {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0)
    throw new Error(`building the CLI failed:\n${build.stdout}${build.stderr}`);
  // Wall time on a shared machine: the load before the runs says how far to trust it.
  const load = os.loadavg()[0].toFixed(1);
  // Rounds alternate the cases, so a busy moment of the machine falls on all of them alike.
  const times = CASES.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) {
    CASES.forEach(([, args], i) => times[i].push(wallMs(args)));
  }
  const medians = times.map(median);
  console.log(
    `\nCLI start, built CLI, median of ${RUNS} processes each ` +
      `(load average ${load} on ${os.availableParallelism()} cores)`
  );
  CASES.forEach(([label, , hasGoal], i) => {
    const over = medians[i] - medians[0];
    const verdict = hasGoal ? (over <= GOAL_MS ? "   ok" : "   over the goal") : "";
    const delta = i === 0 ? "" : `   +${(over / 1000).toFixed(2)} s over node -e 0`;
    console.log(`  ${label.padEnd(32)} ${(medians[i] / 1000).toFixed(2)} s${delta}${verdict}`);
  });
  console.log(
    `  (goal: --version, --help and a usage error within ${GOAL_MS / 1000} s of node -e 0)`
  );
}
