/**
 * For tests that run a CLI command in this process: a fresh folder for each test, and what the
 * command printed on stdout and stderr (captured, then restored with the exit code).
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface InProcessRun {
  /** This test's folder, removed after it. */
  readonly dir: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** Call at the top of a test file; the returned object reads the current test's values. */
export function useInProcessCli(folderPrefix: string): InProcessRun {
  const run = { dir: "", stdout: "", stderr: "" };
  let spies: jest.SpyInstance[] = [];

  beforeEach(async () => {
    run.dir = await fs.mkdtemp(path.join(os.tmpdir(), folderPrefix));
    run.stdout = "";
    run.stderr = "";
    spies = [
      jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        run.stdout += String(chunk);
        return true;
      }),
      jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
        run.stderr += String(chunk);
        return true;
      }),
    ];
  });

  afterEach(async () => {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = undefined;
    await fs.rm(run.dir, { recursive: true, force: true });
  });

  return run;
}

export const sha256 = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
