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
  /** Per span: the last row within it that holds a cell, or 0 when none does. */
  readonly lastFilledRows: readonly number[];
}

const ROOT = /<worksheet\b[^>]*>/;
const ROW = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
const CELL_COLUMN = /\sr\s*=\s*["']\$?([A-Z]{1,3})\$?\d+["']/i;

/**
 * The row's cells within `spans`' columns (a row of a sheet can hold 16,384 cells, a table a few),
 * and for each span whether one of them lies in it.
 */
function cellsWithin(
  content: string,
  row: number,
  spans: readonly CellRange[]
): [string, boolean[]] {
  const hit = spans.map(() => false);
  let kept = "";
  let column = 0;
  for (const [cell, attributes] of content.matchAll(CELL)) {
    const stated = CELL_COLUMN.exec(attributes);
    // `r` is optional: a cell without it follows the previous one.
    column = stated ? columnNumber(stated[1]) : column + 1;
    let within = false;
    spans.forEach((span, i) => {
      if (column < span.left || column > span.right) return;
      within = hit[i] = true;
    });
    if (within) kept += stated ? cell : `<c r="${cellAddress(row, column)}"${cell.slice(2)}`;
  }
  return [kept, hit];
}

/**
 * Keeps the rows within `spans` that hold a cell, and table parts for `tableRelationshipIds`.
 * Null when the part is not a worksheet this reader understands (e.g. namespace-prefixed
 * elements, which exceljs cannot read either).
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
  for (const match of sheetData.matchAll(ROW)) {
    const [, attributes, , content] = match;
    const stated = ROW_NUMBER.exec(attributes);
    // `r` is optional: a row without it follows the previous one.
    rowNumber = stated ? Number(stated[1]) : rowNumber + 1;
    const rowSpans = spans.filter((span) => rowNumber >= span.top && rowNumber <= span.bottom);
    if (!content || rowSpans.length === 0) continue;
    const [cells, hit] = cellsWithin(content, rowNumber, rowSpans);
    if (!cells) continue;
    rowSpans.forEach((span, i) => {
      const at = spans.indexOf(span);
      if (hit[i]) lastFilledRows[at] = Math.max(lastFilledRows[at], rowNumber);
    });
    const rowAttributes = stated ? attributes : ` r="${rowNumber}"${attributes}`;
    kept.push(`<row${rowAttributes}>${cells}</row>`);
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
