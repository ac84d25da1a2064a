/**
 * What the report marker's digest covers (reportMarker.ts): what a user sees and types in the
 * report's sheets, read from the package as a spreadsheet program saves it, not from its bytes:
 * - the sheets' names, in order (a sheet added, removed, renamed or moved changes it);
 * - every cell that holds a value or a formula: its address, kind (text, number, boolean, error,
 *   date), value and formula. Text is compared as text, whether a shared string, an inline string
 *   or a formula's cached string, with entities and `_xHHHH_` escapes decoded; a number by its
 *   value to 15 significant digits, as many as Excel shows and LibreOffice writes (exceljs writes
 *   up to 17: `0.13752913752913754` is LibreOffice's `0.137529137529138`);
 * - each sheet's header and footer texts (even and first-page ones only where the sheet uses them);
 * - objects a user adds to a sheet and Tertial never writes: drawings and images, comments (a
 *   legacy drawing), form controls, OLE objects, tables, hyperlinks (Tertial's links are
 *   HYPERLINK formulas, which count as cells).
 * Left out, on purpose: styles (a saving program renumbers them), column widths, row heights,
 * merges, print settings and document properties. Saving the report unchanged in Excel or
 * LibreOffice, which rewrite every part, keeps the digest (LibreOffice checked in the tests); a
 * typed cell, a cleared one, an edited header or footer, an added sheet or comment changes it.
 */
import { MAX_UNPACKED_TOTAL_BYTES } from "../../core/limits";
import { MarkerDigest } from "../markerDigest";
import { decodeXml } from "../xmlText";
import type { PackageParts } from "../zip/packageAt";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

const SHEET = /<(?:\w+:)?sheet\b([^>]*)>/g;
const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;
const ATTRIBUTE = /([\w:]+)\s*=\s*"([^"]*)"/g;
const STRING_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const CELL_REFERENCE = /(?:^|\s)r="([^"]*)"/;
const CELL_TYPE = /(?:^|\s)t="([^"]*)"/;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const HEADER_FOOTER =
  /<(?:\w+:)?headerFooter\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?headerFooter>)/;
const USER_OBJECT =
  /<(?:\w+:)?(drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|tableParts|hyperlinks)\b([^>]*)>/g;
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** An element's attributes by local name (`r:id` → `id`). */
function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of text.matchAll(ATTRIBUTE)) {
    found.set(name.slice(name.indexOf(":") + 1), decodeXml(value));
  }
  return found;
}

/**
 * Element text as a reader gives it: line ends normalised as every XML parser does (a raw CR LF
 * or CR is LF), then entities and Excel's `_xHHHH_` escapes decoded.
 */
function textOf(xml: string): string {
  const lines = xml.includes("\r") ? xml.replace(/\r\n?/g, "\n") : xml;
  const text = lines.includes("&") ? decodeXml(lines) : lines;
  return text.includes("_x")
    ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The text of a string item or inline string: its runs' texts, phonetic guides left out. */
function runsText(xml: string): string {
  return [...xml.replace(PHONETIC, "").matchAll(TEXT)].map((m) => textOf(m[1] ?? "")).join("");
}

/** `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partName(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}

/** A number's value to the 15 significant digits a spreadsheet keeps. */
const numberText = (value: string) => String(Number(Number(value).toPrecision(15)));

const truthy = (value: string | undefined) => value === "1" || value === "true";

/** The cells' content: address, kind, value, formula. */
function addCells(digest: MarkerDigest, xml: string, sharedStrings: readonly string[]): void {
  for (const [, attributeText, inner] of xml.matchAll(CELL)) {
    // Most of a report's cells are empty, styled only (`<c r="B1" s="3"/>`): nothing to compare.
    if (!inner) continue;
    const formula = FORMULA.exec(inner);
    const raw = VALUE.exec(inner)?.[1];
    const type = CELL_TYPE.exec(attributeText)?.[1] ?? "n";
    let kind = "number";
    let value: string | null = raw === undefined ? null : textOf(raw);
    if (type === "s") {
      kind = "text";
      value = raw === undefined ? null : (sharedStrings[Number(raw)] ?? `?${raw}`);
    } else if (type === "inlineStr") {
      const inline = INLINE.exec(inner);
      kind = "text";
      value = inline ? runsText(inline[1]) : null;
    } else if (type === "str") kind = "text";
    else if (type === "b" || type === "e" || type === "d") kind = type;
    else if (value !== null && Number.isFinite(Number(value))) value = numberText(value);
    if (value === null && !formula) continue;
    digest
      .add(CELL_REFERENCE.exec(attributeText)?.[1] ?? "")
      .add(kind)
      .add(value ?? "")
      .add(formula ? textOf(formula[1] ?? "") : "");
  }
}

/**
 * A header or footer as the text and fields it prints, without its formatting codes (font, size,
 * bold, colour …): programs spell the same look differently (Tertial's `&B…&B` is LibreOffice's
 * `&"Arial,Bold"` once it saves the file), and a change of look alone leaves the report Tertial's,
 * as formatting does in the cells. Sections (&L &C &R), fields (&P &N &D …) and `&&` are kept.
 */
export function printedHeaderText(code: string): string {
  return code.replace(
    /&(&|"[^"]*"|\d+|K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|[BIUESXYOH]|)/g,
    (whole, token: string) => (token === "&" || token === "" ? whole : "")
  );
}

/** The header and footer texts a sheet prints. */
function addHeaderFooter(digest: MarkerDigest, xml: string): void {
  const found = HEADER_FOOTER.exec(xml);
  const settings = attributes(found?.[1] ?? "");
  const inner = found?.[2] ?? "";
  const pages = [
    "odd",
    ...(truthy(settings.get("differentOddEven")) ? ["even"] : []),
    ...(truthy(settings.get("differentFirst")) ? ["first"] : []),
  ];
  for (const page of pages) {
    for (const place of ["Header", "Footer"]) {
      const element = new RegExp(`<(?:\\w+:)?${page}${place}\\b[^>]*>([\\s\\S]*?)</`).exec(inner);
      digest.add(`${page}${place}`).add(element ? printedHeaderText(textOf(element[1])) : "");
    }
  }
}

/** Objects a user added (Tertial writes none); an empty `<tableParts count="0"/>` is none. */
function addUserObjects(digest: MarkerDigest, xml: string): void {
  for (const [, name, attributeText] of xml.matchAll(USER_OBJECT)) {
    if (name === "tableParts" && attributes(attributeText).get("count") === "0") continue;
    digest.add(`object:${name}`);
  }
}

/**
 * The digest of the report's sheets as they are in the package, or null when the package is not
 * a workbook whose sheets can be read within the reader's limits.
 */
export async function reportContentDigest(parts: PackageParts): Promise<string | null> {
  let budget = MAX_UNPACKED_TOTAL_BYTES;
  const decoder = new TextDecoder();
  const read = async (name: string): Promise<string | null> => {
    const bytes = await parts.part(name, budget);
    if (bytes === null) return null;
    budget -= bytes.length;
    return decoder.decode(bytes);
  };
  const workbook = await read(WORKBOOK);
  const rels = await read(WORKBOOK_RELS);
  if (workbook === null || rels === null) return null;
  const targets = new Map<string, { type: string; part: string }>();
  for (const [, text] of rels.matchAll(RELATIONSHIP)) {
    const relationship = attributes(text);
    if (relationship.get("TargetMode") === "External") continue;
    targets.set(relationship.get("Id") ?? "", {
      type: relationship.get("Type") ?? "",
      part: partName(relationship.get("Target") ?? ""),
    });
  }
  const stringsPart = [...targets.values()].find((t) => t.type.endsWith("/sharedStrings"));
  const stringsXml = stringsPart ? await read(stringsPart.part) : "";
  if (stringsXml === null) return null;
  const sharedStrings = [...stringsXml.matchAll(STRING_ITEM)].map((m) => runsText(m[1] ?? ""));

  const digest = new MarkerDigest();
  for (const [, text] of workbook.matchAll(SHEET)) {
    const sheet = attributes(text);
    const target = targets.get(sheet.get("id") ?? "");
    digest.add("sheet").add(sheet.get("name") ?? "");
    if (!target?.type.endsWith("/worksheet")) {
      digest.add(`not a worksheet: ${target?.type ?? "missing"}`);
      continue;
    }
    const xml = await read(target.part);
    if (xml === null) return null;
    // The schema puts the header, footer and objects after sheetData: look for them there only.
    const afterCells = xml.slice(xml.lastIndexOf("sheetData"));
    addCells(digest, xml, sharedStrings);
    addHeaderFooter(digest, afterCells);
    addUserObjects(digest, afterCells);
  }
  return digest.toString();
}
