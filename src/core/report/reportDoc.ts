/**
 * ReportDoc: what the report says, host- and format-independent. The core builds it from
 * Model + Rollup + Findings (buildReportDoc.ts). `reportSheets` (../layout/layout.ts) lays it out
 * into SheetGrids, which the worksheet hosts (exceljs, Office.js) render as they are, so every
 * host gives the same report cell for cell; `plainText.ts` prints it without any worksheet.
 *
 * Content only: the words, the figures with what they mean, and each table's own columns. No
 * Excel number format, no merged span, no shared column grid: the layout decides those for a
 * worksheet, and a document renderer (Word) maps the same blocks to its own tables.
 */

export interface ReportDoc {
  readonly sheets: readonly ReportSheet[];
  /**
   * The same content as a document's chapters, in the delårsrapport's order (documentChapters.ts):
   * what the Word report renders. Each chapter is a ReportSheet named by its Heading 1 text, its
   * first block that heading (a `subtitle`). Absent in a ReportDoc built by hand: one chapter
   * per sheet.
   */
  readonly chapters?: readonly ReportSheet[];
  /**
   * Set when the workbook has `fel`: the report is a draft, and every sheet says so at the top
   * (an UTKAST banner, "Utkast" in the title). Null for a workbook without fel.
   */
  readonly draft: { readonly felCount: number } | null;
  /** What the report is, for a document's properties and page header (a worksheet has none). */
  readonly about: ReportAbout;
}

export interface ReportAbout {
  /** The full title, as every sheet's title block has it (with "Utkast: " on a draft). */
  readonly title: string;
  /** The nämnd or förvaltning (Inställningar, Organisation); null when not filled in. */
  readonly organisation: string | null;
  /** The report without the organisation: "Delårsrapport augusti 2024". */
  readonly report: string;
  /** The period as the workbook names it: "T2 2024"; null when neither is filled in. */
  readonly period: string | null;
}

export interface ReportSheet {
  /**
   * Starts with `Rapport` (or is `Kontrollresultat`): the product writes no other sheets. A
   * document chapter (`ReportDoc.chapters`) is named by its heading instead.
   */
  readonly name: string;
  /**
   * The ekonom's working sheet (Kontrollresultat), not the nämnd's: a final report's document
   * leaves it out (`boardSheets`), the xlsx report keeps it unprinted.
   */
  readonly working?: true;
  readonly orientation: "portrait" | "landscape";
  /**
   * The text width in characters: what titles and paragraphs span, and the unit of the tables'
   * column widths. A table may be narrower; a wider one widens the sheet.
   */
  readonly width: number;
  readonly blocks: readonly Block[];
}

/**
 * A sheet's content apart from what frames it (the draft banner, the title, its subtitle), so that
 * the sheet and the document's chapters (documentChapters.ts) are made of the same blocks.
 */
export interface SheetParts {
  /** What the document's Sammanfattning says of it. */
  readonly summary: readonly Block[];
  readonly body: readonly Block[];
  readonly orientation: ReportSheet["orientation"];
  readonly width: number;
}

/** What a value is; the renderer shows it (Excel: a number format; text: Swedish digits). */
export type ValueFormat =
  /** Money in the report's unit, one decimal (mnkr): `1 092,4`, `−51,4`. */
  | "amount"
  /** Money in whole units (tkr, kr): `1 092 400`, `−51 400`. */
  | "wholeAmount"
  /** A whole number: a volume, a count. */
  | "integer"
  /** A fraction shown as percent: −0.087 → `−8,7 %`. */
  | "share"
  | "text";

/** A status as a marker shows it ("► Pågående"): coloured, with a shape that reads in print. */
export type StatusTone =
  | "utan-avvikelse"
  | "mindre-avvikelse"
  | "stor-avvikelse"
  | "ej-genomford"
  | "saknas"
  | "ej-paborjad"
  | "pagaende"
  | "avslutad"
  | "avbruten";

/** A risk matrix cell's band, by riskvärde. */
export type RiskLevel = "low" | "medium" | "high" | "critical";

/** How a cell stands out from its row. */
export type Emphasis =
  /** A deviation below budget: coloured besides its minus sign. */
  | "negative"
  /** The label of a detail row (bold). */
  | "label"
  /** An axis label of the risk matrix. */
  | "axis"
  /** What changed since the last period: a new risk, another riskvärde. */
  | "change"
  | `status.${StatusTone}`
  | `finding.${"fel" | "varning"}`
  | `risk.${RiskLevel}`;

export interface Cell {
  readonly value: string | number | null;
  /** What the value is; by default its column's format. */
  readonly format?: ValueFormat;
  readonly emphasis?: Emphasis;
  /** Jump target inside the workbook (Kontrollresultat → the finding's cell). */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/**
 * Width in the sheet's characters (see ReportSheet.width); `rest` takes what the sheet's width
 * leaves after the other columns (a comment column that ends where the widest table ends).
 */
export type ColumnWidth = number | "rest";

export interface Column {
  readonly header: string;
  readonly width: ColumnWidth;
  /** Default `text`; it also aligns the column (see columnAlign). */
  readonly format?: ValueFormat;
}

/** Figures align right, header and all, so their digits line up; text aligns left. */
export function columnAlign(column: Column): "left" | "right" {
  return (column.format ?? "text") === "text" ? "left" : "right";
}

export type TableRow =
  /** A line, or the sum below lines (bold, a rule above). */
  | { readonly kind: "line" | "sum"; readonly cells: readonly Cell[] }
  /** A group's name across the table (a verksamhetsområde, a process) above its lines. */
  | { readonly kind: "group"; readonly text: string };

/** Titles and headings have their own blocks; a paragraph may be a subtitle, a note, bold, or the draft banner. */
export type ParagraphStyle = "subtitle" | "note" | "label" | "utkast";

/**
 * A heading's level in a document's outline (Word's Rubrik 1–3, its navigation pane and table of
 * contents). A worksheet shows headings by their style alone and ignores it.
 */
export type OutlineLevel = 1 | 2 | 3;

export type Block =
  | { readonly kind: "title"; readonly text: string }
  /** `level` defaults to 2: a section of a sheet, under the sheet's subtitle. */
  | {
      readonly kind: "heading";
      readonly text: string;
      readonly level?: OutlineLevel;
      /** The ekonom's check (the Avstämning), in the template's words: see `boardSheets`. */
      readonly working?: true;
    }
  | {
      readonly kind: "paragraph";
      readonly text: string;
      readonly working?: true;
      readonly style?: ParagraphStyle;
      /** For a `subtitle`, which is a heading too: default 1, the sheet's chapter. */
      readonly level?: OutlineLevel;
      /** See the grid's `keepWithNext`. */
      readonly keepWithNext?: true;
    }
  | TableBlock
  | {
      /** Rows without a header, kept on one page: a risk's details, the risk matrix. */
      readonly kind: "grid";
      readonly columns: readonly { readonly width: ColumnWidth }[];
      readonly rows: readonly (readonly Cell[])[];
      /** Points; e.g. to make the risk matrix's cells square-ish. */
      readonly minRowHeight?: number;
      /**
       * A document prints it on the page of the block after it, where one page holds both: a
       * mål's heading, Målnivå and Bedömning, analys and indicator table read as one. A worksheet
       * ignores it.
       */
      readonly keepWithNext?: true;
    }
  | { readonly kind: "spacer" }
  | TextBlock
  | ChartBlock;

export interface TableBlock {
  readonly kind: "table";
  /** Names the table for a chart that shows its data (ChartBlock.table); unique in its sheet. */
  readonly id?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly TableRow[];
  /**
   * Repeat the header at the top of every page after it: for a sheet's one long table, its
   * last block (a worksheet has one print title; any other table that continues on a new
   * page gets a copy of its header there, see ../layout/layout.ts).
   */
  readonly repeatHeader?: boolean;
  /**
   * A document prints its last row on the page of the block after it: a note about the table
   * ("Källa: Kolada") never opens a page away from it. A worksheet ignores it.
   */
  readonly keepWithNext?: true;
}

/**
 * A free-text chapter: a heading and the text a user wrote (a delårsrapport's "Väsentliga
 * händelser"), plain text, each line a paragraph (`textParagraphs`).
 */
export interface TextBlock {
  readonly kind: "text";
  readonly heading: string;
  /** Default 2, as a heading's. */
  readonly level?: OutlineLevel;
  readonly text: string;
}

/** The text's paragraphs: its lines, trimmed, blank ones left out (an empty line between two). */
export function textParagraphs(block: TextBlock): string[] {
  return block.text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * A chart of a table's figures, which stay in the table (no chart holds data of its own): one
 * category per line row (not sums, not groups), named by the `categories` column, and one series
 * per `series` column, named by its header. Columns are indices into the table's columns.
 */
export interface ChartBlock {
  readonly kind: "chart";
  readonly title: string;
  readonly chartType: "bar";
  /** The `id` of a table in the same sheet. */
  readonly table: string;
  readonly categories: number;
  readonly series: readonly number[];
}

/**
 * The table a chart draws, its reference checked: the one table of the same sheet with that id,
 * a text column of categories and figure columns as series. A dangling reference is a bug in the
 * report's builder, so every renderer throws on it, whether it draws the chart or not.
 */
export function chartTable(sheet: ReportSheet, chart: ChartBlock): TableBlock {
  const tables = sheet.blocks.filter(
    (b): b is TableBlock => b.kind === "table" && b.id === chart.table
  );
  const problem = chartProblem(tables, chart);
  if (problem) {
    throw new Error(
      `The chart "${chart.title}" on ${sheet.name} ${problem} (table "${chart.table}")`
    );
  }
  return tables[0];
}

function chartProblem(tables: readonly TableBlock[], chart: ChartBlock): string | null {
  if (tables.length !== 1) return `refers to ${tables.length} tables of its sheet, not one`;
  const { columns } = tables[0];
  const formatOf = (c: number) => (columns[c] ? (columns[c].format ?? "text") : undefined);
  if (formatOf(chart.categories) !== "text") return "has no text column for its categories";
  const figures = chart.series.every((c) => formatOf(c) !== undefined && formatOf(c) !== "text");
  if (chart.series.length === 0 || !figures) return "has a series that is not a figure column";
  return null;
}

/**
 * What the nämnd's document holds. A final report leaves out the ekonom's checks, written in the
 * template's column names (the `working` sheet Kontrollresultat and `working` blocks such as the
 * Avstämning); a draft keeps them, for its fel are what the ekonom must fix before it is final.
 */
export function boardSheets(doc: ReportDoc): readonly ReportSheet[] {
  return forBoard(doc, doc.sheets);
}

/** The document's chapters (`doc.chapters`, else one per sheet) as the nämnd reads them: see boardSheets. */
export function boardChapters(doc: ReportDoc): readonly ReportSheet[] {
  return forBoard(doc, doc.chapters ?? doc.sheets);
}

function forBoard(doc: ReportDoc, sheets: readonly ReportSheet[]): readonly ReportSheet[] {
  if (doc.draft) return sheets;
  return sheets
    .filter((sheet) => !sheet.working)
    .map((sheet) => {
      const kept = sheet.blocks.filter(
        (b) => !((b.kind === "heading" || b.kind === "paragraph") && b.working)
      );
      // A left-out part leaves its spacer beside another: one gap, as between any two parts.
      const blocks = kept.filter(
        (b, i) => !(b.kind === "spacer" && kept[i - 1]?.kind === "spacer")
      );
      return { ...sheet, blocks };
    });
}
