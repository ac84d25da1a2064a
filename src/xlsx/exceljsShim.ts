/**
 * Typed access to the exceljs 4.4 members that exist at run time but are missing from, or wrong in,
 * its index.d.ts. Every such use goes through here instead of `as any` around the code.
 */
import type ExcelJS from "exceljs";

/** A table as exceljs keeps it (`table.model`); after reading a file `table.ref` is undefined. */
export interface TableModel {
  readonly name: string;
  readonly displayName?: string;
  /** The whole range, header and totals rows included, e.g. `A3:H11`. */
  readonly tableRef?: string;
  /** The table ends with a totals row. */
  readonly totalsRow?: boolean;
}

/** The tables of a sheet; the d.ts types `getTables()` as pairs, but it returns the tables. */
export function worksheetTables(worksheet: ExcelJS.Worksheet): ExcelJS.Table[] {
  return worksheet.getTables() as unknown as ExcelJS.Table[];
}

export function tableModel(table: ExcelJS.Table): TableModel {
  return (table as unknown as { model: TableModel }).model;
}

/** The data validations exceljs read for a sheet, by address (it expands every range to cells). */
export function loadedDataValidations(
  worksheet: ExcelJS.Worksheet
): Readonly<Record<string, ExcelJS.DataValidation | undefined>> {
  return (
    worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
  ).dataValidations.model;
}

/**
 * Loads a workbook from bytes. The d.ts asks for an ArrayBuffer, but exceljs hands the data to
 * JSZip, which reads a Uint8Array (and a Node Buffer) as well.
 */
export function loadXlsx(
  workbook: ExcelJS.Workbook,
  data: Uint8Array,
  options: Partial<ExcelJS.XlsxReadOptions>
): Promise<ExcelJS.Workbook> {
  return workbook.xlsx.load(data as unknown as ArrayBuffer, options);
}
