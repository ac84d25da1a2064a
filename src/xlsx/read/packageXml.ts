/**
 * The few facts the reader takes from a package's small XML parts before exceljs sees it: which
 * sheet is which part, which tables a sheet holds and their ranges. Plain pattern matching on
 * start tags: these parts are machine-written, and a part that does not match is simply not used.
 */
import { decodeXml } from "../xmlText";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's path inside the package (resolved, no leading slash); "" if external. */
  readonly part: string;
}

/** The value of `name` (with or without a namespace prefix, e.g. `r:id`) in a start tag. */
export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(["'])(.*?)\\1`, "s").exec(tag);
  return match ? decodeXml(match[2]) : null;
}

/** `worksheets/sheet1.xml` relative to `xl/workbook.xml` → `xl/worksheets/sheet1.xml`. */
export function resolvePart(fromPart: string, target: string): string {
  const segments = target.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships in a `.rels` part; `sourcePart` is the part they belong to. */
export function relationships(relsXml: string, sourcePart: string): Relationship[] {
  return [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)].map(([tag]) => {
    const external = attribute(tag, "TargetMode") === "External";
    const target = attribute(tag, "Target") ?? "";
    return {
      id: attribute(tag, "Id") ?? "",
      type: (attribute(tag, "Type") ?? "").replace(/^.*\//, ""),
      part: external ? "" : resolvePart(sourcePart, target),
    };
  });
}

export interface SheetEntry {
  readonly name: string;
  readonly relationshipId: string;
}

/** The sheets of `xl/workbook.xml` in workbook order. */
export function workbookSheets(workbookXml: string): SheetEntry[] {
  return [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map(([tag]) => ({
    name: attribute(tag, "name") ?? "",
    relationshipId: attribute(tag, "id") ?? "",
  }));
}

export interface TableEntry {
  /** What Excel shows as the table's name (`displayName`, else `name`). */
  readonly name: string;
  /** The whole range, header and totals rows included, e.g. `A3:H11`. */
  readonly ref: string;
  readonly totalsRow: boolean;
}

/** The table part's own name and range, from its root element; null if it has none. */
export function tableEntry(tableXml: string): TableEntry | null {
  const tag = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(tableXml)?.[0];
  if (!tag) return null;
  const name = attribute(tag, "displayName") ?? attribute(tag, "name");
  const ref = attribute(tag, "ref");
  if (!name || !ref) return null;
  return { name, ref, totalsRow: Number(attribute(tag, "totalsRowCount") ?? 0) > 0 };
}
