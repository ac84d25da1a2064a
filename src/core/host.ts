/**
 * What a host (exceljs in Node or the browser, Office.js in Excel) provides to the core. Each host
 * implements these in its own folder; the core and the UI only see these contracts.
 */
import type { Snapshot } from "./snapshot";
import type { SheetGrid } from "./report/reportDoc";

export interface WorkbookSource {
  /** Reads every template table into a Snapshot; throws an UnusableWorkbookError it cannot. */
  readSnapshot(): Promise<Snapshot>;
}

export interface ReportTarget {
  /** Writes the report sheets, replacing the product's own earlier output and nothing else. */
  writeReport(sheets: readonly SheetGrid[]): Promise<void>;
}

export interface CellNavigator {
  /** Shows the user a cell of the workbook (selects it in Excel). */
  select(sheet: string, cell: string): Promise<void>;
}
