/**
 * The zip layer the reader and the writer share: entries found through the central directory,
 * unpacked with the platform's inflate under a byte limit, and packages written with real CRCs
 * that JSZip (checking them) and Node's zlib agree with.
 */
import JSZip from "jszip";
import zlib from "node:zlib";
import { crc32 } from "../../src/xlsx/zip/crc32";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { nodeInflate } from "../../src/xlsx/zip/nodeInflate";
import { streamInflate, unpackPart } from "../../src/xlsx/zip/unpackPart";
import { zipDirectory, ZipDirectoryError, type ZipEntry } from "../../src/xlsx/zip/zipDirectory";
import { zipParts } from "../../src/xlsx/zip/zipParts";
import { promises as fs } from "node:fs";
import path from "node:path";

const text = (n: number) =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c><v>${i * 7}</v></c></row>`).join("");

function entry(bytes: Uint8Array, name: string): ZipEntry {
  const found = zipDirectory(bytes)
    .entries()
    .find((e) => e.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe("crc32", () => {
  it("agrees with zlib's for every length around the eight-byte steps", () => {
    const bytes = new TextEncoder().encode(text(200) + "åäö€");
    for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 1000, bytes.length]) {
      expect(crc32(bytes.subarray(0, length))).toBe(zlib.crc32(bytes.subarray(0, length)));
    }
  });
});

describe("zipParts and unpackPart", () => {
  const parts = [
    { name: "xl/workbook.xml", bytes: new TextEncoder().encode("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", bytes: new TextEncoder().encode(text(20_000)) },
    { name: "xl/tom.xml", bytes: new Uint8Array(0) },
    { name: "docProps/åäö.xml", bytes: new TextEncoder().encode("ä") },
  ];

  it.each(["store", "deflate"] as const)(
    "writes a %s package JSZip reads with CRC checks",
    async (compression) => {
      const bytes = await zipParts(parts, compression);
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      for (const part of parts) {
        // Compared as text: toEqual on large typed arrays takes seconds.
        const expected = new TextDecoder().decode(part.bytes);
        expect(await zip.file(part.name)!.async("string")).toBe(expected);
        const unpacked = await unpackPart(bytes, entry(bytes, part.name), 1e6);
        expect(new TextDecoder().decode(unpacked!)).toBe(expected);
      }
    }
  );

  it("deflates: the large part packs small", async () => {
    const bytes = await zipParts(parts, "deflate");
    expect(bytes.length).toBeLessThan(parts[1].bytes.length / 5);
  });

  describe.each([
    ["DecompressionStream", streamInflate],
    ["Node's zlib", nodeInflate],
  ])("with %s", (_name, inflate) => {
    it("unpacks what JSZip deflated, and stops past the limit", async () => {
      const zip = new JSZip();
      zip.file("a.xml", text(20_000));
      zip.file("tom.xml", "");
      const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      const size = new TextEncoder().encode(text(20_000)).length;
      const unpack = (name: string, max: number) =>
        unpackPart(bytes, entry(bytes, name), max, inflate);
      expect((await unpack("a.xml", size))?.length).toBe(size);
      expect(await unpack("a.xml", size - 1)).toBeNull();
      expect(await unpack("a.xml", 100)).toBeNull();
      expect((await unpack("tom.xml", 0))?.length).toBe(0);
    });

    it("refuses damaged and cut-off deflate data", async () => {
      const bytes = await zipParts(parts, "deflate");
      const sheet = entry(bytes, "xl/worksheets/sheet1.xml");
      const damaged = bytes.slice();
      damaged.fill(0xff, sheet.localHeaderOffset + 60, sheet.localHeaderOffset + 124);
      await expect(unpackPart(damaged, sheet, 1e7, inflate)).rejects.toThrow(ZipDirectoryError);
      const truncated = { ...sheet, compressedBytes: Math.floor(sheet.compressedBytes / 2) };
      await expect(unpackPart(bytes, truncated, 1e7, inflate)).rejects.toThrow(ZipDirectoryError);
    });
  });

  it("refuses a part whose bytes do not match the directory's CRC-32", async () => {
    const bytes = await zipParts(parts, "deflate");
    const sheet = entry(bytes, "xl/worksheets/sheet1.xml");
    const wrongCrc = { ...sheet, crc32: (sheet.crc32 + 1) >>> 0 };
    await expect(unpackPart(bytes, wrongCrc, 1e7)).rejects.toThrow(ZipDirectoryError);
  });
});

describe("without DecompressionStream and CompressionStream (Safari before 16.4)", () => {
  const { DecompressionStream, CompressionStream } = globalThis;
  beforeAll(() => {
    Object.assign(globalThis, { DecompressionStream: undefined, CompressionStream: undefined });
  });
  afterAll(() => Object.assign(globalThis, { DecompressionStream, CompressionStream }));

  it("reads a workbook with JSZip: the same snapshot", async () => {
    const example = await fs.readFile(path.join(__dirname, "../../templates/exempel-2024-T2.xlsx"));
    const withJszip = await readSnapshotFromBuffer(example, "exempel.xlsx");
    const withZlib = await readSnapshotFromBuffer(example, "exempel.xlsx", nodeInflate);
    expect(withJszip).toEqual(withZlib);
  });

  it("inflates with JSZip under the same limit, and deflates with it", async () => {
    const parts = [{ name: "a.xml", bytes: new TextEncoder().encode(text(20_000)) }];
    const bytes = await zipParts(parts, "deflate");
    const a = entry(bytes, "a.xml");
    expect(a.method).toBe(8);
    const unpacked = await unpackPart(bytes, a, 1e7);
    expect(new TextDecoder().decode(unpacked!)).toBe(text(20_000));
    expect(await unpackPart(bytes, a, 1000)).toBeNull();
    const damaged = bytes.slice();
    damaged.fill(0xff, a.localHeaderOffset + 60, a.localHeaderOffset + 124);
    await expect(unpackPart(damaged, a, 1e7)).rejects.toThrow(ZipDirectoryError);
  });
});
