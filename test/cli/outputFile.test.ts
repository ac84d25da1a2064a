/**
 * The CLI's one file writer, on real files in a temporary folder: what it refuses (with and
 * without --force), what it replaces, and the Swedish words for failures it cannot foresee.
 * The process runs as root here, which may write anything; read-only files and folders are
 * recognised by their permission bits (chmod a-w), which holds for root as for anyone.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  OutputFileError,
  prepareOutput,
  writeError,
  type OutputPolicy,
} from "../../src/cli/outputFile";
import { tempFileFor } from "../../src/xlsx/writeAtomic";
import type { RandomAccessFile } from "../../src/xlsx/zip/packageAt";

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-utfil-"));
});

afterEach(async () => {
  await fs.chmod(dir, 0o755);
  for (const name of await fs.readdir(dir)) {
    await fs.chmod(path.join(dir, name), 0o755).catch(() => undefined);
  }
  await fs.rm(dir, { recursive: true, force: true });
});

const BYTES = new TextEncoder().encode("ny rapport");

/** Prepares and writes in one go, as a command does; resolves to the error message, or null. */
async function write(policy: Partial<OutputPolicy> & { target: string }): Promise<string | null> {
  try {
    const writeBytes = await prepareOutput({
      extension: ".xlsx",
      exampleName: "rapport.xlsx",
      ...policy,
    });
    await writeBytes(BYTES);
    return null;
  } catch (error) {
    if (error instanceof OutputFileError) return error.message;
    throw error;
  }
}

const filesIn = async (folder: string) => (await fs.readdir(folder)).sort();

describe("prepareOutput", () => {
  it("writes a new file, and leaves no temporary file behind", async () => {
    const target = path.join(dir, "rapport.xlsx");
    expect(await write({ target })).toBeNull();
    expect(await fs.readFile(target, "utf8")).toBe("ny rapport");
    expect(await filesIn(dir)).toEqual(["rapport.xlsx"]);
  });

  it("refuses an existing file without --force, and replaces it with --force", async () => {
    const target = path.join(dir, "arbetsbok.xlsx");
    await fs.writeFile(target, "ekonomens egen fil");
    expect(await write({ target })).toBe(
      `${target} finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.`
    );
    expect(await fs.readFile(target, "utf8")).toBe("ekonomens egen fil");
    expect(await write({ target, force: true })).toBeNull();
    expect(await fs.readFile(target, "utf8")).toBe("ny rapport");
    expect(await filesIn(dir)).toEqual(["arbetsbok.xlsx"]);
  });

  it("replaces without --force what the command recognises as its own output, only that", async () => {
    const own = path.join(dir, "egen.xlsx");
    const other = path.join(dir, "annan.xlsx");
    await fs.writeFile(own, "EGEN");
    await fs.writeFile(other, "ANNAN");
    const isOwnOutput = async (file: RandomAccessFile) =>
      new TextDecoder().decode(await file.readAt(0, file.size)) === "EGEN";
    expect(await write({ target: own, isOwnOutput })).toBeNull();
    expect(await fs.readFile(own, "utf8")).toBe("ny rapport");
    expect(await write({ target: other, isOwnOutput })).toMatch(/finns redan; använd --force/);
    expect(await fs.readFile(other, "utf8")).toBe("ANNAN");
  });

  it("keeps the permissions of the file it replaces", async () => {
    const target = path.join(dir, "delad.xlsx");
    await fs.writeFile(target, "gammal");
    await fs.chmod(target, 0o640);
    expect(await write({ target, force: true })).toBeNull();
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
  });

  it.each([false, true])(
    "refuses a FIFO without opening it (it would block), force %s",
    async (force) => {
      const target = path.join(dir, "pipe.xlsx");
      execFileSync("mkfifo", [target]);
      expect(await write({ target, force })).toBe(
        `${target} är en namngiven pipe (FIFO), inte en vanlig fil. Tertial skriver bara till ` +
          "vanliga filer, även med --force. Ange en annan fil med -o."
      );
      expect((await fs.lstat(target)).isFIFO()).toBe(true);
    }
  );

  it.each([false, true])(
    "refuses a device, directly or through a link, force %s",
    async (force) => {
      expect(await write({ target: "/dev/zero", force })).toMatch(
        /^\/dev\/zero är en enhet, inte en vanlig fil\. .*även med --force/
      );
      const link = path.join(dir, "noll.xlsx");
      await fs.symlink("/dev/zero", link);
      expect(await write({ target: link, force })).toMatch(/noll\.xlsx är en enhet/);
      expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    }
  );

  it("refuses a folder, and a link to nothing, even with --force", async () => {
    const folder = path.join(dir, "rapporter.xlsx");
    await fs.mkdir(folder);
    expect(await write({ target: folder, force: true })).toBe(
      `${folder} är en mapp. Ange ett filnamn, t.ex. -o ${path.join(folder, "rapport.xlsx")}.`
    );
    const dangling = path.join(dir, "borta.xlsx");
    await fs.symlink(path.join(dir, "finns-inte.xlsx"), dangling);
    expect(await write({ target: dangling, force: true })).toMatch(
      /är en länk till en fil som inte finns/
    );
  });

  it("writes through a link to a regular file, keeping the link", async () => {
    const real = path.join(dir, "verklig.xlsx");
    const link = path.join(dir, "länk.xlsx");
    await fs.writeFile(real, "gammal");
    await fs.symlink(real, link);
    expect(await write({ target: link, force: true })).toBeNull();
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, "utf8")).toBe("ny rapport");
  });

  it.each([false, true])(
    "refuses a read-only file, force %s, and says it is read-only",
    async (force) => {
      const target = path.join(dir, "låst.xlsx");
      await fs.writeFile(target, "låst innehåll");
      await fs.chmod(target, 0o444);
      expect(await write({ target, force })).toBe(
        `${target} är skrivskyddad och ersätts inte, inte heller med --force. ` +
          "Ta bort skrivskyddet eller ange en annan fil med -o."
      );
      expect(await fs.readFile(target, "utf8")).toBe("låst innehåll");
    }
  );

  it("refuses to write into a read-only folder, and says it is the folder", async () => {
    const folder = path.join(dir, "arkiv");
    await fs.mkdir(folder);
    await fs.chmod(folder, 0o555);
    const target = path.join(folder, "rapport.xlsx");
    expect(await write({ target, force: true })).toBe(
      `Mappen ${folder} är skrivskyddad, så ${target} kan inte skrivas där. ` +
        "Ange en fil i en annan mapp med -o."
    );
    expect(await filesIn(folder)).toEqual([]);
  });

  it.each([
    ["an empty name", "", "Ange ett filnamn efter -o, t.ex. -o rapport.xlsx."],
    [
      "another extension",
      "rapport.pdf",
      "rapport.pdf: filen blir en Excel-arbetsbok, så namnet måste sluta på .xlsx, t.ex. -o rapport.xlsx.",
    ],
    ["no extension", "rapport", "rapport: filen blir en Excel-arbetsbok"],
  ])("refuses %s", async (_case, name, message) => {
    const target = name === "" ? "" : path.join(dir, name);
    const refusal = await write({ target });
    expect(refusal?.replace(`${dir}${path.sep}`, "")).toContain(message);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("accepts the extension in any letter case", async () => {
    expect(await write({ target: path.join(dir, "RAPPORT.XLSX") })).toBeNull();
  });

  it("names a missing folder, and a file standing where a folder should be", async () => {
    const missing = path.join(dir, "saknas", "rapport.xlsx");
    expect(await write({ target: missing })).toBe(
      `Mappen ${path.join(dir, "saknas")} finns inte. Skapa mappen eller ange en annan fil med -o.`
    );
    const file = path.join(dir, "fil.xlsx");
    await fs.writeFile(file, "x");
    expect(await write({ target: path.join(file, "rapport.xlsx") })).toMatch(
      /kunde inte skrivas: en del av sökvägen är en fil, inte en mapp/
    );
  });

  it("never writes over the command's input, by path or through a link, even with --force", async () => {
    const input = path.join(dir, "nämnd.xlsx");
    await fs.writeFile(input, "arbetsboken");
    const link = path.join(dir, "länk.xlsx");
    await fs.symlink(input, link);
    for (const target of [input, path.join(dir, ".", "nämnd.xlsx"), link]) {
      expect(await write({ target, force: true, input: { file: input, what: "rapporten" } })).toBe(
        `rapporten kan inte skrivas över arbetsboken ${input}; Tertial ändrar aldrig ` +
          "indatafilen. Ange en annan fil med -o."
      );
    }
    expect(await fs.readFile(input, "utf8")).toBe("arbetsboken");
    const other = path.join(dir, "rapport.xlsx");
    expect(await write({ target: other, input: { file: input, what: "rapporten" } })).toBeNull();
  });

  it("checks again when it writes: a file that appeared meanwhile is not replaced", async () => {
    const target = path.join(dir, "rapport.xlsx");
    const writeBytes = await prepareOutput({
      target,
      extension: ".xlsx",
      exampleName: "rapport.xlsx",
    });
    await fs.writeFile(target, "någon annans");
    await expect(writeBytes(BYTES)).rejects.toThrow(/finns redan/);
    expect(await fs.readFile(target, "utf8")).toBe("någon annans");
  });
});

describe("writeError", () => {
  const failure = (code: string) => {
    const result = writeError("ut/rapport.xlsx", Object.assign(new Error(code), { code }));
    return result instanceof OutputFileError ? result.message : null;
  };

  it.each([
    [
      "ENOSPC",
      "ut/rapport.xlsx kunde inte skrivas eftersom disken är full. Frigör utrymme och försök igen.",
    ],
    ["EROFS", "ut/rapport.xlsx kunde inte skrivas: mappen ut ligger på en skrivskyddad enhet."],
    ["EACCES", "ut/rapport.xlsx kunde inte skrivas: du saknar behörighet att skriva i mappen ut."],
    ["EISDIR", "ut/rapport.xlsx är en mapp. Ange ett filnamn med -o."],
    ["ENOTDIR", "ut/rapport.xlsx kunde inte skrivas: en del av sökvägen är en fil, inte en mapp."],
    [
      "EBUSY",
      "ut/rapport.xlsx kunde inte skrivas: filen är öppen i ett annat program (t.ex. Excel).",
    ],
  ])("words %s in Swedish", (code, words) => {
    expect(failure(code)).toContain(words);
  });

  it("passes on errors that are not about the file (bugs stay bugs)", () => {
    expect(failure("ERR_INVALID_ARG_TYPE")).toBeNull();
  });
});

describe("long names", () => {
  const bytesOf = (name: string) => Buffer.byteLength(name, "utf8");

  it.each([
    ["245 bytes of ASCII", `${"a".repeat(240)}.xlsx`],
    ["245 bytes with å (2 bytes each)", `${"å".repeat(120)}.xlsx`],
    ["the limit, 255 bytes", `${"ö".repeat(125)}.xlsx`],
  ])("writes a target named with %s, and leaves only the target", async (_case, name) => {
    expect(bytesOf(name)).toBeLessThanOrEqual(255);
    const target = path.join(dir, name);
    expect(await write({ target })).toBeNull();
    expect(await fs.readFile(target, "utf8")).toBe("ny rapport");
    expect(await filesIn(dir)).toEqual([name]);
  });

  it("refuses a name over 255 bytes in Swedish, counting å as 2", async () => {
    const target = path.join(dir, `${"å".repeat(126)}.xlsx`);
    expect(await write({ target, force: true })).toBe(
      `${target} kan inte skrivas: filnamnet är 257 byte långt, men filsystemet tillåter högst ` +
        "255 byte (å, ä och ö räknas som 2). Ange ett kortare namn med -o."
    );
    expect(await filesIn(dir)).toEqual([]);
  });

  it("words a path over the system's limit (ENAMETOOLONG) in Swedish", () => {
    const error = Object.assign(new Error("ENAMETOOLONG"), { code: "ENAMETOOLONG" });
    const message = (writeError("ut/rapport.xlsx", error) as Error).message;
    expect(message).toBe(
      "ut/rapport.xlsx kan inte skrivas: sökvägen är längre än filsystemet tillåter. " +
        "Ange en fil med kortare sökväg med -o."
    );
  });
});

describe("links in a loop", () => {
  it("refuses a target that is such a link, or lies in a folder that is one, in Swedish", async () => {
    await fs.symlink("b.xlsx", path.join(dir, "a.xlsx"));
    await fs.symlink("a.xlsx", path.join(dir, "b.xlsx"));
    for (const target of [path.join(dir, "a.xlsx"), path.join(dir, "a.xlsx", "rapport.xlsx")]) {
      expect(await write({ target, force: true })).toBe(
        `${target} kan inte skrivas: sökvägen går genom länkar som pekar på varandra i en ` +
          "slinga. Ange en annan fil med -o."
      );
    }
    expect(await filesIn(dir)).toEqual(["a.xlsx", "b.xlsx"]);
  });
});

describe("temporary files an earlier run left behind", () => {
  const HOUR_MS = 60 * 60 * 1000;

  /** A file with the given name in the test folder, last written `ageMs` ago. */
  async function leftBehind(name: string, ageMs: number): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, "halv fil");
    const when = new Date(Date.now() - ageMs);
    await fs.utimes(file, when, when);
    return name;
  }

  it.each([
    ["a short name", "rapport.xlsx"],
    ["a name whose temporary name is shortened", `${"å".repeat(120)}.xlsx`],
  ])("removes only that target's stale temporary files, for %s", async (_case, targetName) => {
    const target = path.join(dir, targetName);
    const tempName = (file: string) => path.basename(tempFileFor(file));
    const stale = await leftBehind(tempName(target), HOUR_MS);
    const kept = [
      // Another run writing the same target right now: newer than this run.
      await leftBehind(tempName(target), -1000),
      // The user's own files, named almost as Tertial's, and another target's temporary file.
      await leftBehind(`${targetName}.tmp`, HOUR_MS),
      await leftBehind(stale.slice(1), HOUR_MS),
      await leftBehind(stale.replace(/[0-9a-f]{12}\.tmp$/, "ABCDEF012345.tmp"), HOUR_MS),
      await leftBehind(stale.replace(/\.tmp$/, ".tm"), HOUR_MS),
      await leftBehind(stale.replace(/^\../, "."), HOUR_MS),
      await leftBehind(tempName(path.join(dir, "annan.xlsx")), HOUR_MS),
    ];
    expect(stale).toMatch(/^\..*\.[0-9a-f]{12}\.tmp$/);

    expect(await write({ target })).toBeNull();

    expect(await filesIn(dir)).toEqual([...kept, targetName].sort());
    expect(await fs.readFile(target, "utf8")).toBe("ny rapport");
  });

  it("removes no folder and no link, whatever its name", async () => {
    const target = path.join(dir, "rapport.xlsx");
    const folder = path.basename(tempFileFor(target));
    const link = path.basename(tempFileFor(target));
    await fs.mkdir(path.join(dir, folder));
    await fs.symlink("rapport.xlsx", path.join(dir, link));
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await fs.utimes(path.join(dir, folder), old, old);
    await fs.lutimes(path.join(dir, link), old, old);
    expect(await write({ target })).toBeNull();
    expect(await filesIn(dir)).toEqual([folder, link, "rapport.xlsx"].sort());
  });
});
