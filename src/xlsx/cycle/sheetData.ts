/**
 * A worksheet part's `<sheetData>` as rows of cells that Ny period can move, rewrite and write
 * back, everything else in the part kept as written. Each cell keeps its XML (style, type,
 * formula, value) untouched unless the roll changes it. Plain pattern matching: rows and cells
 * never nest, and their text has `<` escaped.
 */
import { cellAddress, columnNumber } from "../../core/snapshot";
import { attribute } from "../read/packageXml";

export interface SheetCell {
  /** The start tag's attributes without `r`, e.g. ` s="9" t="s"`. */
  attributes: string;
  /** What is between the tags: `<f>…</f><v>…</v>`; "" for an empty cell. */
  content: string;
}

export interface SheetRow {
  /** The row's attributes without `r` and `spans` (which no longer hold once cells move). */
  attributes: string;
  readonly cells: Map<number, SheetCell>;
}

export interface SheetData {
  /** The part before and after `<sheetData>…</sheetData>`. */
  head: string;
  readonly tail: string;
  readonly rows: Map<number, SheetRow>;
}

const SHEET_DATA = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const R_ATTRIBUTE = /\sr\s*=\s*(["'])[^"']*\1/;
const SPANS_ATTRIBUTE = /\sspans\s*=\s*(["'])[^"']*\1/;

/** The value of one attribute in a cell's attributes; null when absent. */
export function cellAttribute(cell: SheetCell, name: string): string | null {
  return attribute(`<c${cell.attributes}>`, name);
}

/** A cell's attributes with `name` set to `value` (or removed, for null). */
export function withAttribute(attributes: string, name: string, value: string | null): string {
  const without = attributes.replace(new RegExp(`\\s${name}\\s*=\\s*(["'])[^"']*\\1`), "");
  return value === null ? without : `${without} ${name}="${value}"`;
}

/** Null when the part has no `<sheetData>` (not a worksheet Tertial can edit). */
export function readSheetData(xml: string): SheetData | null {
  const match = SHEET_DATA.exec(xml);
  if (!match) return null;
  const rows = new Map<number, SheetRow>();
  let rowNumber = 0;
  for (const [, rowAttributes, rowContent] of (match[1] ?? "").matchAll(ROW)) {
    rowNumber = Number(attribute(`<row${rowAttributes}>`, "r")) || rowNumber + 1;
    const cells = new Map<number, SheetCell>();
    let column = 0;
    for (const [, cellAttributes, content] of (rowContent ?? "").matchAll(CELL)) {
      const ref = attribute(`<c${cellAttributes}>`, "r");
      const letters = ref ? /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1] : undefined;
      column = letters ? columnNumber(letters.toUpperCase()) : column + 1;
      cells.set(column, {
        attributes: cellAttributes.replace(R_ATTRIBUTE, ""),
        content: content ?? "",
      });
    }
    rows.set(rowNumber, {
      attributes: rowAttributes.replace(R_ATTRIBUTE, "").replace(SPANS_ATTRIBUTE, ""),
      cells,
    });
  }
  return {
    head: xml.slice(0, match.index),
    tail: xml.slice(match.index + match[0].length),
    rows,
  };
}

function cellXml(row: number, column: number, cell: SheetCell): string {
  const start = `<c r="${cellAddress(row, column)}"${cell.attributes}`;
  return cell.content === "" ? `${start}/>` : `${start}>${cell.content}</c>`;
}

/** The part with its rows and cells in sheet order (Excel requires it). */
export function writeSheetData(data: SheetData): string {
  const rows = [...data.rows.entries()].sort((a, b) => a[0] - b[0]);
  const body = rows
    .map(([r, row]) => {
      const cells = [...row.cells.entries()].sort((a, b) => a[0] - b[0]);
      if (cells.length === 0 && row.attributes.trim() === "") return "";
      return `<row r="${r}"${row.attributes}>${cells.map(([c, cell]) => cellXml(r, c, cell)).join("")}</row>`;
    })
    .join("");
  return `${data.head}<sheetData>${body}</sheetData>${data.tail}`;
}
