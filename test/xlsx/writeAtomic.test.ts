/** writeFileAtomic: a temporary file and a rename, and nothing left when a signal cuts it short. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import {
  MAX_FILE_NAME_BYTES,
  removePendingTempFiles,
  tempFileFor,
  tempNamePattern,
  writeFileAtomic,
} from "../../src/xlsx/writeAtomic";

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-atomic-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("writes the bytes and leaves only the target", async () => {
    const target = path.join(dir, "ut.xlsx");
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(dir)).toEqual(["ut.xlsx"]);
  });

  it("has its temporary file removed by removePendingTempFiles (what the signal handler calls)", async () => {
    const target = path.join(dir, "ut.xlsx");
    const writing = writeFileAtomic(target, new Uint8Array(64 * 1024 * 1024));
    // The temporary file is created before writeFileAtomic first yields.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    removePendingTempFiles();
    expect(await fs.readdir(dir)).toEqual([]);
    await expect(writing).rejects.toThrow(/ENOENT/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("tempFileFor", () => {
  const bytesOf = (name: string) => Buffer.byteLength(name, "utf8");
  /** File names of at most 255 bytes: letters of every width in UTF-8, dots, spaces, tildes. */
  const fileName = fc
    .array(fc.constantFrom("a", "Z", "å", "Ö", ".", " ", "~", "-", "€", "📈", "0", "f"), {
      minLength: 1,
      maxLength: 200,
    })
    .map((chars) => chars.join(""))
    .filter((name) => name !== "." && name !== ".." && bytesOf(name) <= MAX_FILE_NAME_BYTES);

  it("names a temporary file within 255 bytes that its target's pattern, and no other's, matches", () => {
    fc.assert(
      fc.property(fileName, fileName, (name, other) => {
        const temp = path.basename(tempFileFor(path.join("mapp", name)));
        expect(bytesOf(temp)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(tempNamePattern(path.join("mapp", name)).test(temp)).toBe(true);
        if (other !== name)
          expect(tempNamePattern(path.join("mapp", other)).test(temp)).toBe(false);
      }),
      { numRuns: 500 }
    );
  });
});
