/**
 * SheetGrid: a report sheet laid out for a worksheet host (layout.ts makes it from a ReportSheet).
 * Every cell, merge, row height and print setting is decided here, so the exceljs and Office.js
 * hosts write the same sheet cell for cell and decide nothing (CONTEXT.md: what a host must do
 * with it).
 */
import type { StyleName } from "./styles";

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
  /** The page header, same codes: a draft's UTKAST on every printed page; none on a final report. */
  readonly header?: string;
}

export interface SheetGrid {
  readonly name: string;
  /**
   * The ekonom's working sheet of a final report (Kontrollresultat): not the nämnd's to print.
   * A report file hides it; the add-in keeps it visible in the ekonom's own workbook.
   */
  readonly working?: true;
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
