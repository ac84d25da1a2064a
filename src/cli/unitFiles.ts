/**
 * The files `tertial sammanstall` consolidates: each file given, and the .xlsx files of each
 * folder given (not its subfolders), in name order. Nothing in a folder is skipped silently:
 * every entry that is not read (Excel's lock files `~$…`, another extension, a subfolder, a name
 * Windows and Excel cannot handle or that is not valid text, a link to nothing) is listed with its
 * reason. Files given one by one are all read (readUnit says why one cannot be used). The output
 * file is not left out: when it is among the inputs, prepareOutput refuses to write over it.
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
  /** What the inputs were: files only, one folder, several folders, or both kinds. */
  readonly given: "files" | "folder" | "folders" | "mixed";
  /** Subfolders among the skipped entries (counted apart in the summary line). */
  readonly subfolders: number;
}

const byName = (a: string, b: string) => a.localeCompare(b, "sv");

const RENAME = "Byt namn på filen och kör sammanställningen igen om den ska med.";

const OTHER_FORMATS: Readonly<Record<string, string>> = {
  ".xlsm":
    "En arbetsbok med makron (.xlsm): Tertial sammanställer bara .xlsx-filer. Spara den som " +
    "Excel-arbetsbok (.xlsx) om den ska med.",
  ".xls":
    "En arbetsbok i Excels gamla format (.xls): Tertial sammanställer bara .xlsx-filer. Spara den " +
    "som Excel-arbetsbok (.xlsx) om den ska med.",
  ".xlsb":
    "En binär Excel-arbetsbok (.xlsb): Tertial sammanställer bara .xlsx-filer. Spara den som " +
    "Excel-arbetsbok (.xlsx) om den ska med.",
};

const SUBFOLDER =
  "En mapp: Tertial läser bara arbetsböckerna direkt i den angivna mappen, inte i undermappar. " +
  "Ange mappen också om dess arbetsböcker ska med.";

const NOT_XLSX = (ext: string) =>
  `${ext ? `En ${ext}-fil` : "En fil utan filändelse"}, ingen Excel-arbetsbok (.xlsx); den lästes inte.`;

const LINK_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "En länk till en fil som inte finns; den lästes inte.",
  ELOOP: "En länk som pekar på sig själv (i en slinga); den lästes inte.",
  EACCES: "Tertial har inte behörighet att läsa den. Kontrollera filens behörigheter.",
  EPERM: "Tertial har inte behörighet att läsa den. Kontrollera filens behörigheter.",
};

/** A name that is not valid UTF-8: shown with replacement characters, never read. */
function decodedName(raw: Buffer): { name: string; valid: boolean } {
  try {
    return { name: new TextDecoder("utf-8", { fatal: true }).decode(raw), valid: true };
  } catch {
    return { name: new TextDecoder("utf-8").decode(raw), valid: false };
  }
}

type Entry = { read: string } | { skip: UnusableFile; folder?: boolean };

/** Why a folder's entry is not read, or the path to read. */
async function folderEntry(folder: string, raw: Buffer): Promise<Entry> {
  const { name, valid } = decodedName(raw);
  const skip = (reason: string, isFolder = false): Entry => ({
    skip: { file: name, reason },
    folder: isFolder,
  });
  if (!valid) {
    return skip(
      `Filnamnet är inte giltig text (fel teckenkodning), så filen kan inte läsas. ${RENAME}`
    );
  }
  if (/[\s.]$/u.test(name) || /^\s/u.test(name)) {
    return skip(
      "Namnet har mellanslag först eller sist, eller slutar med punkt, vilket Windows och Excel " +
        `inte kan hantera; filen lästes inte. ${RENAME}`
    );
  }
  if (isLockFile(name)) return { skip: lockFile(name) };
  const file = path.join(folder, name);
  const stats = await fs.stat(file).then(
    (found) => ({ found }),
    (error: NodeJS.ErrnoException) => ({ code: error.code ?? "" })
  );
  if (!("found" in stats)) {
    return skip(LINK_PROBLEMS[stats.code] ?? "Filen kunde inte läsas; den lästes inte.");
  }
  if (stats.found.isDirectory()) return skip(SUBFOLDER, true);
  const ext = path.extname(name).toLowerCase();
  if (ext === ".xlsx") return { read: file };
  return skip(OTHER_FORMATS[ext] ?? NOT_XLSX(ext));
}

/** A folder's entries in name order, or null when `entry` is no folder. */
async function folderEntries(entry: string): Promise<Entry[] | null> {
  const stats = await fs.stat(entry).catch(() => null);
  if (!stats?.isDirectory()) return null;
  const raw = await fs.readdir(entry, { encoding: "buffer" });
  const entries = await Promise.all(raw.map((name) => folderEntry(entry, name)));
  const nameOf = (e: Entry) => ("read" in e ? path.basename(e.read) : e.skip.file);
  return entries.sort((a, b) => byName(nameOf(a), nameOf(b)));
}

export async function unitFiles(entries: readonly string[]): Promise<UnitFiles> {
  const files: string[] = [];
  const skipped: UnusableFile[] = [];
  const seen = new Set<string>();
  let folders = 0;
  let subfolders = 0;
  const unique = [...new Map(entries.map((e) => [path.resolve(e), e])).values()];
  for (const entry of unique) {
    const listed = await folderEntries(entry);
    if (listed) folders += 1;
    for (const item of listed ?? [{ read: entry }]) {
      if ("skip" in item) {
        skipped.push(item.skip);
        if (item.folder) subfolders += 1;
        continue;
      }
      const resolved = path.resolve(item.read);
      if (seen.has(resolved)) continue;
      seen.add(resolved);
      if (isLockFile(path.basename(item.read))) skipped.push(lockFile(path.basename(item.read)));
      else files.push(item.read);
    }
  }
  const given =
    folders === 0
      ? "files"
      : folders === unique.length
        ? folders === 1
          ? "folder"
          : "folders"
        : "mixed";
  return { files, skipped, given, subfolders };
}
