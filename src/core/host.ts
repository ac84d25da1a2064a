/**
 * What a host (exceljs in Node or the browser, Office.js in Excel) provides to the core. Each host
 * implements these in its own folder; the core and the UI only see these contracts.
 */
import type { Snapshot } from "./snapshot";
import type { ReportDoc } from "./report/reportDoc";

export interface WorkbookSource {
  /** Reads every template table into a Snapshot; throws an UnusableWorkbookError it cannot. */
  readSnapshot(): Promise<Snapshot>;
}

export interface ReportTarget {
  /**
   * Writes the report, replacing the product's own earlier output and nothing else. A worksheet
   * host lays it out with `reportSheets(doc)` and writes the grids as they are.
   */
  writeReport(doc: ReportDoc): Promise<void>;
}

export interface CellNavigator {
  /** Shows the user a cell of the workbook (selects it in Excel). */
  select(sheet: string, cell: string): Promise<void>;
}
