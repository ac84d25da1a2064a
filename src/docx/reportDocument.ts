/**
 * The ReportDoc as a Word document (the `docx` package; runs in Node and in the browser): its
 * chapters in the delårsrapport's order (`boardChapters`, ../core/report/documentChapters.ts),
 * each portrait unless its tables need landscape; consecutive chapters of one orientation share a
 * section, so a chapter starts a page only where the orientation changes. A chapter's subtitle is
 * a Heading 1, its headings Heading 2 or 3 by their outline level. Tables and grids
 * (reportTables.ts) are written as XML and stand here as slots (tableSlots.ts). Every text from
 * the workbook is a plain text run: no field, no hyperlink.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from "docx";
import type { Block, OutlineLevel, ReportDoc, ReportSheet } from "../core/report/reportDoc";
import type { CellStyle } from "../core/layout/styles";
import { boardChapters, chartTable, textParagraphs } from "../core/report/reportDoc";
import { exhaustive } from "../core/exhaustive";
import { xmlSafeText } from "../core/text/xmlSafe";
import { DOCUMENT_STYLES, normalStyle, STYLE } from "./documentStyles";
import { A4, chapterOrientation, MARGINS, textWidth, type Orientation } from "./pageSetup";
import {
  fitsPage,
  sheetCharacters,
  printedTable,
  tableXml,
  type ColumnsBlock,
  type PrintedTable,
} from "./reportTables";
import type { TableSlots } from "./tableSlots";

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

// ---- Chapters ------------------------------------------------------------------------------------

/**
 * Between two tables: Word joins adjacent tables into one. `keepNext` when the table above keeps
 * with the one below (a risk's details with its åtgärder): the keep must pass through the gap.
 */
const gap = (keepNext = false) => new Paragraph({ style: STYLE.tableText, keepNext, children: [] });

/** `introduces`: a table or grid follows, which the paragraph is printed with. */
function paragraph(block: Extract<Block, { kind: "paragraph" }>, introduces: boolean): Paragraph {
  const keepNext = introduces || block.keepWithNext === true;
  switch (block.style) {
    case "subtitle":
      return heading(block.text, block.level ?? 1);
    case "utkast":
      return new Paragraph({ style: STYLE.banner, children: runs(block.text) });
    case "note":
      return new Paragraph({ style: STYLE.note, keepNext, children: runs(block.text) });
    case "label":
      return new Paragraph({ keepNext, children: runs(block.text, { bold: true }) });
    case undefined:
      return new Paragraph({ keepNext, children: runs(block.text) });
    default:
      return exhaustive(block.style);
  }
}

/** A chapter: its sheet's blocks in order, tables (as slots for their XML) among them. */
interface Chapter {
  readonly sheet: ReportSheet;
  /** Each table and grid as printed, measured once for the orientation and the widths. */
  readonly tables: ReadonlyMap<ColumnsBlock, PrintedTable>;
  readonly orientation: Orientation;
}

/**
 * A note right under a table (its rounding note, "Källa: Kolada", prognossäkerhet) belongs to it: the
 * table keeps its last row with the note, so a page never opens with a table's footnote.
 */
function notesKept(sheet: ReportSheet): ReportSheet {
  const blocks = sheet.blocks.map((block, i) => {
    const next = sheet.blocks[i + 1];
    const noted = next?.kind === "paragraph" && next.style === "note";
    return block.kind === "table" && noted && block.keepWithNext !== true
      ? { ...block, keepWithNext: true as const }
      : block;
  });
  return { ...sheet, blocks };
}

function chapter(own: ReportSheet): Chapter {
  const sheet = notesKept(own);
  const tables = new Map<ColumnsBlock, PrintedTable>();
  for (const block of sheet.blocks) {
    if (block.kind === "table" || block.kind === "grid") tables.set(block, printedTable(block));
  }
  // Portrait unless a table is too wide for it: by the sheet's columns, or by what they hold
  // (a ledger in tkr: figures like "−1 114 200").
  const portrait =
    chapterOrientation(sheet) === "portrait" &&
    [...tables.values()].every((t) => fitsPage(t, textWidth("portrait")));
  return { sheet, tables, orientation: portrait ? "portrait" : "landscape" };
}

function chapterChildren(
  { sheet, tables, orientation }: Chapter,
  titled: Set<string>,
  slots: TableSlots
): FileChild[] {
  const width = textWidth(orientation);
  const characters = sheetCharacters(sheet);
  const children: FileChild[] = [];
  /** Each table's slot, with its block. */
  const slotted = new Map<FileChild, ColumnsBlock>();
  const add = (child: FileChild) => void children.push(child);
  const addTable = (block: ColumnsBlock) => {
    const last = children.at(-1);
    const above = last === undefined ? undefined : slotted.get(last);
    if (above !== undefined) children.push(gap(above.keepWithNext === true));
    const slot = slots.slot(tableXml(tables.get(block)!, characters, width));
    slotted.set(slot, block);
    children.push(slot);
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
      case "grid":
        addTable(block);
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

/** Consecutive chapters of one orientation: one section, since a new section starts a page. */
function byOrientation(chapters: readonly Chapter[]): Chapter[][] {
  const runs: Chapter[][] = [];
  for (const c of chapters) {
    const last = runs.at(-1);
    if (last !== undefined && last[0].orientation === c.orientation) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Which of Tertial's page header and footer a section carries (a kommun's template has its own). */
export interface OwnFrame {
  readonly header: boolean;
  readonly footer: boolean;
}

function section(
  doc: ReportDoc,
  chapters: readonly Chapter[],
  titled: Set<string>,
  slots: TableSlots,
  frame: OwnFrame
): ISectionOptions {
  const { orientation } = chapters[0];
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
    ...(frame.header ? { headers: { default: pageHeader(doc, width) } } : {}),
    ...(frame.footer ? { footers: { default: pageFooter() } } : {}),
    children: chapters.flatMap((c) => chapterChildren(c, titled, slots)),
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

/**
 * The document, before packing, its tables in `slots` (filled in once docx has written the body);
 * `extraProperties` are custom properties to add; `frame` leaves out Tertial's page header or
 * footer where a kommun's template brings its own (templateFrame.ts).
 */
export function reportDocument(
  doc: ReportDoc,
  slots: TableSlots,
  extraProperties: readonly { name: string; value: string }[] = [],
  frame: OwnFrame = { header: true, footer: true }
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
    sections: byOrientation(boardChapters(doc).map(chapter)).map((chapters) =>
      section(doc, chapters, titled, slots, frame)
    ),
  });
  document.Styles.addChildElement(normalStyle());
  return document;
}
