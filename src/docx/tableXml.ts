/**
 * A table as WordprocessingML text, written directly rather than through the docx package's
 * objects: a report of 10,000 åtgärder has some 100,000 cells, and docx builds several objects per
 * element and serialises them slowly (6 s and 1.1 GB for that report). Written as text, a cell
 * costs a string, and the same cell properties are written once and reused. The XML is the form
 * docx writes (`<w:tbl>`, `<w:tr>`, `<w:tc>`, one paragraph per cell), so a reader cannot tell.
 * Every text from the workbook is escaped text of a run: never a field, never a hyperlink.
 */
import { STYLES, type CellStyle, type StyleName } from "../core/layout/styles";
import { xmlSafeText } from "../core/text/xmlSafe";
import { escapeXml } from "../xlsx/xmlText";

export interface XmlCell {
  readonly text: string;
  readonly style: StyleName;
}

export interface XmlRow {
  /** One cell per column of the table. */
  readonly cells: readonly XmlCell[];
  /** Repeated at the top of every page the table continues on. */
  readonly header?: boolean;
  /** Kept whole on one page. */
  readonly cantSplit: boolean;
  /** Kept on the page of the next row. */
  readonly keepNext: boolean;
  /** Least height, twips. */
  readonly minHeight?: number;
}

/** Cell padding, twips: as tight as the sheets' cells. */
export const CELL_MARGINS = { top: 28, bottom: 28, left: 70, right: 70 } as const;

const RULE = 'w:val="single" w:color="000000" w:sz="4"';
const NO_RULE = 'w:val="none" w:color="auto" w:sz="0"';

function bordersXml(b: NonNullable<CellStyle["border"]>): string {
  const side = (name: string, on: boolean | undefined) => `<w:${name} ${on ? RULE : NO_RULE}/>`;
  return (
    "<w:tcBorders>" +
    side("top", b.top) +
    side("left", b.left) +
    side("bottom", b.bottom || b.doubleBottom) +
    side("right", b.right) +
    "</w:tcBorders>"
  );
}

function runPropertiesXml(font: CellStyle["font"] = {}): string {
  const props =
    (font.bold ? "<w:b/><w:bCs/>" : "") +
    (font.italic ? "<w:i/><w:iCs/>" : "") +
    (font.color ? `<w:color w:val="${font.color}"/>` : "");
  return props ? `<w:rPr>${props}</w:rPr>` : "";
}

const TEXT = '<w:t xml:space="preserve">';
/**
 * What escaping or `xmlSafeText` could change (`_x` may open an `_xHHHH_` escape). Most cells hold
 * none of it and go into the XML as they are: one scan instead of three.
 */
const NEEDS_ESCAPING =
  // eslint-disable-next-line no-control-regex -- control characters are what xmlSafeText replaces
  /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

/** A text's run: its lines as text separated by Word line breaks, escaped. */
function runXml(text: string, rPr: string): string {
  if (text === "") return "";
  const safe = NEEDS_ESCAPING.test(text) ? escapeXml(xmlSafeText(text)) : text;
  const lines = safe.includes("\n") ? safe.split("\n").join(`</w:t><w:br/>${TEXT}`) : safe;
  return `<w:r>${rPr}${TEXT}${lines}</w:t></w:r>`;
}

/** A cell's properties and its paragraph's, up to its runs; and the runs' properties. */
interface CellOpening {
  readonly xml: string;
  readonly rPr: string;
}

function cellOpening(
  paragraphStyle: string,
  style: StyleName,
  width: number,
  span: number,
  keepNext: boolean
): CellOpening {
  const look = STYLES[style];
  const align = look.horizontal ?? "left";
  // Only what differs from the table's defaults (no borders, top-aligned, its margins).
  const xml =
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
    (look.border ? bordersXml(look.border) : "") +
    (look.fill ? `<w:shd w:fill="${look.fill}" w:color="auto" w:val="clear"/>` : "") +
    (look.vertical === "middle" ? '<w:vAlign w:val="center"/>' : "") +
    `</w:tcPr><w:p><w:pPr><w:pStyle w:val="${paragraphStyle}"/>` +
    (keepNext ? "<w:keepNext/>" : "") +
    (align !== "left" ? `<w:jc w:val="${align}"/>` : "") +
    "</w:pPr>";
  return { xml, rPr: runPropertiesXml(look.font) };
}

const cellXml = (opening: CellOpening, text: string) =>
  opening.xml + runXml(text, opening.rPr) + "</w:p></w:tc>";

/**
 * Writes one table in one paragraph style (Tabelltext or its smaller sibling), its columns
 * `widths` twips wide. A cell's properties repeat down its column: each column's opening for a
 * style is built once, and a cell then costs a lookup and its text.
 */
export class TableXmlWriter {
  /** Per column, by keepNext (0, 1), each style's opening. */
  private readonly columns: Map<StyleName, CellOpening>[][];
  /** A spanning row's opening by style and keepNext. */
  private readonly spanning = new Map<string, CellOpening>();

  constructor(
    private readonly paragraphStyle: string,
    private readonly widths: readonly number[]
  ) {
    this.columns = widths.map(() => [new Map(), new Map()]);
  }

  private columnOpening(column: number, style: StyleName, keepNext: boolean): CellOpening {
    const byStyle = this.columns[column][keepNext ? 1 : 0];
    let opening = byStyle.get(style);
    if (opening === undefined) {
      opening = cellOpening(this.paragraphStyle, style, this.widths[column], 1, keepNext);
      byStyle.set(style, opening);
    }
    return opening;
  }

  /** A row of `row.cells`, one a column. */
  row(row: XmlRow): string {
    const trPr =
      (row.cantSplit ? "<w:cantSplit/>" : "") +
      (row.minHeight !== undefined
        ? `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>`
        : "") +
      (row.header ? "<w:tblHeader/>" : "");
    let xml = trPr ? `<w:tr><w:trPr>${trPr}</w:trPr>` : "<w:tr>";
    const { cells, keepNext } = row;
    for (let c = 0; c < cells.length; c++) {
      xml += cellXml(this.columnOpening(c, cells[c].style, keepNext), cells[c].text);
    }
    return `${xml}</w:tr>`;
  }

  /** A row of one cell across every column (a group's label), kept whole. */
  spanningRow(text: string, style: StyleName, keepNext: boolean): string {
    const key = `${style}|${keepNext}`;
    let opening = this.spanning.get(key);
    if (opening === undefined) {
      const width = this.widths.reduce((a, b) => a + b, 0);
      opening = cellOpening(this.paragraphStyle, style, width, this.widths.length, keepNext);
      this.spanning.set(key, opening);
    }
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(opening, text)}</w:tr>`;
  }

  /** The table's opening: its width, fixed layout, no borders of its own, margins and grid. */
  opening(): string {
    const none = ["top", "left", "bottom", "right", "insideH", "insideV"]
      .map((side) => `<w:${side} ${NO_RULE}/>`)
      .join("");
    const margins = (["top", "left", "bottom", "right"] as const)
      .map((side) => `<w:${side} w:type="dxa" w:w="${CELL_MARGINS[side]}"/>`)
      .join("");
    const { widths } = this;
    return (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>` +
      `<w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
      `<w:tblCellMar>${margins}</w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
    );
  }

  static readonly closing = "</w:tbl>";
}
