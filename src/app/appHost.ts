/**
 * What the task pane and the ribbon command need from where they run: inside Excel (Office.js,
 * src/excel/) or as a plain web page on an opened .xlsx file (src/browser/, exceljs in the
 * browser). The UI and the workflow call only this.
 */
import type { ReportTarget, WorkbookSource } from "../core/host";
import type { NewPeriodHost } from "./newPeriod";

export interface AppHost extends WorkbookSource, ReportTarget {
  /**
   * The report sheets go into the user's own workbook (Excel), so Kontrollresultat can link to
   * each finding's cell; false where the report is a separate file.
   */
  readonly reportInWorkbook: boolean;
  /** Shows a finding's cell in the workbook; absent where no workbook is on screen. */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** Brings a report sheet to the front; absent where no workbook is on screen. */
  showSheet?(name: string): Promise<void>;
  /** The way forward on a workbook that is not a Tertial workbook: a new one from the template. */
  readonly newWorkbook?: NewWorkbookOffer;
  /**
   * How the pane offers the report as a Word document after Generera rapport; asked then, not
   * when the host is made (Office's platform facts are read only when needed).
   */
  wordDocument?(): WordDocumentOffer;
  /** Ny period: the next period's workbook from this one; absent where not offered (the ribbon). */
  readonly newPeriod?: NewPeriodHost;
  /**
   * Sammanställ inside Excel: opens the consolidated workbook that `bytes` makes (called only
   * once Excel is known to be able to open it) as a new workbook; the open one is never changed.
   * Absent in browser mode, which downloads the workbook instead.
   */
  readonly openConsolidated?: (bytes: () => Promise<Uint8Array>) => Promise<void>;
}

/**
 * Where the pane can save a file (a plain browser, Excel on the web) it downloads the Word
 * document; where it cannot (Excel on Windows and Mac: their add-in window has no downloads), it
 * says where to get it instead and may open Tertial in the user's web browser.
 */
export type WordDocumentOffer =
  | { readonly kind: "download" }
  | {
      readonly kind: "elsewhere";
      /** Why there is no download here, and what to do instead. */
      readonly explanation: string;
      /** Opens Tertial's page in the web browser, where available. */
      readonly openBrowser?: { readonly label: string; open(): void };
    };

/** Each host words and does this its own way: Excel opens a workbook, the browser downloads one. */
export interface NewWorkbookOffer {
  /** The button: `Skapa tertialarbetsbok`, `Ladda ner tom mall`. */
  readonly label: string;
  /** What the button does and what to do next. */
  readonly explanation: string;
  /** Said once it is done. */
  readonly done: string;
  create(): Promise<void>;
}

/** A failure the host has already put into words for the user: Swedish, saying what to do. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostError";
  }
}
