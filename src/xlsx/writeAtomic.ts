/**
 * Writes a file so that a crash never leaves a half-written one: a temporary file in the target's
 * folder, then rename. Temporary files still being written are tracked, so that a signal handler
 * can remove them before the process exits (`removePendingTempFiles`).
 */
import { randomBytes } from "node:crypto";
import fs, { promises as fsp } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const writeFd = promisify(fs.writeFile);
const fsyncFd = promisify(fs.fsync);
const closeFd = promisify(fs.close);

const pending = new Set<string>();

/** Removes every temporary file a write has not yet renamed; for signal handlers, so synchronous. */
export function removePendingTempFiles(): void {
  for (const temp of pending) fs.rmSync(temp, { force: true });
  pending.clear();
}

/** `mode` (e.g. the replaced file's permissions) applies to the new file; the umask still applies. */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  mode = 0o666
): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`
  );
  // Opened synchronously, so no signal handler can run between creating the file and tracking it.
  const fd = fs.openSync(temp, "wx", mode);
  pending.add(temp);
  try {
    try {
      await writeFd(fd, data);
      await fsyncFd(fd);
    } finally {
      await closeFd(fd);
    }
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
