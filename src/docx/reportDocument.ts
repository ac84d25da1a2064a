/**
 * The ReportDoc as a Word document (the `docx` package; runs in Node and in the browser). Each
 * sheet is a chapter in a section of its own, portrait unless its tables need landscape; its
 * subtitle is a Heading 1, its headings Heading 2 or 3 by their outline level. Tables keep the
 * sheets' look (core/layout: cellStyles.ts, STYLES): figures right-aligned in Swedish format,
 * negative deviations red, sum rows bold with a rule above, status markers with their symbol and
 * fill, the risk matrix coloured. Every text from the workbook is a plain text run: no field, no
 * hyperlink.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ITableCellBorders,
} from "docx";
import { gridCellStyle, tableCellStyle } from "../core/layout/cellStyles";
import type {
  Block,
  ColumnWidth,
  OutlineLevel,
  ReportDoc,
  ReportSheet,
} from "../core/report/reportDoc";
import type { CellStyle, StyleName } from "../core/layout/styles";
import { boardSheets, chartTable, columnAlign, textParagraphs } from "../core/report/reportDoc";
import { exhaustive } from "../core/exhaustive";
import { STYLES } from "../core/layout/styles";
import { valueText } from "../core/report/valueText";
import { xmlSafeText } from "../core/text/xmlSafe";
import { fitColumns, longestWordTwips } from "./columnFit";
import { DOCUMENT_STYLES, normalStyle, STYLE } from "./documentStyles";
import { A4, chapterOrientation, MARGINS, textWidth, type Orientation } from "./pageSetup";

/** A text's runs, its line breaks kept as Word line breaks. */
function runs(text: string, format: CellStyle["font"] = {}): TextRun[] {
  return xmlSafeText(text)
    .split("\n")
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(format.bold ? { bold: true } : {}),
          ...(format.italic ? { italics: true } : {}),
          ...(format.color ? { color: format.color } : {}),
        })
    );
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function heading(text: string, level: OutlineLevel): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: runs(text) });
}

// ---- Tables ------------------------------------------------------------------------------------

const RULE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const NO_BORDERS = {
  top: NO_RULE,
  bottom: NO_RULE,
  left: NO_RULE,
  right: NO_RULE,
  insideHorizontal: NO_RULE,
  insideVertical: NO_RULE,
};
/** Cell padding, twips: as tight as the sheets' cells. */
const CELL_MARGINS = { top: 28, bottom: 28, left: 70, right: 70 };

function borders(b: NonNullable<CellStyle["border"]>): ITableCellBorders {
  return {
    top: b.top ? RULE : NO_RULE,
    bottom: b.bottom || b.doubleBottom ? RULE : NO_RULE,
    left: b.left ? RULE : NO_RULE,
    right: b.right ? RULE : NO_RULE,
  };
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

interface CellOptions {
  readonly text: string;
  readonly style: StyleName;
  readonly width: number;
  readonly align?: "left" | "center" | "right";
  readonly span?: number;
  /** Keep this row on the page of the next (a header, a group row, a row before the last). */
  readonly keepNext: boolean;
}

function tableCell({ text, style, width, align, span, keepNext }: CellOptions): TableCell {
  const look = STYLES[style];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span && span > 1 ? { columnSpan: span } : {}),
    // Only what differs from the table's defaults (no borders, top-aligned, its cell margins):
    // a report of 10,000 åtgärder has some 100,000 cells, and every element costs.
    ...(look.border ? { borders: borders(look.border) } : {}),
    ...(look.vertical === "middle" ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
    ...(look.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: look.fill } } : {}),
    children: [
      new Paragraph({
        style: STYLE.tableText,
        ...((align ?? look.horizontal ?? "left") !== "left"
          ? { alignment: ALIGN[align ?? look.horizontal ?? "left"] }
          : {}),
        ...(keepNext ? { keepNext } : {}),
        children: runs(text, look.font),
      }),
    ],
  });
}

type ColumnsBlock = Extract<Block, { kind: "table" | "grid" }>;

const fixedWidth = (widths: readonly ColumnWidth[]) =>
  widths.reduce<number>((sum, w) => sum + (w === "rest" ? 0 : w), 0);

/**
 * The block's column widths in twips: the sheet's characters scaled so that the sheet's width
 * (or its widest table) fills the text width, a `rest` column taking what the sheet leaves.
 */
function columnTwips(block: ColumnsBlock, sheet: ReportSheet, width: number): number[] {
  const sheetWidth = Math.max(
    sheet.width,
    ...sheet.blocks
      .filter((b): b is ColumnsBlock => b.kind === "table" || b.kind === "grid")
      .map((b) => fixedWidth(b.columns.map((c) => c.width)))
  );
  const widths = block.columns.map((c) => c.width);
  const rest = Math.max(sheetWidth - fixedWidth(widths), 4);
  return widths.map((w) => Math.round(((w === "rest" ? rest : w) * width) / sheetWidth));
}

function table(rows: TableRow[], widths: readonly number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: CELL_MARGINS,
  });
}

/** Table text's size (the Tabelltext style), points. */
const TABLE_TEXT_PT = 9;

/**
 * Lines a row may have and still be kept on one page (cantSplit). Word does not break a row that
 * may not split even when it is taller than a page; it cuts it off. A longer row may split.
 */
const UNSPLIT_LINES = 20;
/** An average character of table text, twips (Arial 9 pt). */
const AVERAGE_CHARACTER = 95;

function estimatedLines(text: string, width: number): number {
  const perLine = Math.max(1, (width - CELL_MARGINS.left - CELL_MARGINS.right) / AVERAGE_CHARACTER);
  return text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function fitsUnsplit(cells: readonly Printed[], widths: readonly number[]): boolean {
  return cells.every((cell, c) => estimatedLines(cell.text, widths[c]) <= UNSPLIT_LINES);
}

/** A cell as the renderer prints it: its text and named style. */
interface Printed {
  readonly text: string;
  readonly style: StyleName;
}

/** Each column's least width in twips: its longest word, in its cell's weight, and the padding. */
function leastWidths(columns: number, rows: readonly (readonly Printed[])[]): number[] {
  const least = new Array<number>(columns).fill(0);
  for (const row of rows) {
    row.forEach((cell, c) => {
      const bold = STYLES[cell.style].font?.bold ?? false;
      const word = longestWordTwips(cell.text, TABLE_TEXT_PT, bold);
      least[c] = Math.max(least[c], word + CELL_MARGINS.left + CELL_MARGINS.right + 30);
    });
  }
  return least;
}

function dataTable(block: Extract<Block, { kind: "table" }>, declared: readonly number[]): Table {
  const headers: Printed[] = block.columns.map((column) => ({
    text: column.header,
    style: columnAlign(column) === "right" ? "table.header.number" : "table.header",
  }));
  const printed = block.rows.map((row): Printed[] | string =>
    row.kind === "group"
      ? row.text
      : row.cells.map((cell, c) => {
          const format = cell.format ?? block.columns[c]?.format ?? "text";
          // A link jumps inside a workbook; in a document the cell is its text.
          return {
            text: valueText(cell, format),
            style: tableCellStyle({ ...cell, link: undefined }, format, row.kind === "sum"),
          };
        })
  );
  const widths = fitColumns(
    declared,
    leastWidths(declared.length, [
      headers,
      ...printed.filter((r): r is Printed[] => typeof r !== "string"),
    ])
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((cell, i) => tableCell({ ...cell, width: widths[i], keepNext: true })),
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const body = printed.map((row, r) => {
    // A group row labels the rows below it, and a table's last row (often its sum) never stands alone.
    const keepNext = typeof row === "string" || r === printed.length - 2;
    return new TableRow({
      cantSplit: typeof row === "string" || fitsUnsplit(row, widths),
      children:
        typeof row === "string"
          ? [
              tableCell({
                text: row,
                style: "table.group",
                width: total,
                span: widths.length,
                keepNext,
              }),
            ]
          : row.map((cell, c) => tableCell({ ...cell, width: widths[c], keepNext })),
    });
  });
  return table([header, ...body], widths);
}

/** A risk's details or the risk matrix: kept on one page, as on the sheet. */
function gridTable(block: Extract<Block, { kind: "grid" }>, declared: readonly number[]): Table {
  const printed = block.rows.map((cells) =>
    cells.map((cell): Printed => ({ text: valueText(cell, undefined), style: gridCellStyle(cell) }))
  );
  const widths = fitColumns(declared, leastWidths(declared.length, printed));
  const rows = printed.map(
    (cells, r) =>
      new TableRow({
        cantSplit: fitsUnsplit(cells, widths),
        ...(block.minRowHeight !== undefined
          ? { height: { value: block.minRowHeight * 20, rule: HeightRule.ATLEAST } }
          : {}),
        children: cells.map((cell, c) =>
          tableCell({ ...cell, width: widths[c], keepNext: r < printed.length - 1 })
        ),
      })
  );
  return table(rows, widths);
}

// ---- Chapters ------------------------------------------------------------------------------------

/** Between two tables: Word joins adjacent tables into one. */
const gap = () => new Paragraph({ style: STYLE.tableText, children: [] });

function paragraph(block: Extract<Block, { kind: "paragraph" }>, introduces: boolean): Paragraph {
  switch (block.style) {
    case "subtitle":
      return heading(block.text, block.level ?? 1);
    case "utkast":
      return new Paragraph({ style: STYLE.banner, children: runs(block.text) });
    case "note":
      return new Paragraph({ style: STYLE.note, keepNext: introduces, children: runs(block.text) });
    case "label":
      return new Paragraph({ keepNext: introduces, children: runs(block.text, { bold: true }) });
    case undefined:
      return new Paragraph({ keepNext: introduces, children: runs(block.text) });
    default:
      return exhaustive(block.style);
  }
}

function chapterChildren(sheet: ReportSheet, width: number, titled: Set<string>): FileChild[] {
  const children: FileChild[] = [];
  const add = (child: FileChild) => {
    if (child instanceof Table && children.at(-1) instanceof Table) children.push(gap());
    children.push(child);
  };
  sheet.blocks.forEach((block, i) => {
    const next = sheet.blocks[i + 1];
    switch (block.kind) {
      case "title":
        // The document has one title; each sheet repeats it, the page header carries it on.
        if (!titled.has(block.text)) {
          titled.add(block.text);
          add(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) }));
        }
        break;
      case "heading":
        add(heading(block.text, block.level ?? 2));
        break;
      case "paragraph":
        add(paragraph(block, next?.kind === "table" || next?.kind === "grid"));
        break;
      case "table":
        add(dataTable(block, columnTwips(block, sheet, width)));
        break;
      case "grid":
        add(gridTable(block, columnTwips(block, sheet, width)));
        break;
      case "spacer":
        if (next !== undefined) add(gap());
        break;
      case "text":
        add(heading(block.heading, block.level ?? 2));
        for (const text of textParagraphs(block)) add(new Paragraph({ children: runs(text) }));
        break;
      case "chart":
        // Not drawn yet, and no placeholder (see core/layout/layout.ts): its figures are in its table.
        chartTable(sheet, block);
        break;
      default:
        exhaustive(block);
    }
  });
  return children;
}

/** What a draft's page header says in its middle, so that a page printed alone is no final report. */
export const DRAFT_HEADER = "UTKAST";

function pageHeader(doc: ReportDoc, width: number): Header {
  const { organisation, report } = doc.about;
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        tabStops: [
          ...(doc.draft ? [{ type: TabStopType.CENTER, position: Math.round(width / 2) }] : []),
          { type: TabStopType.RIGHT, position: width },
        ],
        children: [
          ...(organisation ? [new TextRun(xmlSafeText(organisation))] : []),
          ...(doc.draft
            ? [new TextRun({ children: [new Tab(), DRAFT_HEADER], bold: true, color: "9C0006" })]
            : []),
          new TextRun({ children: [new Tab(), xmlSafeText(report)] }),
        ],
      }),
    ],
  });
}

/** "Sida 3 (12)": Word's PAGE and NUMPAGES fields, ours, never from user text. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["Sida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"],
          }),
        ],
      }),
    ],
  });
}

function section(
  doc: ReportDoc,
  sheet: ReportSheet,
  orientation: Orientation,
  titled: Set<string>
): ISectionOptions {
  const width = textWidth(orientation);
  return {
    properties: {
      page: {
        // docx swaps the sides of a landscape page itself.
        size: {
          width: A4.width,
          height: A4.height,
          orientation:
            orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
        },
        margin: MARGINS,
      },
    },
    headers: { default: pageHeader(doc, width) },
    footers: { default: pageFooter() },
    children: chapterChildren(sheet, width, titled),
  };
}

/** Custom document properties besides the marker (documentMarker.ts adds that). */
export function aboutProperties(doc: ReportDoc): { name: string; value: string }[] {
  const { organisation, period } = doc.about;
  return [
    ...(organisation ? [{ name: "Organisation", value: xmlSafeText(organisation) }] : []),
    ...(period ? [{ name: "Period", value: xmlSafeText(period) }] : []),
  ];
}

/** The document, before packing; `extraProperties` are custom properties to add. */
export function reportDocument(
  doc: ReportDoc,
  extraProperties: readonly { name: string; value: string }[] = []
): Document {
  const titled = new Set<string>();
  const document = new Document({
    title: xmlSafeText(doc.about.title),
    subject: xmlSafeText(doc.about.report),
    creator: "Tertial",
    lastModifiedBy: "Tertial",
    styles: DOCUMENT_STYLES,
    customProperties: [...aboutProperties(doc), ...extraProperties],
    // The nämnd's document: a final report without the ekonom's checks.
    sections: boardSheets(doc).map((sheet) =>
      section(doc, sheet, chapterOrientation(sheet), titled)
    ),
  });
  document.Styles.addChildElement(normalStyle());
  return document;
}
