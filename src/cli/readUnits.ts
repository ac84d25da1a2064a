/**
 * Reads and reduces every unit's workbook, in bounded memory: each worker (or the main thread)
 * holds one workbook at a time and keeps only its UnitReport. With many files, a pool of worker
 * threads, one per core, shares the work; results come back in the files' order.
 */
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { readUnit, type UnitOutcome } from "./readUnit";
import type { UnitTask } from "./unitWorker";

/** Below this many files, starting workers (each loads exceljs) costs more than it saves. */
export const WORKER_THRESHOLD = 8;

/** The worker's entry beside this module: .js when built, .ts under tsx (whose loader workers inherit). */
const WORKER_ENTRY = path.join(__dirname, `unitWorker${path.extname(__filename)}`);

async function inMainThread(files: readonly string[], today: Date): Promise<UnitOutcome[]> {
  const outcomes: UnitOutcome[] = [];
  for (const file of files) outcomes.push(await readUnit(file, today));
  return outcomes;
}

function inWorkers(files: readonly string[], today: Date, count: number): Promise<UnitOutcome[]> {
  const outcomes: UnitOutcome[] = new Array<UnitOutcome>(files.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: count }, () => new Worker(WORKER_ENTRY));
    const stop = () => Promise.all(workers.map((w) => w.terminate()));
    const give = (worker: Worker) => {
      if (next >= files.length) return;
      const task: UnitTask = { index: next, file: files[next], today };
      next += 1;
      worker.postMessage(task);
    };
    for (const worker of workers) {
      worker.on("message", ({ index, outcome }: { index: number; outcome: UnitOutcome }) => {
        outcomes[index] = outcome;
        finished += 1;
        if (finished === files.length) void stop().then(() => resolve(outcomes));
        else give(worker);
      });
      worker.on("error", (error) => void stop().then(() => reject(error)));
      give(worker);
    }
  });
}

/** How many worker threads read `files` files: 0 (the main thread does) below the threshold or on one core. */
export function workerCount(files: number): number {
  const cores = os.availableParallelism();
  return files < WORKER_THRESHOLD || cores < 2 ? 0 : Math.min(cores, files);
}

export function readUnits(files: readonly string[], today: Date): Promise<UnitOutcome[]> {
  const workers = workerCount(files.length);
  return workers === 0 ? inMainThread(files, today) : inWorkers(files, today, workers);
}
