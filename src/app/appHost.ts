/**
 * What the task pane and the ribbon command need from where they run: inside Excel (Office.js,
 * src/excel/) or as a plain web page on an opened .xlsx file (src/browser/, exceljs in the
 * browser). The UI and the workflow call only this.
 */
import type { ReportTarget, WorkbookSource } from "../core/host";
import type { Operations } from "./operation";

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
   * The workbook operations (Ny period, Sammanställ, Ladda ned som Word): the host's engine and
   * its one `deliver`. Absent where none is offered (the ribbon command). A new operation adds
   * nothing here (src/app/CONTEXT.md, "add a workbook operation").
   */
  readonly operations?: Operations;
}

/** Each host words and does this its own way: Excel opens a workbook, the browser downloads one. */
export interface NewWorkbookOffer {
  /** The button: `Skapa tertialarbetsbok`, `Ladda ned tom mall`. */
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
