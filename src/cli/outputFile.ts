/**
 * The one way a `tertial` command writes a file. Writing never destroys: an existing file is kept
 * unless the user says --force (or the command recognises the file as its own earlier output), a
 * target that is not a regular file is never opened, read-only files and folders are respected,
 * and the bytes go through a temporary file and a rename (writeAtomic.ts). Every refusal is an
 * OutputFileError with a Swedish message; runCommand turns it into exit code 2.
 */
import { constants, promises as fs, type Stats } from "node:fs";
import path from "node:path";
import { fileNameBytes, MAX_FILE_NAME_BYTES, writeFileAtomic } from "../xlsx/writeAtomic";
import { withFileAt } from "../xlsx/zip/fileAt";
import type { RandomAccessFile } from "../xlsx/zip/packageAt";

export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFileError";
  }
}

export interface OutputPolicy {
  /** The target as the user gave it (messages quote it as typed). */
  readonly target: string;
  /** The file name ending the format needs: ".xlsx" or ".docx". */
  readonly extension: string;
  /** A file name the messages suggest, e.g. "rapport.xlsx". */
  readonly exampleName: string;
  /** Another name the wrong-ending message suggests: `-o rapport.docx` for a Word document. */
  readonly alternative?: { readonly name: string; readonly what: string };
  /** Replace an existing regular, writable file. */
  readonly force?: boolean;
  /**
   * Whether an existing file may be replaced without --force because the command wrote it
   * itself. It reads the file by position (only the parts it needs, never the whole file), so
   * a target of any size is recognised or refused at once.
   */
  readonly isOwnOutput?: (file: RandomAccessFile) => Promise<boolean>;
  /**
   * The file the command reads: never written over, not even with --force, since Tertial never
   * changes its input (`sammanstall` has many). `what` names the output in the message, e.g.
   * "rapporten".
   */
  readonly input?: { readonly file: string | readonly string[]; readonly what: string };
}

/** What a file with the ending is, as the refusal of another ending says it. */
const FILE_KINDS: Readonly<Record<string, string>> = {
  ".xlsx": "en Excel-arbetsbok",
  ".docx": "ett Word-dokument",
};

const nobodyMayWrite = (stats: Stats) => (stats.mode & 0o222) === 0;

/**
 * Writable for this process. Root may write anything, so a file or folder no one may write is
 * read-only to it too: the user marked it so on purpose.
 */
async function writable(file: string, stats: Stats): Promise<boolean> {
  if (nobodyMayWrite(stats)) return false;
  return fs.access(file, constants.W_OK).then(
    () => true,
    () => false
  );
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The same file by path or, through a link or another letter case, by identity on disk. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [statA, statB] = await Promise.all([
    fs.stat(a).catch(() => null),
    fs.stat(b).catch(() => null),
  ]);
  return (
    statA !== null &&
    statB !== null &&
    statA.ino !== 0 &&
    statA.dev === statB.dev &&
    statA.ino === statB.ino
  );
}

function notRegularFile(target: string, stats: Stats, exampleName: string): OutputFileError {
  if (stats.isDirectory()) {
    return new OutputFileError(
      `${target} är en mapp. Ange ett filnamn, t.ex. -o ${path.join(target, exampleName)}.`
    );
  }
  const what = stats.isFIFO()
    ? "en namngiven pipe (FIFO)"
    : stats.isCharacterDevice() || stats.isBlockDevice()
      ? "en enhet"
      : stats.isSocket()
        ? "en socket"
        : "ingen vanlig fil";
  return new OutputFileError(
    `${target} är ${what}, inte en vanlig fil. Tertial skriver bara till vanliga filer, ` +
      "även med --force. Ange en annan fil med -o."
  );
}

/** A name no file system takes, or a path longer than this one's limit (ENAMETOOLONG). */
function nameTooLong(target: string): OutputFileError {
  const bytes = fileNameBytes(target);
  return new OutputFileError(
    bytes > MAX_FILE_NAME_BYTES
      ? `${target} kan inte skrivas: filnamnet är ${bytes} byte långt, men filsystemet tillåter ` +
          `högst ${MAX_FILE_NAME_BYTES} byte (å, ä och ö räknas som 2). Ange ett kortare namn med -o.`
      : `${target} kan inte skrivas: sökvägen är längre än filsystemet tillåter. ` +
          "Ange en fil med kortare sökväg med -o."
  );
}

/** The folder the file will be written in must exist, be a folder and be writable. */
async function checkFolder(target: string, folder: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.stat(folder);
  } catch (error) {
    if (errnoOf(error) === "ENOTDIR") {
      throw new OutputFileError(
        `${target} kan inte skrivas: en del av sökvägen är en fil, inte en mapp. Ange en annan fil med -o.`
      );
    }
    throw new OutputFileError(
      `Mappen ${folder} finns inte. Skapa mappen eller ange en annan fil med -o.`
    );
  }
  if (!stats.isDirectory()) {
    throw new OutputFileError(`${folder} är ingen mapp. Ange en annan fil med -o.`);
  }
  if (!(await writable(folder, stats))) {
    throw new OutputFileError(
      `Mappen ${folder} är skrivskyddad, så ${target} kan inte skrivas där. ` +
        "Ange en fil i en annan mapp med -o."
    );
  }
}

/** Where the bytes may go: the real path (a link to a file is followed), and the mode to keep. */
interface Destination {
  readonly file: string;
  readonly mode?: number;
}

/** The existing regular file at the target (a link followed), or null when there is none. */
async function existingFile(
  target: string,
  exampleName: string
): Promise<{ file: string; stats: Stats } | null> {
  let stats: Stats;
  try {
    stats = await fs.lstat(target);
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw writeError(target, error);
  }
  let file = target;
  if (stats.isSymbolicLink()) {
    try {
      file = await fs.realpath(target);
      stats = await fs.stat(file);
    } catch (error) {
      if (errnoOf(error) === "ELOOP") throw writeError(target, error);
      throw new OutputFileError(
        `${target} är en länk till en fil som inte finns. Ange en annan fil med -o.`
      );
    }
  }
  if (!stats.isFile()) throw notRegularFile(target, stats, exampleName);
  return { file, stats };
}

/** Checks the target against the policy; throws OutputFileError when it must not be written. */
async function destination(policy: OutputPolicy): Promise<Destination> {
  const { target, extension, exampleName, input } = policy;
  for (const file of input === undefined ? [] : [input.file].flat()) {
    if (!(await sameFile(target, file))) continue;
    throw new OutputFileError(
      `${input?.what} kan inte skrivas över arbetsboken ${file}; Tertial ändrar aldrig ` +
        "indatafilen. Ange en annan fil med -o."
    );
  }
  if (target.trim() === "") {
    throw new OutputFileError(`Ange ett filnamn efter -o, t.ex. -o ${exampleName}.`);
  }
  if (fileNameBytes(target) > MAX_FILE_NAME_BYTES) throw nameTooLong(target);
  // What is there comes first: "is a FIFO" says more than "must end in .xlsx".
  const existing = await existingFile(target, exampleName);
  if (path.extname(target).toLowerCase() !== extension) {
    const { alternative } = policy;
    throw new OutputFileError(
      `${target}: filen blir ${FILE_KINDS[extension] ?? "en fil"}, så namnet måste sluta på ` +
        `${extension}, t.ex. -o ${exampleName}` +
        (alternative ? ` (eller -o ${alternative.name} för ${alternative.what}).` : ".")
    );
  }
  if (existing === null) {
    await checkFolder(target, path.dirname(target));
    return { file: target };
  }
  const { file, stats } = existing;
  if (!(await writable(file, stats))) {
    throw new OutputFileError(
      `${target} är skrivskyddad och ersätts inte, inte heller med --force. ` +
        "Ta bort skrivskyddet eller ange en annan fil med -o."
    );
  }
  await checkFolder(target, path.dirname(file));
  const replaceable =
    policy.force ||
    (policy.isOwnOutput !== undefined &&
      // A file this process cannot open for reading is not known to be its own.
      (await withFileAt(file, policy.isOwnOutput).catch(() => false)));
  if (!replaceable) {
    throw new OutputFileError(
      `${target} finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.`
    );
  }
  return { file, mode: stats.mode & 0o7777 };
}

/** Why writing failed, for the errors the checks cannot foresee (full disk, races, locks). */
export function writeError(target: string, error: unknown): OutputFileError | unknown {
  const folder = path.dirname(target);
  switch (errnoOf(error)) {
    case "ENOSPC":
    case "EDQUOT":
      return new OutputFileError(
        `${target} kunde inte skrivas eftersom disken är full. Frigör utrymme och försök igen.`
      );
    case "EROFS":
      return new OutputFileError(
        `${target} kunde inte skrivas: mappen ${folder} ligger på en skrivskyddad enhet. ` +
          "Ange en fil på en annan enhet med -o."
      );
    case "EACCES":
    case "EPERM":
      return new OutputFileError(
        `${target} kunde inte skrivas: du saknar behörighet att skriva i mappen ${folder}. ` +
          "Ange en fil i en annan mapp med -o."
      );
    case "EBUSY":
    case "ETXTBSY":
      return new OutputFileError(
        `${target} kunde inte skrivas: filen är öppen i ett annat program (t.ex. Excel). ` +
          "Stäng den och försök igen, eller ange en annan fil med -o."
      );
    case "EISDIR":
      return new OutputFileError(`${target} är en mapp. Ange ett filnamn med -o.`);
    case "ENOTDIR":
      return new OutputFileError(
        `${target} kunde inte skrivas: en del av sökvägen är en fil, inte en mapp. Ange en annan fil med -o.`
      );
    case "ENOENT":
      return new OutputFileError(
        `Mappen ${folder} finns inte. Skapa mappen eller ange en annan fil med -o.`
      );
    case "ENAMETOOLONG":
      return nameTooLong(target);
    case "ELOOP":
      return new OutputFileError(
        `${target} kan inte skrivas: sökvägen går genom länkar som pekar på varandra i en slinga. ` +
          "Ange en annan fil med -o."
      );
    default:
      return error;
  }
}

/**
 * Checks the target now, before the command does its work, so that a refusal comes at once.
 * The returned function writes the bytes, checking the target again first: it may have changed
 * while the command worked.
 */
export async function prepareOutput(
  policy: OutputPolicy
): Promise<(bytes: Uint8Array) => Promise<void>> {
  await destination(policy);
  return async (bytes) => {
    const { file, mode } = await destination(policy);
    try {
      await writeFileAtomic(file, bytes, mode);
    } catch (error) {
      throw writeError(policy.target, error);
    }
  };
}
