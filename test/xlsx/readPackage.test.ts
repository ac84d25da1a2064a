/** The reader's pure parts: compound-file directory, ranges, cell values. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { EncryptedWorkbookError } from "../../src/core/errors";
import { CompoundFileError, compoundFileStreamNames } from "../../src/xlsx/read/compoundFile";
import { plainValue } from "../../src/xlsx/read/plainValue";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { parseRange } from "../../src/xlsx/read/sheetTables";

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

/**
 * A minimal compound file whose directory sits at sector `directorySector`. Past sector 13,952 the
 * FAT needs more than the 109 sectors the header lists, so the reader must follow the DIFAT chain.
 */
function compoundFile(streams: readonly string[], directorySector: number, loop = false) {
  const entriesPerSector = SECTOR / 4;
  const fatSectorCount = Math.floor(directorySector / entriesPerSector) + 1;
  const difatSector = fatSectorCount; // FAT sectors are 0 … fatSectorCount − 1
  const bytes = new Uint8Array((directorySector + 2) * SECTOR);
  const view = new DataView(bytes.buffer);
  const at = (sector: number) => (sector + 1) * SECTOR;
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x2c, fatSectorCount, true);
  view.setUint32(0x30, directorySector, true);
  view.setUint32(0x44, fatSectorCount > 109 ? difatSector : END_OF_CHAIN, true);
  view.setUint32(0x48, fatSectorCount > 109 ? 1 : 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + 4 * i, i < fatSectorCount ? i : FREE, true);
  for (let i = 109; i < fatSectorCount; i++)
    view.setUint32(at(difatSector) + 4 * (i - 109), i, true);
  view.setUint32(at(difatSector) + SECTOR - 4, END_OF_CHAIN, true);
  const fatEntry = (sector: number, value: number) =>
    view.setUint32(
      at(Math.floor(sector / entriesPerSector)) + 4 * (sector % entriesPerSector),
      value,
      true
    );
  for (let s = 0; s < fatSectorCount; s++) fatEntry(s, FAT_SECTOR);
  if (fatSectorCount > 109) fatEntry(difatSector, DIFAT_SECTOR);
  fatEntry(directorySector, loop ? directorySector : END_OF_CHAIN);
  ["Root Entry", ...streams].forEach((name, i) => {
    const entry = at(directorySector) + 128 * i;
    [...name].forEach((ch, j) => view.setUint16(entry + 2 * j, ch.charCodeAt(0), true));
    view.setUint16(entry + 0x40, 2 * name.length + 2, true);
    bytes[entry + 0x42] = i === 0 ? 5 : 2;
  });
  return bytes;
}

describe("compoundFileStreamNames", () => {
  const invalid = path.join(__dirname, "../fixtures/invalid");

  it("lists the streams of real files: an encrypted .xlsx and an old .xls", async () => {
    const encrypted = await fs.readFile(path.join(invalid, "encrypted.xlsx"));
    expect(compoundFileStreamNames(encrypted)).toEqual(
      expect.arrayContaining(["EncryptionInfo", "EncryptedPackage"])
    );
    const xls = await fs.readFile(path.join(invalid, "old-format.xls"));
    expect(compoundFileStreamNames(xls)).toContain("Workbook");
  });

  it("follows the DIFAT chain of a large file (over 7 MB) to find its directory", async () => {
    const bytes = compoundFile(["EncryptionInfo", "EncryptedPackage"], 14_000);
    expect(compoundFileStreamNames(bytes)).toEqual(["EncryptionInfo", "EncryptedPackage"]);
    await expect(readSnapshotFromBuffer(bytes, "stor.xlsx")).rejects.toThrow(
      EncryptedWorkbookError
    );
  });

  it("stops at a directory chain that loops instead of hanging", () => {
    expect(() => compoundFileStreamNames(compoundFile(["Workbook"], 3, true))).toThrow(
      CompoundFileError
    );
  });
});

describe("parseRange", () => {
  it.each([
    ["A3:H11", { top: 3, left: 1, bottom: 11, right: 8 }],
    ["$C$7:$AB$9", { top: 7, left: 3, bottom: 9, right: 28 }],
    ["B2", { top: 2, left: 2, bottom: 2, right: 2 }],
  ])("reads %s", (ref, range) => expect(parseRange(ref)).toEqual(range));

  it.each(["", "tblAtgarder", "H11:A3", "A0:B2"])("refuses %j", (ref) =>
    expect(parseRange(ref)).toBeNull()
  );
});

describe("plainValue", () => {
  const date = new Date(Date.UTC(2024, 7, 31));
  it.each([
    [undefined, null],
    [null, null],
    [12.5, 12.5],
    ["text", "text"],
    [true, true],
    [date, date],
    [new Date(Number.NaN), null],
    [{ error: "#N/A" }, { error: "#N/A" }],
    [{ richText: [{ text: "Ut" }, { text: "fall" }] }, "Utfall"],
    [{ text: "Länk", hyperlink: "https://example.se" }, "Länk"],
    [{ text: { richText: [{ text: "Rik länk" }] }, hyperlink: "https://example.se" }, "Rik länk"],
    [{ formula: "A1*2", result: 4 }, 4],
    [{ formula: "A1*2" }, null],
    [{ formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }],
    [{ sharedFormula: "B2", result: "ja" }, "ja"],
  ])("%j → %j", (value, expected) => {
    expect(plainValue(value as Parameters<typeof plainValue>[0])).toEqual(expected);
  });
});
