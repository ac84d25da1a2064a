/**
 * The part of the Excel JavaScript API that the Office.js host uses, as narrow structural types.
 * The real `Excel.RequestContext` satisfies them (officeHost.ts passes it where an XlContext is
 * expected, so the compiler checks that), and so does the recording fake in test/excel/, which
 * lets the host be tested without Excel.
 */

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlWorkbook {
  /** The file name, e.g. `Tertial 2024 T2.xlsx` (ExcelApi 1.7). */
  readonly name: string;
  load(propertyNames: string): void;
  readonly application: XlApplication;
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): void;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlWorksheet {
  readonly name: string;
  readonly isNullObject: boolean;
  load(propertyNames: string): void;
  getRange(address?: string): XlRange;
  /** Several areas at once, e.g. `A1:F1, A14:F14` (ExcelApi 1.9). */
  getRanges(address: string): XlRangeAreas;
  activate(): void;
  delete(): void;
  readonly pageLayout: XlPageLayout;
  /** Manual page breaks; `add("A12")` breaks before row 12 (ExcelApi 1.9). */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
}

export interface XlTableCollection {
  /**
   * The table, or a null object when there is none by that name (Excel ignores case). A null
   * object's `isNullObject` is known after the next sync; what is navigated from it (worksheet,
   * ranges) is null too, and its loads come back empty instead of failing the batch.
   */
  getItemOrNullObject(key: string): XlTable;
}

export interface XlTable {
  readonly name: string;
  readonly isNullObject: boolean;
  load(propertyNames: string): void;
  readonly worksheet: XlWorksheet;
  getHeaderRowRange(): XlRange;
  getDataBodyRange(): XlRange;
}

export type XlBorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

export interface XlRange {
  /** Read: numbers, strings, booleans (errors as their text). Write: what a person would type. */
  values: unknown[][];
  readonly valueTypes: readonly (readonly string[])[];
  numberFormat: unknown[][];
  readonly address: string;
  readonly format: XlRangeFormat;
  load(propertyNames: string): void;
  merge(across?: boolean): void;
  select(): void;
  /** Per-cell properties (here: links) in one call (ExcelApi 1.9). */
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void;
  setColumnProperties(columnPropertiesData: Excel.SettableColumnProperties[]): void;
}

export interface XlRangeAreas {
  readonly format: XlRangeFormat;
}

export interface XlRangeFormat {
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  readonly font: {
    bold: boolean;
    italic: boolean;
    size: number;
    color: string;
    underline: Excel.RangeFont["underline"];
  };
  readonly fill: { color: string };
  readonly borders: {
    getItem(index: XlBorderEdge): {
      style: Excel.RangeBorder["style"];
      weight: Excel.RangeBorder["weight"];
      color: string;
    };
  };
}

export interface XlPageLayout {
  orientation: Excel.PageLayout["orientation"];
  paperSize: Excel.PageLayout["paperSize"];
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Margins in points (ExcelApi 1.9). */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintTitleRows(printTitleRows: string): void;
  readonly headersFooters: {
    readonly defaultForAllPages: {
      leftHeader: string;
      centerHeader: string;
      rightHeader: string;
      leftFooter: string;
      centerFooter: string;
      rightFooter: string;
    };
  };
}

/** Runs a batch against the workbook: `Excel.run` in Excel, the fake in tests. */
export type ExcelRunner = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
