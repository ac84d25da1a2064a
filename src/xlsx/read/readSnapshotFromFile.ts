/** Node: a workbook file on disk → Snapshot. Problems opening the file become Swedish messages. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { FileNotReadableError, type FileProblem } from "../../core/errors";
import type { Snapshot } from "../../core/snapshot";
import { readSnapshotFromBuffer } from "./readSnapshot";

const FILE_PROBLEMS: Readonly<Record<string, FileProblem>> = {
  ENOENT: "missing",
  ENOTDIR: "missing",
  EISDIR: "directory",
  EACCES: "permission",
  EPERM: "permission",
  EBUSY: "busy",
};

async function readBytes(filePath: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    const problem = FILE_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ""];
    if (problem) throw new FileNotReadableError(filePath, problem);
    throw error;
  }
}

/** The Snapshot names the file by its base name, as the user sees it in Explorer or Finder. */
export async function readSnapshotFromFile(filePath: string): Promise<Snapshot> {
  return readSnapshotFromBuffer(await readBytes(filePath), path.basename(filePath));
}
