/**
 * ReportDoc: a host-independent description of the report sheets. The core builds it from
 * Model + Rollup + Findings and lays it out into SheetGrids; hosts (exceljs, Office.js) only
 * render grids, so every host gives the same report cell for cell.
 */

/** Named styles; hosts map them to fonts, fills and borders through STYLES. */
export type StyleName =
  | "title"
  | "subtitle"
  | "heading"
  | "paragraph"
  | "note"
  | "table.header"
  | "table.header.number"
  | "table.text"
  | "table.number"
  | "table.number.negative"
  | "table.group"
  | "table.sum.text"
  | "table.sum.number"
  | "table.sum.number.negative"
  | "label"
  | "status.utan-avvikelse"
  | "status.mindre-avvikelse"
  | "status.stor-avvikelse"
  | "status.ej-genomford"
  | "status.saknas"
  | "status.ej-paborjad"
  | "status.pagaende"
  | "status.avslutad"
  | "status.avbruten"
  | "matrix.axis"
  | "matrix.low"
  | "matrix.medium"
  | "matrix.high"
  | "matrix.critical"
  | "finding.fel"
  | "finding.varning"
  | "link"
  | "utkast";

export interface CellStyle {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size?: number;
    readonly color?: string;
    readonly underline?: boolean;
  };
  /** Solid fill, `RRGGBB`. */
  readonly fill?: string;
  readonly border?: {
    readonly top?: boolean;
    readonly bottom?: boolean;
    readonly left?: boolean;
    readonly right?: boolean;
    readonly doubleBottom?: boolean;
  };
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle";
  readonly wrap?: boolean;
}

export interface ReportDoc {
  readonly sheets: readonly ReportSheet[];
  /**
   * Set when the workbook has `fel`: the report is a draft, and every sheet says so at the top
   * (an UTKAST banner, "Utkast" in the title). Null for a workbook without fel.
   */
  readonly draft: { readonly felCount: number } | null;
}

export interface ReportSheet {
  /** Starts with `Rapport` (or is `Kontrollresultat`): the product writes no other sheets. */
  readonly name: string;
  readonly orientation: "portrait" | "landscape";
  /** Column widths in characters. */
  readonly columnWidths: readonly number[];
  readonly blocks: readonly Block[];
}

export interface TextCell {
  readonly value: string | number | null;
  readonly style?: StyleName;
  readonly numFmt?: string;
  /** Jump target inside the workbook (Kontrollresultat → the finding's cell). */
  readonly link?: { readonly sheet: string; readonly cell: string };
  /** Span this many columns (merged). */
  readonly span?: number;
}

export type Block =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly style?: StyleName }
  | {
      readonly kind: "table";
      readonly header: readonly TextCell[];
      readonly rows: readonly (readonly TextCell[])[];
      /**
       * Make the header row the sheet's print title, repeated by the host at the top of every
       * page after it: for a sheet's one long table, its last block. Any other table that
       * continues on a new page gets a copy of its header there (see layout.ts).
       */
      readonly repeatHeader?: boolean;
    }
  | {
      readonly kind: "grid";
      readonly rows: readonly (readonly TextCell[])[];
      /** Points; e.g. to make the risk matrix's cells square-ish. */
      readonly minRowHeight?: number;
    }
  | { readonly kind: "spacer" };

// ---- What hosts render ----------------------------------------------------------------------

export interface GridCell {
  readonly value: string | number | null;
  readonly style: StyleName;
  readonly numFmt?: string;
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface Merge {
  /** 1-based. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Page margins in inches, as Excel's Page Setup has them; the footer sits in the bottom margin. */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paperSize: "A4";
  /**
   * Print scale in percent: the columns fit one page wide at it. A fixed scale rather than
   * "fit to width", so that every host prints the pages the layout computed and keeps its manual
   * page breaks.
   */
  readonly scale: number;
  /** The layout computed its page breaks with these: hosts must set them as given. */
  readonly margins: PageMargins;
  /** Rows repeated at the top of every printed page (a table's header), 1-based inclusive. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /**
   * Manual page breaks: each listed row starts a new printed page (1-based, ascending). The
   * layout places one at every page end it computes, so a heading or a table header never ends
   * a page even when the host's own page estimate differs a little.
   */
  readonly breaksBefore: readonly number[];
  /** Excel header/footer codes, e.g. `&CSida &P (&N)`. */
  readonly footer: string;
}

export interface SheetGrid {
  readonly name: string;
  readonly columnWidths: readonly number[];
  /**
   * Dense rows from row 1; `null` is an empty, unstyled cell. The cells a merge covers hold
   * `{ value: null }` with the merge's style, so borders and fills span the merged range.
   */
  readonly rows: readonly (readonly (GridCell | null)[])[];
  /** Row heights in points; undefined lets the host decide. */
  readonly rowHeights: readonly (number | undefined)[];
  readonly merges: readonly Merge[];
  readonly print: PrintSetup;
  /** The font of every cell; a style's font size overrides `size`. */
  readonly font?: { readonly name: string; readonly size: number };
}
