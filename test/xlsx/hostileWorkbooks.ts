/**
 * Workbooks built to overload a reader, generated from the bundled template so that everything
 * else about them is valid: a merged range over a whole sheet, a table with a million filled rows,
 * and zip bombs (declared and undeclared). Used by the reader's tests and by `npm run bench`.
 */
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.join(__dirname, "..", "..");
export const TEMPLATE_FILE = path.join(ROOT, "templates", "tertialuppfoljning-v1.xlsx");
export const EXAMPLE_FILE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");

/** One merged range over every cell of a sheet: 17,179,869,184 cells. */
export const WHOLE_SHEET_MERGE =
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>';

type Parts = Map<string, Uint8Array>;

async function partsOf(source: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(source);
  const parts: Parts = new Map();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) parts.set(file.name, await file.async("uint8array"));
  }
  return parts;
}

const text = (parts: Parts, name: string) => Buffer.from(parts.get(name)!).toString("utf8");

/** The worksheet part that holds `sheet`, from the workbook and its relationships. */
function sheetPart(parts: Parts, sheet: string): string {
  const workbook = text(parts, "xl/workbook.xml");
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)![0];
  return `xl/${/Target="(?:\/xl\/)?([^"]+)"/.exec(target)![1]}`;
}

/** `source` with the sheet's XML changed by `edit`. */
async function withSheetXml(
  source: Uint8Array,
  sheet: string,
  edit: (xml: string) => string
): Promise<Uint8Array> {
  const parts = await partsOf(source);
  const part = sheetPart(parts, sheet);
  parts.set(part, Buffer.from(edit(text(parts, part)), "utf8"));
  return zipParts(parts);
}

/** The template (or `source`) with a merged range over the whole of `sheet`. */
export async function mergeBomb(sheet: string, source?: Uint8Array): Promise<Uint8Array> {
  return withSheetXml(source ?? (await fs.readFile(TEMPLATE_FILE)), sheet, (xml) =>
    xml.replace("</sheetData>", `</sheetData>${WHOLE_SHEET_MERGE}`)
  );
}

const columnNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** `1` → `A`, `16384` → `XFD`. */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The template with `count` filled rows in the Åtgärder sheet's table tblAtgarder (ID, risk,
 * action, status), the table's range grown to hold them. With `toLastColumn`, each row also holds a
 * number in every column right of the table, out to XFD (16,384 cells a row). Written as the sheet
 * XML directly: exceljs itself could not write a million rows within the memory a test has.
 */
export async function manyRowsWorkbook(
  count: number,
  { toLastColumn = false }: { toLastColumn?: boolean } = {}
): Promise<Uint8Array> {
  const parts = await partsOf(await fs.readFile(TEMPLATE_FILE));
  const part = sheetPart(parts, "Åtgärder");
  const rels = text(parts, part.replace("worksheets/", "worksheets/_rels/") + ".rels");
  const tablePart = `xl/${/Target="(?:\.\.\/|\/xl\/)(tables\/[^"]+)"/.exec(rels)![1]}`;
  const table = text(parts, tablePart);
  const [, left, top, right] = /\bref="([A-Z]+)(\d+):([A-Z]+)\d+"/.exec(table)!;
  const headerRow = Number(top);
  parts.set(
    tablePart,
    Buffer.from(
      table.replace(
        /\bref="[A-Z]+\d+:[A-Z]+\d+"/g,
        `ref="${left}${top}:${right}${headerRow + count}"`
      )
    )
  );

  const xml = text(parts, part);
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>");
  const header = [...xml.slice(start, end).matchAll(/<row\b[\s\S]*?<\/row>/g)]
    .map((m) => m[0])
    .filter((row) => Number(/r="(\d+)"/.exec(row)![1]) <= headerRow);
  const cell = (ref: string, value: string) =>
    `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const beyond = toLastColumn
    ? Array.from({ length: 16_384 - columnNumber(right) }, (_, i) =>
        columnLetters(columnNumber(right) + 1 + i)
      )
    : [];
  const row = (r: number, i: number) =>
    `<row r="${r}">${cell(`A${r}`, `Å${i}`)}${cell(`B${r}`, "R1")}${cell(`C${r}`, `Åtgärd ${i}`)}${cell(`D${r}`, "Pågående")}` +
    `${beyond.map((letters) => `<c r="${letters}${r}"><v>1</v></c>`).join("")}</row>`;
  // In blocks of bytes: a million rows as one string array would take gigabytes.
  const blocks: Buffer[] = [Buffer.from(`${xml.slice(0, start)}<sheetData>${header.join("")}`)];
  for (let first = 1; first <= count; first += 10_000) {
    const rows: string[] = [];
    for (let i = first; i < first + 10_000 && i <= count; i++) rows.push(row(headerRow + i, i));
    blocks.push(Buffer.from(rows.join("")));
  }
  blocks.push(Buffer.from(xml.slice(end)));
  parts.set(part, Buffer.concat(blocks));
  return zipParts(parts);
}

// ---- Zip bombs, written entry by entry -----------------------------------------------------------

/** Node's own CRC-32 (zlib.crc32, Node 20.15+): JSZip and exceljs do not check it, a strict unzip would. */
const crc32 = (bytes: Uint8Array) => zlib.crc32(bytes);

interface RawEntry {
  readonly name: string;
  /** Deflated bytes. */
  readonly data: Uint8Array;
  readonly crc: number;
  /** What the headers claim; a bomb may lie. */
  readonly declaredSize: number;
}

/** A zip of deflated entries with the sizes they declare, honest or not. */
function zipOf(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Deflated zeros, `mebibytes` MiB of them in about 1 KB each: one flushed block repeated. */
function deflatedZeros(mebibytes: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mebibytes).fill(block), finalEmptyBlock]));
}

/** The parts zipped with Node's zlib (JSZip's deflate takes half a minute for a million rows). */
function zipParts(parts: Parts, extra: readonly RawEntry[] = []): Uint8Array {
  const entries = [...parts].map(([name, content]) => ({
    name,
    data: zlib.deflateRawSync(content, { level: 1 }),
    crc: crc32(content),
    declaredSize: content.length,
  }));
  return zipOf([...entries, ...extra]);
}

/**
 * The template with a part of `mebibytes` MiB of zeros that the zip declares as `declaredSize`
 * bytes (the real size when omitted; a small number for a bomb that lies). The part is a new
 * image by default, or replaces one the reader unpacks (e.g. `xl/sharedStrings.xml`).
 */
export async function zipBomb(
  mebibytes: number,
  { part = "xl/media/image1.png", declaredSize }: { part?: string; declaredSize?: number } = {}
): Promise<Uint8Array> {
  const parts = await partsOf(await fs.readFile(TEMPLATE_FILE));
  parts.delete(part);
  const size = mebibytes * 1024 * 1024;
  return zipParts(parts, [
    {
      name: part,
      data: deflatedZeros(mebibytes),
      crc: 0,
      declaredSize: declaredSize ?? Math.min(size, 0xffffffff),
    },
  ]);
}
