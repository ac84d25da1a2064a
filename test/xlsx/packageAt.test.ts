/**
 * A package read by position (packageAt.ts): the same parts as the whole-file reader finds, from
 * memory and from a file on disk, with a comment after the directory (the end record then sits
 * further from the end), missing and oversized parts as null, damaged ones refused, and reads that
 * never go past what the directory and the parts asked for need.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { withFileAt } from "../../src/xlsx/zip/fileAt";
import { bytesFile, packageParts, type RandomAccessFile } from "../../src/xlsx/zip/packageAt";
import { ZipDirectoryError } from "../../src/xlsx/zip/zipDirectory";
import { zipParts, type ZipPart } from "../../src/xlsx/zip/zipParts";

const encode = (text: string) => new TextEncoder().encode(text);

/** A RandomAccessFile over `bytes` that records every read. */
function recorded(bytes: Uint8Array): { file: RandomAccessFile; reads: [number, number][] } {
  const reads: [number, number][] = [];
  const inner = bytesFile(bytes);
  return {
    reads,
    file: {
      size: inner.size,
      readAt: (position, length) => {
        reads.push([position, length]);
        return inner.readAt(position, length);
      },
    },
  };
}

it("reads every part of any package as it was written, stored or deflated", async () => {
  const name = fc.stringMatching(/^[a-zA-Z0-9_]{1,12}(\/[a-zA-Z0-9_.]{1,12}){0,2}$/);
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.record({ name, bytes: fc.uint8Array({ maxLength: 3000 }) }), {
        minLength: 1,
        maxLength: 8,
        selector: (p) => p.name,
      }),
      fc.constantFrom("store" as const, "deflate" as const),
      async (parts: ZipPart[], compression) => {
        const zip = await zipParts(parts, compression);
        const read = await packageParts(bytesFile(zip));
        expect([...read.names].sort()).toEqual(parts.map((p) => p.name).sort());
        for (const part of parts) expect(await read.part(part.name)).toEqual(part.bytes);
        expect(await read.part("saknas.xml")).toBeNull();
      }
    ),
    { numRuns: 40 }
  );
});

it("finds the directory behind a zip comment, and reads a file on disk the same way", async () => {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/stor.xml", "x".repeat(200_000));
  const bytes = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    comment: "k".repeat(60_000),
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-paket-"));
  try {
    const file = path.join(dir, "paket.xlsx");
    await fs.writeFile(file, bytes);
    const fromDisk = await withFileAt(file, async (opened) => {
      const parts = await packageParts(opened);
      return new TextDecoder().decode((await parts.part("xl/workbook.xml"))!);
    });
    expect(fromDisk).toBe("<workbook/>");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const { file, reads } = recorded(bytes);
  const parts = await packageParts(file);
  expect(await parts.part("xl/workbook.xml")).toEqual(encode("<workbook/>"));
  // The large part was never read: tail, directory, then the small part's header and data.
  const total = reads.reduce((sum, [, length]) => sum + length, 0);
  expect(total).toBeLessThan(22 + 0xffff + 76 + 1000);
});

it("gives null for a part over the limit, without reading it", async () => {
  const zip = await zipParts([{ name: "stor.xml", bytes: new Uint8Array(100_000) }], "store");
  const { file, reads } = recorded(zip);
  const parts = await packageParts(file);
  const before = reads.length;
  expect(await parts.part("stor.xml", 50_000)).toBeNull();
  expect(reads.length).toBe(before);
  expect(await parts.part("stor.xml", 100_000)).toHaveLength(100_000);
});

it("refuses a damaged part, and bytes that are no zip", async () => {
  const zip = await zipParts([{ name: "a.xml", bytes: encode("<a>".repeat(100)) }], "store");
  const damaged = zip.slice();
  damaged[40] ^= 0xff; // inside the stored data
  await expect((await packageParts(bytesFile(damaged))).part("a.xml")).rejects.toThrow(
    ZipDirectoryError
  );
  await expect(packageParts(bytesFile(encode("ingen zip")))).rejects.toThrow(ZipDirectoryError);
  await expect(packageParts(bytesFile(new Uint8Array(0)))).rejects.toThrow(ZipDirectoryError);
});
