/**
 * Rebuilds an .xlsx package as exceljs should see it: only the parts the reader needs, each
 * unpacked under the limits of core/limits.ts, sheets without a template table emptied, and the
 * template's tables with their rows. What a crafted file puts elsewhere (a merge over a whole
 * sheet, a million validations, images, a huge part exceljs would inflate whole) never reaches
 * exceljs. Stored uncompressed: exceljs unpacks it once more, and deflating would cost more time.
 */
import { WorkbookTooLargeError } from "../../core/errors";
import {
  MAX_PART_UNPACKED_BYTES,
  MAX_TABLE_ROWS,
  MAX_UNPACKED_TOTAL_BYTES,
} from "../../core/limits";
import type { CellRange } from "../../core/snapshot";
import { TEMPLATE_TABLE_NAMES } from "../../core/template/registry";
import {
  relationships,
  relationshipsPartOf,
  tableEntry,
  workbookSheets,
  type TableEntry,
} from "./packageXml";
import { parseRange } from "./sheetTables";
import { tableColumnsForExceljs } from "./tableColumns";
import { unpackPart, type Inflate } from "../zip/unpackPart";
import type { ZipEntry } from "../zip/zipDirectory";
import { zipParts, type ZipPart } from "../zip/zipParts";
import { EMPTY_WORKSHEET, worksheetForReading } from "./worksheetForReading";

export const WORKBOOK_PART = "xl/workbook.xml";
/** exceljs reads these parts only at these paths. */
const STYLES_PART = "xl/styles.xml";
const SHARED_STRINGS_PART = "xl/sharedStrings.xml";
const TABLE_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Every registered version's tables: the version is known only once the tables are parsed. */
const TABLE_NAMES = new Set(TEMPLATE_TABLE_NAMES.map((name) => name.toLowerCase()));

/** A part as the user is told about it, before the sheets' names are known. */
export function partLabel(part: string): string {
  return `delen ${part.replace(/^\//, "")}`;
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
}

interface TemplateTable {
  readonly entry: TableEntry;
  readonly xml: string;
  readonly span: CellRange;
}

/** Unpacks parts under the per-part limit and a budget for all of them together. */
class PartReader {
  private unpacked = 0;
  private readonly files = new Map<string, ZipEntry>();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly zip: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly fileName: string,
    private readonly label: (part: string) => string,
    private readonly inflate: Inflate
  ) {
    // exceljs ignores a leading slash in entry names; so does the reader.
    for (const entry of entries) {
      if (!entry.name.endsWith("/")) this.files.set(entry.name.replace(/^\//, ""), entry);
    }
  }

  has(part: string): boolean {
    return this.files.has(part);
  }

  async bytes(part: string): Promise<Uint8Array | null> {
    const file = this.files.get(part);
    if (!file) return null;
    const limit = Math.min(MAX_PART_UNPACKED_BYTES, MAX_UNPACKED_TOTAL_BYTES - this.unpacked);
    const bytes = await unpackPart(this.zip, file, limit, this.inflate);
    if (bytes === null) {
      throw new WorkbookTooLargeError(this.fileName, {
        kind: "part",
        part: this.label(part),
        limitBytes: limit,
      });
    }
    this.unpacked += bytes.length;
    return bytes;
  }

  async text(part: string): Promise<string | null> {
    const bytes = await this.bytes(part);
    return bytes && this.decoder.decode(bytes);
  }
}

/** The template tables a sheet holds, from its relationships and table parts. */
async function templateTables(reader: PartReader, sheetPart: string): Promise<TemplateTable[]> {
  const relsPart = relationshipsPartOf(sheetPart);
  const rels = await reader.text(relsPart);
  if (rels === null) return [];
  const tables: TemplateTable[] = [];
  for (const rel of relationships(rels, sheetPart)) {
    if (rel.type !== "table" || !rel.part) continue;
    const xml = await reader.text(rel.part);
    const entry = xml === null ? null : tableEntry(xml);
    const range = entry && parseRange(entry.ref);
    if (xml === null || !entry || !range || !TABLE_NAMES.has(entry.name.toLowerCase())) continue;
    tables.push({ entry, xml, span: range });
  }
  return tables;
}

const tablesRelationships = (count: number, firstTable: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">` +
  Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${TABLE_RELATIONSHIP}" Target="../tables/table${firstTable + i}.xml"/>`
  ).join("") +
  "</Relationships>";

/**
 * The package exceljs loads. Throws WorkbookTooLargeError past a limit; a damaged
 * part's ZipDirectoryError pass through for the caller to turn into CorruptWorkbookError.
 */
export async function readablePackage(
  zip: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  inflate: Inflate
): Promise<Uint8Array> {
  let sheets: SheetPart[] = [];
  const label = (part: string) => {
    const sheet = sheets.find((s) => s.part === part);
    return sheet ? `bladet ${sheet.name} (${part})` : partLabel(part);
  };
  const reader = new PartReader(zip, entries, fileName, label, inflate);
  const out: ZipPart[] = [];
  const encoder = new TextEncoder();
  const add = (name: string, content: string | Uint8Array) =>
    out.push({ name, bytes: typeof content === "string" ? encoder.encode(content) : content });

  const workbook = (await reader.text(WORKBOOK_PART)) ?? "";
  const workbookRelsPart = relationshipsPartOf(WORKBOOK_PART);
  const workbookRels = (await reader.text(workbookRelsPart)) ?? "";
  const targets = new Map(relationships(workbookRels, WORKBOOK_PART).map((r) => [r.id, r.part]));
  sheets = workbookSheets(workbook)
    .map((sheet) => ({ name: sheet.name, part: targets.get(sheet.relationshipId) ?? "" }))
    .filter((sheet) => reader.has(sheet.part));

  add(WORKBOOK_PART, workbook);
  add(workbookRelsPart, workbookRels);
  for (const part of [STYLES_PART, SHARED_STRINGS_PART]) {
    const bytes = await reader.bytes(part);
    if (bytes) add(part, bytes);
  }

  let tableCount = 0;
  for (const sheet of sheets) {
    const tables = await templateTables(reader, sheet.part);
    const xml = tables.length ? await reader.bytes(sheet.part) : null;
    const reduced =
      xml === null
        ? null
        : worksheetForReading(
            xml,
            tables.map((t) => t.span),
            tables.map((_, i) => `rId${i + 1}`)
          );
    if (!reduced) {
      add(sheet.part, xml ?? EMPTY_WORKSHEET);
      continue;
    }
    tables.forEach((table, i) => {
      const rows = Math.max(0, reduced.lastFilledRows[i] - table.span.top);
      if (rows > MAX_TABLE_ROWS) {
        throw new WorkbookTooLargeError(fileName, {
          kind: "table",
          table: table.entry.name,
          sheet: sheet.name,
          rows,
          limit: MAX_TABLE_ROWS,
        });
      }
    });
    add(sheet.part, reduced.xml);
    add(relationshipsPartOf(sheet.part), tablesRelationships(tables.length, tableCount + 1));
    for (const table of tables) {
      const xml = tableColumnsForExceljs(table.xml) ?? table.xml;
      add(`xl/tables/table${++tableCount}.xml`, xml);
    }
  }
  return zipParts(out, "store");
}
