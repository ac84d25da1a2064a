/**
 * Writes a file so that a crash never leaves a half-written one: a temporary file in the target's
 * folder, then rename. Temporary files still being written are tracked, so that a signal handler
 * can remove them before the process exits (`removePendingTempFiles`); what a run killed outright
 * (`kill -9`, a power cut) left beside the target is removed by the next write to that target.
 */
import { createHash, randomBytes } from "node:crypto";
import fs, { promises as fsp } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const writeFd = promisify(fs.writeFile);
const fsyncFd = promisify(fs.fsync);
const closeFd = promisify(fs.close);

/**
 * The longest file name, in bytes of UTF-8, that ext4, APFS and NTFS all accept (NTFS counts 255
 * UTF-16 units, never more than the UTF-8 bytes). `å` takes 2 bytes.
 */
export const MAX_FILE_NAME_BYTES = 255;

export const fileNameBytes = (file: string): number =>
  Buffer.byteLength(path.basename(file), "utf8");

const RANDOM_HEX_DIGITS = 12;
/** `.` + stem + `.` + random hex + `.tmp`. */
const TEMP_NAME_OVERHEAD_BYTES = 1 + 1 + RANDOM_HEX_DIGITS + ".tmp".length;
const DIGEST_HEX_DIGITS = 16;

/** The longest beginning of `text`, in whole code points, that fits in `bytes` of UTF-8. */
function leadingBytes(text: string, bytes: number): string {
  let kept = "";
  let used = 0;
  for (const char of text) {
    used += Buffer.byteLength(char, "utf8");
    if (used > bytes) break;
    kept += char;
  }
  return kept;
}

/**
 * What a temporary file's name says of its target: the target's name, or, when that would make
 * the temporary name too long for the file system, its beginning and a digest of the whole name,
 * so that two long names with the same beginning still have temporary names of their own.
 */
function tempStem(targetName: string): string {
  if (Buffer.byteLength(targetName, "utf8") + TEMP_NAME_OVERHEAD_BYTES <= MAX_FILE_NAME_BYTES) {
    return targetName;
  }
  const digest = createHash("sha256").update(targetName).digest("hex");
  const room = MAX_FILE_NAME_BYTES - TEMP_NAME_OVERHEAD_BYTES - 1 - DIGEST_HEX_DIGITS;
  return `${leadingBytes(targetName, room)}~${digest.slice(0, DIGEST_HEX_DIGITS)}`;
}

/** A new temporary file's path for `target`: `.<name>.<12 hex digits>.tmp` in its folder. */
export function tempFileFor(target: string): string {
  const stem = tempStem(path.basename(target));
  const random = randomBytes(RANDOM_HEX_DIGITS / 2).toString("hex");
  return path.join(path.dirname(target), `.${stem}.${random}.tmp`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The bare names of the temporary files `tempFileFor(target)` makes, and of no other file. */
export function tempNamePattern(target: string): RegExp {
  const stem = escapeRegExp(tempStem(path.basename(target)));
  return new RegExp(`^\\.${stem}\\.[0-9a-f]{${RANDOM_HEX_DIGITS}}\\.tmp$`);
}

/** When this process started: a temporary file older than that belongs to an earlier run. */
const RUN_STARTED_MS = performance.timeOrigin;

const pending = new Set<string>();

/**
 * Removes the temporary files an earlier, killed run left beside `target`: only regular files
 * named as Tertial names that target's temporary files and last written before this run began, so
 * a write in progress in another process since then, a user's own `.tmp` file and the temporary
 * files of other targets are kept. Best effort: what cannot be listed or removed stays.
 */
async function removeStaleTempFiles(target: string): Promise<void> {
  const folder = path.dirname(target);
  const ours = tempNamePattern(target);
  const names = await fsp.readdir(folder).catch(() => []);
  for (const name of names.filter((n) => ours.test(n))) {
    const file = path.join(folder, name);
    const stats = await fsp.lstat(file).catch(() => null);
    if (!stats?.isFile() || stats.mtimeMs >= RUN_STARTED_MS || pending.has(file)) continue;
    await fsp.rm(file, { force: true }).catch(() => undefined);
  }
}

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
  const temp = tempFileFor(target);
  // Opened synchronously, so no signal handler can run between creating the file and tracking it.
  const fd = fs.openSync(temp, "wx", mode);
  pending.add(temp);
  try {
    try {
      await removeStaleTempFiles(target);
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
