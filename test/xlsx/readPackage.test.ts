/** The reader's pure parts: compound-file and zip directories, ranges, cell values, reduced sheets. */
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { EncryptedWorkbookError } from "../../src/core/errors";
import { CompoundFileError, compoundFileStreamNames } from "../../src/xlsx/read/compoundFile";
import { plainValue } from "../../src/xlsx/read/plainValue";
import type { CellRange } from "../../src/core/snapshot";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { parseRange } from "../../src/xlsx/read/sheetTables";
import { worksheetForReading } from "../../src/xlsx/read/worksheetForReading";
import { zipDirectory, ZipDirectoryError } from "../../src/xlsx/zip/zipDirectory";

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

/** worksheetForReading on text: it reads and writes a part's UTF-8 bytes. */
function reducedText(xml: string, spans: readonly CellRange[], ids: readonly string[]) {
  const reduced = worksheetForReading(new TextEncoder().encode(xml), spans, ids);
  return reduced && { ...reduced, xml: new TextDecoder().decode(reduced.xml) };
}

describe("worksheetForReading", () => {
  const ROOT =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
  const cell = (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>${ref}</t></is></c>`;
  const sheet =
    `<?xml version="1.0"?>${ROOT}<dimension ref="A1:XFD1048576"/><sheetData>` +
    `<row r="1">${cell("A1")}</row>` +
    `<row r="3" x14ac:dyDescent="0.25">${cell("A3")}${cell("B3")}${cell("XFD3")}</row>` +
    `<row r="4">${cell("A4")}<c s="1"><v>2</v></c><c r="C4"><v>3</v></c></row>` +
    `<row>${cell("A5")}<c r="B5" s="3" t="s" cm="1"><v>0</v></c></row>` +
    `<row r="6" s="2" customFormat="1" ht="30"><c r="A6" s="4"/><c r="B6" s="4"></c></row>` +
    `<row r="7">${cell("D7")}</row>` +
    `<row r="9">${cell("A9")}<c r = 'b9' t='inlineStr'><is><t>Åtgärd &amp; € ✓</t></is></c><c r="$C$9" s="5"><v>1</v></c></row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>` +
    `<dataValidations count="1"><dataValidation type="list" sqref="D1:D1048576"><formula1>$A$1</formula1></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A4" r:id="rId7"/></hyperlinks><tableParts count="2"><tablePart r:id="rId3"/><tablePart r:id="rId4"/></tableParts></worksheet>`;

  it("keeps the table's filled cells, numbers rows and cells without r, and drops everything else (empty cells too)", () => {
    const table = { top: 3, bottom: 8, left: 1, right: 2 };
    const reduced = reducedText(sheet, [table], ["rId1"])!;
    expect(reduced.lastFilledRows).toEqual([5]);
    expect(reduced.xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `${ROOT.slice(0, -1)} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheetData><row r="3">${cell("A3")}${cell("B3")}</row>` +
        `<row r="4">${cell("A4")}<c r="B4" s="1"><v>2</v></c></row>` +
        // A shared string's style is never used: only a number's style can make it a date.
        `<row r="5">${cell("A5")}<c r="B5" t="s"><v>0</v></c></row></sheetData>` +
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
    );
  });

  it("gives each table its own last filled row, 0 for one without data rows", () => {
    const reduced = reducedText(
      sheet,
      [
        { top: 7, bottom: 20, left: 1, right: 4 },
        { top: 1, bottom: 1, left: 1, right: 1 },
      ],
      []
    )!;
    expect(reduced.lastFilledRows).toEqual([9, 1]);
    expect(reduced.xml).not.toContain("tableParts");
    // Other quotes, spaces, letters and characters as they come; the reference as written.
    expect(reduced.xml).toContain(
      `<row r="9">${cell("A9")}<c r="b9" t="inlineStr"><is><t>Åtgärd &amp; € ✓</t></is></c>` +
        `<c r="$C$9" s="5"><v>1</v></c></row>`
    );
  });

  it("leaves a worksheet with prefixed elements alone (exceljs cannot read those either)", () => {
    expect(reducedText('<x:worksheet xmlns:x="…"><x:sheetData/></x:worksheet>', [], [])).toBeNull();
  });
});

describe("zipDirectory", () => {
  it("lists every part with the size the directory declares", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", "x".repeat(100_000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const directory = zipDirectory(bytes);
    expect(directory.entryCount).toBe(4); // two folders, two files
    expect(directory.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "xl/workbook.xml", uncompressedBytes: 11, method: 8 }),
        expect.objectContaining({ name: "xl/worksheets/sheet1.xml", uncompressedBytes: 100_000 }),
      ])
    );
  });

  it("reads zip64 records: the entry count and a size of 2^40 bytes", () => {
    const name = Buffer.from("xl/media/image1.png");
    const entry = Buffer.alloc(46 + name.length + 12);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(0xffffffff, 20);
    entry.writeUInt32LE(0xffffffff, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(12, 30);
    name.copy(entry, 46);
    entry.writeUInt16LE(0x0001, 46 + name.length);
    entry.writeUInt16LE(8, 48 + name.length);
    entry.writeBigUInt64LE(2n ** 40n, 50 + name.length);
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeBigUInt64LE(1n, 32);
    zip64End.writeBigUInt64LE(0n, 48); // the directory starts at byte 0
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(entry.length), 8);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 16);
    const directory = zipDirectory(new Uint8Array(Buffer.concat([entry, zip64End, locator, end])));
    expect(directory.entryCount).toBe(1);
    expect(directory.entries()).toEqual([
      expect.objectContaining({ name: "xl/media/image1.png", uncompressedBytes: 2 ** 40 }),
    ]);
  });

  it("throws on bytes without a directory", () => {
    expect(() => zipDirectory(new Uint8Array(100))).toThrow(ZipDirectoryError);
  });
});
