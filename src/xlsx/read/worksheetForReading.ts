/**
 * A worksheet part reduced to what the reader uses: the filled cells within the template tables'
 * ranges and the table parts. Everything else on a sheet (merged ranges, data validations,
 * conditional formats, hyperlinks, drawings, empty formatted cells, cells outside the tables) costs
 * exceljs memory and time — a single merged range over the whole sheet makes it visit all 17
 * billion cells — and the reader needs none of it. Sheets without a template table become empty
 * (see EMPTY_WORKSHEET).
 *
 * Works on the part's UTF-8 bytes: every name and attribute it looks at is ASCII, and no byte of
 * a multi-byte character is. A sheet is megabytes; decoding it to a string and building one per
 * cell cost more than all the rest of the package step.
 */
import { cellAddress, type CellRange } from "../../core/snapshot";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A sheet Tertial does not read, as exceljs gets it: it keeps its name and place, nothing else. */
export const EMPTY_WORKSHEET = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;

export interface ReducedWorksheet {
  readonly xml: Uint8Array;
  /** Per span: the last row within it that holds a filled cell, or 0 when none does. */
  readonly lastFilledRows: readonly number[];
}

const encoder = new TextEncoder();
const ascii = (text: string) => encoder.encode(text);
const [GT, SLASH, EQUALS, QUOTE, APOSTROPHE, DOLLAR] = [62, 47, 61, 34, 39, 36];
const [R, S, T] = [114, 115, 116];
const WORKSHEET = ascii("<worksheet");
const SHEET_DATA = ascii("<sheetData");
const SHEET_DATA_END = ascii("</sheetData>");
const ROW = ascii("<row");
const ROW_END = ascii("</row>");
const CELL = ascii("<c");
const CELL_END = ascii("</c>");

const isSpace = (byte: number) => byte === 32 || byte === 9 || byte === 10 || byte === 13;
const isDigit = (byte: number) => byte >= 48 && byte <= 57;
const isLetter = (byte: number) => (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
const isWordByte = (byte: number) => isLetter(byte) || isDigit(byte) || byte === 95;
/** A byte that may continue an element name (`<cols` is not `<c`). */
const isNameByte = (byte: number) => isWordByte(byte) || byte === 58 || byte === 46 || byte === 45;

/** Where `pattern` first occurs in `bytes[from, to)`, or -1. */
function find(bytes: Uint8Array, pattern: Uint8Array, from: number, to: number): number {
  // A plain loop: the distances are a few bytes, shorter than a call to indexOf is worth.
  const first = pattern[0];
  for (let at = from, last = to - pattern.length; at <= last; at++) {
    if (bytes[at] !== first) continue;
    let i = 1;
    while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
    if (i === pattern.length) return at;
  }
  return -1;
}

/** One element found by `nextElement`; reused from element to element. */
class Element {
  attributesStart = 0;
  attributesEnd = 0;
  /** Content range; empty for an empty-element tag (`<row r="6"/>`). */
  contentStart = 0;
  contentEnd = 0;
  next = 0;
}

/**
 * The next element `open` … `close` in `bytes[from, to)`, into `element`; false when there is none
 * or the rest is cut off. Rows and cells never nest, and their text has `<` escaped.
 */
function nextElement(
  bytes: Uint8Array,
  open: Uint8Array,
  close: Uint8Array,
  from: number,
  to: number,
  element: Element
): boolean {
  for (let at = find(bytes, open, from, to); at >= 0; at = find(bytes, open, at + 1, to)) {
    if (isNameByte(bytes[at + open.length])) continue;
    const tagEnd = bytes.indexOf(GT, at);
    if (tagEnd < 0 || tagEnd >= to) return false;
    element.attributesStart = at + open.length;
    if (bytes[tagEnd - 1] === SLASH) {
      element.attributesEnd = tagEnd - 1;
      element.contentStart = element.contentEnd = element.next = tagEnd + 1;
      return true;
    }
    const end = find(bytes, close, tagEnd, to);
    if (end < 0) return false;
    element.attributesEnd = tagEnd;
    element.contentStart = tagEnd + 1;
    element.contentEnd = end;
    element.next = end + close.length;
    return true;
  }
  return false;
}

/** The values of the one-letter attributes r, s and t of a start tag, as byte ranges (-1: none). */
class Attributes {
  r = -1;
  rEnd = -1;
  s = -1;
  sEnd = -1;
  t = -1;
  tEnd = -1;

  read(bytes: Uint8Array, from: number, to: number): this {
    this.r = this.s = this.t = -1;
    let i = from;
    while (i < to) {
      if (isSpace(bytes[i])) {
        i++;
        continue;
      }
      const name = i;
      while (i < to && !isSpace(bytes[i]) && bytes[i] !== EQUALS) i++;
      const nameLength = i - name;
      while (i < to && isSpace(bytes[i])) i++;
      if (bytes[i] !== EQUALS) return this;
      i++;
      while (i < to && isSpace(bytes[i])) i++;
      const quote = bytes[i];
      if (quote !== QUOTE && quote !== APOSTROPHE) return this;
      const value = i + 1;
      const valueEnd = bytes.indexOf(quote, value);
      if (valueEnd < 0 || valueEnd >= to) return this;
      if (nameLength === 1) {
        const letter = bytes[name];
        if (letter === R) {
          this.r = value;
          this.rEnd = valueEnd;
        } else if (letter === S) {
          this.s = value;
          this.sEnd = valueEnd;
        } else if (letter === T) {
          this.t = value;
          this.tEnd = valueEnd;
        }
      }
      i = valueEnd + 1;
    }
    return this;
  }
}

/** A row number (`r="12"`), or 0 when `bytes[from, to)` is not one. */
function rowNumberIn(bytes: Uint8Array, from: number, to: number): number {
  if (from < 0 || from === to) return 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!isDigit(bytes[i])) return 0;
    n = n * 10 + bytes[i] - 48;
  }
  return n;
}

/** The column of a cell reference (`B12`, `$B$12`), or 0 when `bytes[from, to)` is not one. */
function columnIn(bytes: Uint8Array, from: number, to: number): number {
  if (from < 0) return 0;
  let i = from;
  if (bytes[i] === DOLLAR) i++;
  let column = 0;
  const lettersStart = i;
  while (i < to && isLetter(bytes[i])) column = column * 26 + (bytes[i++] & 0xdf) - 64;
  if (i === lettersStart || i - lettersStart > 3) return 0;
  if (bytes[i] === DOLLAR) i++;
  const digitsStart = i;
  while (i < to && isDigit(bytes[i])) i++;
  return i > digitsStart && i === to ? column : 0;
}

/** A type or style value exceljs can take as it is (`s`, `inlineStr`, `12`). */
function isToken(bytes: Uint8Array, from: number, to: number): boolean {
  if (from < 0 || from === to) return false;
  for (let i = from; i < to; i++) if (!isWordByte(bytes[i])) return false;
  return true;
}

/** A growing byte buffer. */
class Output {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  copy(source: Uint8Array, from = 0, to = source.length): void {
    this.room(to - from);
    // Byte by byte: most copies are a few bytes, for which a subarray and set cost more.
    const bytes = this.bytes;
    let length = this.length;
    for (let i = from; i < to; i++) bytes[length++] = source[i];
    this.length = length;
  }

  text(ascii: string): void {
    this.room(ascii.length);
    for (let i = 0; i < ascii.length; i++) this.bytes[this.length++] = ascii.charCodeAt(i);
  }
}

/**
 * Writes the row's cells within `spans`' columns that hold something (a row of a sheet can hold
 * 16,384 cells, a table a few; an empty cell is only formatting), each with only its reference,
 * type and — unless it is a shared string, whose style exceljs never uses (it reads a style only
 * to tell a date from a number) — its style. Marks in `hit` the spans that got a cell.
 */
function writeCellsWithin(
  bytes: Uint8Array,
  from: number,
  to: number,
  row: number,
  spans: readonly CellRange[],
  hit: boolean[],
  out: Output
): void {
  const cell = new Element();
  const attributes = new Attributes();
  let column = 0;
  for (let at = from; nextElement(bytes, CELL, CELL_END, at, to, cell); at = cell.next) {
    const { r, rEnd, s, sEnd, t, tEnd } = attributes.read(
      bytes,
      cell.attributesStart,
      cell.attributesEnd
    );
    const stated = columnIn(bytes, r, rEnd);
    // `r` is optional: a cell without it follows the previous one.
    column = stated || column + 1;
    if (cell.contentStart === cell.contentEnd) continue;
    let within = false;
    for (let i = 0; i < spans.length; i++) {
      if (column < spans[i].left || column > spans[i].right) continue;
      within = hit[i] = true;
    }
    if (!within) continue;
    out.text('<c r="');
    if (stated) out.copy(bytes, r, rEnd);
    else out.text(cellAddress(row, column));
    const typed = isToken(bytes, t, tEnd);
    if (typed) {
      out.text('" t="');
      out.copy(bytes, t, tEnd);
    }
    const sharedString = typed && tEnd - t === 1 && bytes[t] === S;
    if (!sharedString && isToken(bytes, s, sEnd)) {
      out.text('" s="');
      out.copy(bytes, s, sEnd);
    }
    out.text('">');
    out.copy(bytes, cell.contentStart, cell.contentEnd);
    out.text("</c>");
  }
}

/**
 * Keeps the rows within `spans` that hold a filled cell, and table parts for
 * `tableRelationshipIds`. Null when the part is not a worksheet this reader understands (e.g.
 * namespace-prefixed elements, which exceljs cannot read either).
 */
export function worksheetForReading(
  xml: Uint8Array,
  spans: readonly CellRange[],
  tableRelationshipIds: readonly string[]
): ReducedWorksheet | null {
  let rootStart = find(xml, WORKSHEET, 0, xml.length);
  while (rootStart >= 0 && isNameByte(xml[rootStart + WORKSHEET.length])) {
    rootStart = find(xml, WORKSHEET, rootStart + 1, xml.length);
  }
  const rootEnd = rootStart < 0 ? -1 : xml.indexOf(GT, rootStart);
  const start = find(xml, SHEET_DATA, 0, xml.length);
  if (rootEnd < 0 || start < 0) return null;
  const found = find(xml, SHEET_DATA_END, start, xml.length);
  const end = found < 0 ? start : found;

  const root = new TextDecoder().decode(xml.subarray(rootStart, rootEnd + 1));
  const withRelationshipsNs = /\sxmlns:r\s*=/.test(root)
    ? root
    : `${root.slice(0, -1)} xmlns:r="${RELATIONSHIPS_NS}">`;
  const out = new Output(end - start + 1024);
  out.copy(encoder.encode(`${XML_DECLARATION}${withRelationshipsNs}<sheetData>`));

  const lastFilledRows = spans.map(() => 0);
  const row = new Element();
  const attributes = new Attributes();
  let rowNumber = 0;
  for (let at = start; nextElement(xml, ROW, ROW_END, at, end, row); at = row.next) {
    const { r, rEnd } = attributes.read(xml, row.attributesStart, row.attributesEnd);
    // `r` is optional: a row without it follows the previous one.
    rowNumber = rowNumberIn(xml, r, rEnd) || rowNumber + 1;
    const rowSpans = spans.filter((span) => rowNumber >= span.top && rowNumber <= span.bottom);
    if (row.contentStart === row.contentEnd || rowSpans.length === 0) continue;
    const rowStart = out.length;
    // Only the number: exceljs parses heights, spans and formats the reader never uses.
    out.text(`<row r="${rowNumber}">`);
    const cellsStart = out.length;
    const hit = rowSpans.map(() => false);
    writeCellsWithin(xml, row.contentStart, row.contentEnd, rowNumber, rowSpans, hit, out);
    if (out.length === cellsStart) {
      out.length = rowStart;
      continue;
    }
    out.text("</row>");
    rowSpans.forEach((span, i) => {
      const at = spans.indexOf(span);
      if (hit[i]) lastFilledRows[at] = Math.max(lastFilledRows[at], rowNumber);
    });
  }

  const tableParts = tableRelationshipIds.length
    ? `<tableParts count="${tableRelationshipIds.length}">${tableRelationshipIds
        .map((id) => `<tablePart r:id="${id}"/>`)
        .join("")}</tableParts>`
    : "";
  out.copy(encoder.encode(`</sheetData>${tableParts}</worksheet>`));
  return { xml: out.bytes.subarray(0, out.length), lastFilledRows };
}
