/** A worker thread of `tertial sammanstall`: reads and reduces the files it is sent, one at a time. */
import { parentPort } from "node:worker_threads";
import { readUnit } from "./readUnit";

export interface UnitTask {
  readonly index: number;
  readonly file: string;
  readonly today: Date;
}

parentPort?.on("message", (task: UnitTask) => {
  void readUnit(task.file, task.today).then((outcome) =>
    parentPort?.postMessage({ index: task.index, outcome })
  );
});
