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
  readonly width: number;
  readonly align?: "left" | "center" | "right";
  readonly span?: number;
}

export interface XmlRow {
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

/** A text's run: its lines as text separated by Word line breaks, escaped. */
function runXml(text: string, rPr: string): string {
  if (text === "") return "";
  const lines = escapeXml(xmlSafeText(text))
    .split("\n")
    .map((line) => `<w:t xml:space="preserve">${line}</w:t>`)
    .join("<w:br/>");
  return `<w:r>${rPr}${lines}</w:r>`;
}

/**
 * Writes tables in one paragraph style (Tabelltext or its smaller sibling). Cell properties and
 * paragraph properties repeat in every row; each distinct combination is built once.
 */
export class TableXmlWriter {
  private readonly opening = new Map<string, string>();

  constructor(private readonly paragraphStyle: string) {}

  /** Everything of a cell before its runs, and the runs' properties. */
  private cellOpening(cell: XmlCell, keepNext: boolean): string {
    const key = `${cell.style}|${cell.width}|${cell.align ?? ""}|${cell.span ?? 1}|${keepNext}`;
    let opening = this.opening.get(key);
    if (opening === undefined) {
      const look = STYLES[cell.style];
      const align = cell.align ?? look.horizontal ?? "left";
      // Only what differs from the table's defaults (no borders, top-aligned, its margins).
      opening =
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>` +
        (cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : "") +
        (look.border ? bordersXml(look.border) : "") +
        (look.fill ? `<w:shd w:fill="${look.fill}" w:color="auto" w:val="clear"/>` : "") +
        (look.vertical === "middle" ? '<w:vAlign w:val="center"/>' : "") +
        `</w:tcPr><w:p><w:pPr><w:pStyle w:val="${this.paragraphStyle}"/>` +
        (keepNext ? "<w:keepNext/>" : "") +
        (align !== "left" ? `<w:jc w:val="${align}"/>` : "") +
        "</w:pPr>";
      this.opening.set(key, opening);
    }
    return opening;
  }

  row(row: XmlRow): string {
    const trPr =
      (row.cantSplit ? "<w:cantSplit/>" : "") +
      (row.minHeight !== undefined
        ? `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>`
        : "") +
      (row.header ? "<w:tblHeader/>" : "");
    let xml = trPr ? `<w:tr><w:trPr>${trPr}</w:trPr>` : "<w:tr>";
    for (const cell of row.cells) {
      xml +=
        this.cellOpening(cell, row.keepNext) +
        runXml(cell.text, runPropertiesXml(STYLES[cell.style].font)) +
        "</w:p></w:tc>";
    }
    return `${xml}</w:tr>`;
  }

  /** The table's opening: its width, fixed layout, no borders of its own, margins and grid. */
  static opening(widths: readonly number[]): string {
    const none = ["top", "left", "bottom", "right", "insideH", "insideV"]
      .map((side) => `<w:${side} ${NO_RULE}/>`)
      .join("");
    const margins = (["top", "left", "bottom", "right"] as const)
      .map((side) => `<w:${side} w:type="dxa" w:w="${CELL_MARGINS[side]}"/>`)
      .join("");
    return (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>` +
      `<w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
      `<w:tblCellMar>${margins}</w:tblCellMar></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
    );
  }

  static readonly closing = "</w:tbl>";
}
