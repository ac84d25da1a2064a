/**
 * A worksheet part reduced to what the reader uses: the cells within the template tables' ranges
 * and the table parts. Everything else on a sheet (merged ranges, data validations, conditional
 * formats, hyperlinks, drawings, cells outside the tables) costs exceljs memory and time — a single
 * merged range over the whole sheet makes it visit all 17 billion cells — and the reader needs none
 * of it. Sheets without a template table become empty (see EMPTY_WORKSHEET).
 */
import { cellAddress, columnNumber, type CellRange } from "../../core/snapshot";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A sheet Tertial does not read, as exceljs gets it: it keeps its name and place, nothing else. */
export const EMPTY_WORKSHEET = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;

export interface ReducedWorksheet {
  readonly xml: string;
  /** Per span: the last row within it that holds a filled cell, or 0 when none does. */
  readonly lastFilledRows: readonly number[];
}

const ROOT = /<worksheet\b[^>]*>/;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
/** A cell's attributes as Excel and exceljs write them: r, then s and t if any. */
const PLAIN_CELL = /^\s+r="([A-Z]{1,3})\d+"(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?\s*$/;
const ATTRIBUTE = /\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CELL_REFERENCE = /^\$?([A-Z]{1,3})\$?\d+$/i;
const TOKEN = /^\w+$/;
const SLASH = 0x2f;

interface Element {
  readonly attributes: string;
  /** Null for an empty-element tag (`<row r="6"/>`). */
  readonly content: string | null;
  /** Where the search for the next one goes on. */
  readonly next: number;
}

/**
 * The next `<name>` element from `from` on, found with indexOf (the sheets are megabytes; a regex
 * per element costs several times as much). Elements of these names never nest, and their text
 * has `<` escaped. Null when there is none or the rest is cut off.
 */
function nextElement(xml: string, name: string, from: number): Element | null {
  const open = `<${name}`;
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + open.length)) {
    // `<cols` or `<rowBreaks` is another element.
    if (/[\w:.-]/.test(xml.charAt(at + open.length))) continue;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0) return null;
    const attributes = xml.slice(at + open.length, tagEnd);
    if (xml.charCodeAt(tagEnd - 1) === SLASH) {
      return { attributes: attributes.slice(0, -1), content: null, next: tagEnd + 1 };
    }
    const end = xml.indexOf(`</${name}>`, tagEnd);
    if (end < 0) return null;
    return { attributes, content: xml.slice(tagEnd + 1, end), next: end + name.length + 3 };
  }
  return null;
}

interface CellAttributes {
  /** Column letters from `r`, or null when it has none (or one that is not a cell). */
  readonly letters: string | null;
  readonly type: string | null;
  readonly style: string | null;
}

function cellAttributes(attributes: string): CellAttributes {
  const plain = PLAIN_CELL.exec(attributes);
  if (plain) return { letters: plain[1], style: plain[2] ?? null, type: plain[3] ?? null };
  let reference: string | null = null;
  let type: string | null = null;
  let style: string | null = null;
  for (const [, name, doubleQuoted, singleQuoted] of attributes.matchAll(ATTRIBUTE)) {
    const value = doubleQuoted ?? singleQuoted;
    if (name === "r") reference = value;
    else if (name === "t" && TOKEN.test(value)) type = value;
    else if (name === "s" && TOKEN.test(value)) style = value;
  }
  const letters = reference === null ? null : (CELL_REFERENCE.exec(reference)?.[1] ?? null);
  return { letters, type, style };
}

/**
 * A cell as exceljs needs it: its reference, type and (for a cell that may be a date) style; its
 * other attributes go. A shared string's style is never used: exceljs reads a style only to tell
 * a date from a number.
 */
function readableCell(reference: string, { type, style }: CellAttributes, content: string) {
  const typeAttribute = type === null ? "" : ` t="${type}"`;
  const styleAttribute = style === null || type === "s" ? "" : ` s="${style}"`;
  return `<c r="${reference}"${typeAttribute}${styleAttribute}>${content}</c>`;
}

/**
 * The row's cells within `spans`' columns that hold something (a row of a sheet can hold 16,384
 * cells, a table a few; an empty cell is only formatting), and for each span whether one of them
 * lies in it.
 */
function cellsWithin(
  content: string,
  row: number,
  spans: readonly CellRange[]
): [string, boolean[]] {
  const hit = spans.map(() => false);
  let kept = "";
  let column = 0;
  for (let cell = nextElement(content, "c", 0); cell; cell = nextElement(content, "c", cell.next)) {
    const attributes = cellAttributes(cell.attributes);
    // `r` is optional: a cell without it follows the previous one.
    column = attributes.letters ? columnNumber(attributes.letters) : column + 1;
    if (!cell.content) continue;
    let within = false;
    for (let i = 0; i < spans.length; i++) {
      if (column < spans[i].left || column > spans[i].right) continue;
      within = hit[i] = true;
    }
    if (within) kept += readableCell(cellAddress(row, column), attributes, cell.content);
  }
  return [kept, hit];
}

/**
 * Keeps the rows within `spans` that hold a filled cell, and table parts for
 * `tableRelationshipIds`. Null when the part is not a worksheet this reader understands (e.g.
 * namespace-prefixed elements, which exceljs cannot read either).
 */
export function worksheetForReading(
  xml: string,
  spans: readonly CellRange[],
  tableRelationshipIds: readonly string[]
): ReducedWorksheet | null {
  const root = ROOT.exec(xml)?.[0];
  const start = xml.indexOf("<sheetData");
  if (!root || start < 0) return null;
  const end = xml.indexOf("</sheetData>", start);
  const sheetData = end < 0 ? "" : xml.slice(start, end);

  const lastFilledRows = spans.map(() => 0);
  const kept: string[] = [];
  let rowNumber = 0;
  for (
    let row = nextElement(sheetData, "row", 0);
    row;
    row = nextElement(sheetData, "row", row.next)
  ) {
    const stated = ROW_NUMBER.exec(row.attributes);
    // `r` is optional: a row without it follows the previous one.
    rowNumber = stated ? Number(stated[1]) : rowNumber + 1;
    const rowSpans = spans.filter((span) => rowNumber >= span.top && rowNumber <= span.bottom);
    if (!row.content || rowSpans.length === 0) continue;
    const [cells, hit] = cellsWithin(row.content, rowNumber, rowSpans);
    if (!cells) continue;
    rowSpans.forEach((span, i) => {
      const at = spans.indexOf(span);
      if (hit[i]) lastFilledRows[at] = Math.max(lastFilledRows[at], rowNumber);
    });
    // Only the number: exceljs parses heights, spans and formats the reader never uses.
    kept.push(`<row r="${rowNumber}">${cells}</row>`);
  }

  const withRelationshipsNs = /\sxmlns:r\s*=/.test(root)
    ? root
    : `${root.slice(0, -1)} xmlns:r="${RELATIONSHIPS_NS}">`;
  const tableParts = tableRelationshipIds.length
    ? `<tableParts count="${tableRelationshipIds.length}">${tableRelationshipIds
        .map((id) => `<tablePart r:id="${id}"/>`)
        .join("")}</tableParts>`
    : "";
  return {
    xml: `${XML_DECLARATION}${withRelationshipsNs}<sheetData>${kept.join("")}</sheetData>${tableParts}</worksheet>`,
    lastFilledRows,
  };
}
