/** writeFileAtomic: a temporary file and a rename, and nothing left when a signal cuts it short. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { removePendingTempFiles, writeFileAtomic } from "../../src/xlsx/writeAtomic";

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
