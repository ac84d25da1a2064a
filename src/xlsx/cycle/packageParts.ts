/**
 * An .xlsx package as Ny period edits it: every part unpacked once (the reader has already
 * checked the package against the limits), read and replaced by name, and written back in the
 * order it came, unchanged parts with their own CRC-32. Also the package's map: which sheet is
 * which part, and which tables each holds, from `xl/workbook.xml`, the relationships and the
 * table parts (the reader's packageXml.ts). No Node imports: the page runs this too.
 */
import { MAX_PART_UNPACKED_BYTES } from "../../core/limits";
import type { CellRange } from "../../core/snapshot";
import {
  relationships,
  relationshipsPartOf,
  tableEntry,
  workbookSheets,
  type Relationship,
} from "../read/packageXml";
import { parseRange } from "../read/sheetTables";
import { unpackPart } from "../zip/unpackPart";
import { zipDirectory } from "../zip/zipDirectory";
import { zipParts, type ZipPart } from "../zip/zipParts";

export const WORKBOOK_PART = "xl/workbook.xml";

export interface PackageTable {
  readonly name: string;
  readonly part: string;
  readonly range: CellRange;
  readonly totalsRow: boolean;
}

export interface PackageSheet {
  readonly name: string;
  readonly part: string;
  /** The sheet's relationships (tables, comments, drawings …). */
  readonly relationships: readonly Relationship[];
  readonly tables: readonly PackageTable[];
}

export class PackageParts {
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  private constructor(private readonly parts: Map<string, ZipPart>) {}

  static async unpack(bytes: Uint8Array): Promise<PackageParts> {
    const parts = new Map<string, ZipPart>();
    for (const entry of zipDirectory(bytes).entries()) {
      if (entry.name.endsWith("/")) continue;
      const unpacked = await unpackPart(bytes, entry, MAX_PART_UNPACKED_BYTES);
      if (unpacked === null) throw new Error(`${entry.name} är större än Tertial läser`);
      const name = entry.name.replace(/^\//, "");
      parts.set(name, { name, bytes: unpacked, crc32: entry.crc32 });
    }
    return new PackageParts(parts);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  text(name: string): string | null {
    const part = this.parts.get(name);
    return part ? this.decoder.decode(part.bytes) : null;
  }

  setText(name: string, xml: string): void {
    this.parts.set(name, { name, bytes: this.encoder.encode(xml) });
  }

  remove(name: string): void {
    this.parts.delete(name);
  }

  /** The package's sheets in workbook order, each with its relationships and tables. */
  sheets(): PackageSheet[] {
    const workbookRels = this.text(relationshipsPartOf(WORKBOOK_PART)) ?? "";
    const targets = new Map(relationships(workbookRels, WORKBOOK_PART).map((r) => [r.id, r.part]));
    return workbookSheets(this.text(WORKBOOK_PART) ?? "").flatMap((sheet) => {
      const part = targets.get(sheet.relationshipId) ?? "";
      if (!this.has(part)) return [];
      const rels = relationships(this.text(relationshipsPartOf(part)) ?? "", part);
      const tables = rels.flatMap((rel) => {
        const entry = rel.type === "table" ? tableEntry(this.text(rel.part) ?? "") : null;
        const range = entry && parseRange(entry.ref);
        return entry && range
          ? [{ name: entry.name, part: rel.part, range, totalsRow: entry.totalsRow }]
          : [];
      });
      return [{ name: sheet.name, part, relationships: rels, tables }];
    });
  }

  /** The package, deflated. */
  zip(): Promise<Uint8Array> {
    return zipParts([...this.parts.values()], "deflate");
  }
}
