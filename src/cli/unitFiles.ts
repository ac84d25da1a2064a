/**
 * The files `tertial sammanstall` consolidates: each file given, and the .xlsx files of each
 * folder given (not its subfolders), in name order. Excel's lock files (`~$…`) are not read, but
 * listed with the reason, so nothing is skipped silently. The output file is not left out: when
 * it is among the inputs, prepareOutput refuses to write over it.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { UnusableFile } from "../core/consolidate/consolidate";
import { isLockFile, lockFile } from "../xlsx/consolidate/readUnit";

export interface UnitFiles {
  /** Paths to read, in order, without duplicates. */
  readonly files: readonly string[];
  /** Files not read, with the reason. */
  readonly skipped: readonly UnusableFile[];
}

const byName = (a: string, b: string) => a.localeCompare(b, "sv");

/** A folder's .xlsx files (by name), or null when `entry` is no folder. */
async function folderFiles(entry: string): Promise<string[] | null> {
  const stats = await fs.stat(entry).catch(() => null);
  if (!stats?.isDirectory()) return null;
  const names = await fs.readdir(entry);
  return names
    .filter((name) => path.extname(name).toLowerCase() === ".xlsx")
    .sort(byName)
    .map((name) => path.join(entry, name));
}

export async function unitFiles(entries: readonly string[]): Promise<UnitFiles> {
  const files: string[] = [];
  const skipped: UnusableFile[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const listed = (await folderFiles(entry)) ?? [entry];
    for (const file of listed) {
      const resolved = path.resolve(file);
      if (seen.has(resolved)) continue;
      seen.add(resolved);
      if (isLockFile(path.basename(file))) skipped.push(lockFile(path.basename(file)));
      else files.push(file);
    }
  }
  return { files, skipped };
}
