/** Node: a workbook file on disk → Snapshot. Problems opening the file become Swedish messages. */
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import {
  FileNotReadableError,
  WorkbookTooLargeError,
  type FileProblem,
  type WantedFile,
} from "../../core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../../core/limits";
import type { Snapshot } from "../../core/snapshot";
import { nodeInflate } from "../zip/nodeInflate";
import { readSnapshotFromBuffer } from "./readSnapshot";

const FILE_PROBLEMS: Readonly<Record<string, FileProblem>> = {
  ENOENT: "missing",
  ENOTDIR: "missing",
  EISDIR: "directory",
  EACCES: "permission",
  EPERM: "permission",
  EBUSY: "busy",
  ELOOP: "linkLoop",
  ENAMETOOLONG: "nameTooLong",
};

export function fileProblem(
  error: unknown,
  filePath: string,
  wanted: WantedFile = "workbook"
): unknown {
  const problem = FILE_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ""];
  return problem ? new FileNotReadableError(filePath, problem, wanted) : error;
}

/**
 * The file's bytes, after `stat` has shown it to be a regular file within the size limit: a FIFO
 * would block the open itself, and /dev/zero never ends. Opened without blocking and checked once
 * more, in case the path was replaced in between; a file that grows meanwhile is read only up to
 * the limit and then refused.
 */
export async function readWorkbookBytes(filePath: string): Promise<Uint8Array> {
  const stats = await fs.stat(filePath).catch((error: unknown) => {
    throw fileProblem(error, filePath);
  });
  if (stats.isDirectory()) throw new FileNotReadableError(filePath, "directory");
  if (!stats.isFile()) throw new FileNotReadableError(filePath, "special");
  const tooLarge = (bytes: number) =>
    new WorkbookTooLargeError(filePath, {
      kind: "file",
      bytes,
      limitBytes: MAX_WORKBOOK_FILE_BYTES,
    });
  if (stats.size > MAX_WORKBOOK_FILE_BYTES) throw tooLarge(stats.size);
  try {
    // O_NONBLOCK (not on Windows, which has no FIFOs at a path) keeps a FIFO from blocking the open.
    const file = await fs.open(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    try {
      if (!(await file.stat()).isFile()) throw new FileNotReadableError(filePath, "special");
      const chunks: Uint8Array[] = [];
      let length = 0;
      for (;;) {
        // The size stat gave, plus room to notice that the file has grown since.
        const chunk = new Uint8Array(Math.max(stats.size + 1 - length, 64 * 1024));
        const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
        if (length > MAX_WORKBOOK_FILE_BYTES) throw tooLarge(length);
      }
      return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw fileProblem(error, filePath);
  }
}

/**
 * The Snapshot names the file by its base name, as the user sees it in Explorer or Finder. Parts
 * are inflated with Node's zlib (nodeInflate.ts).
 */
export async function readSnapshotFromFile(filePath: string): Promise<Snapshot> {
  return (await readWorkbookFile(filePath)).snapshot;
}

/** The file's bytes with their Snapshot, read once: Ny period edits a copy of the bytes it read. */
export async function readWorkbookFile(
  filePath: string
): Promise<{ readonly bytes: Uint8Array; readonly snapshot: Snapshot }> {
  const bytes = await readWorkbookBytes(filePath);
  const snapshot = await readSnapshotFromBuffer(bytes, path.basename(filePath), nodeInflate);
  return { bytes, snapshot };
}
