/**
 * Typed access to the exceljs 4.4 members that exist at run time but are missing from, or wrong in,
 * its index.d.ts (see exceljs-pitfalls.md). Every such use goes through here instead of `as any`
 * around the code.
 */
import type ExcelJS from "exceljs";

/** A data validation as exceljs reads and writes it; `any` carries only an input message. */
export interface SheetValidation {
  readonly type: ExcelJS.DataValidation["type"] | "any";
  readonly formulae?: readonly (string | number | Date)[];
  readonly operator?: ExcelJS.DataValidationOperator;
  readonly allowBlank?: boolean;
  readonly showInputMessage?: boolean;
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly showErrorMessage?: boolean;
  readonly errorStyle?: "stop" | "warning" | "information";
  readonly errorTitle?: string;
  readonly error?: string;
}

interface SheetValidations {
  /** `range` is one cell or a bounded range (`C4:C2000`); whole columns throw in exceljs. */
  add(range: string, validation: SheetValidation): void;
  /** After reading, one entry per cell address: exceljs expands every range. */
  readonly model: Readonly<Record<string, SheetValidation | undefined>>;
}

export function sheetValidations(sheet: ExcelJS.Worksheet): SheetValidations {
  return (sheet as unknown as { dataValidations: SheetValidations }).dataValidations;
}

/** A table as exceljs keeps it (`table.model`); after reading a file `table.ref` is undefined. */
export interface TableModel {
  readonly name: string;
  readonly displayName?: string;
  /** The whole range, header and totals rows included, e.g. `A3:H11`. */
  readonly tableRef: string;
  readonly headerRow?: boolean;
  /** The table ends with a totals row. */
  readonly totalsRow?: boolean;
  readonly columns: readonly { readonly name: string; readonly filterButton?: boolean }[];
  readonly style?: { readonly theme?: string; readonly showRowStripes?: boolean };
}

/** The tables of a sheet; the d.ts types `getTables()` as pairs, but it returns the tables. */
export function worksheetTables(worksheet: ExcelJS.Worksheet): ExcelJS.Table[] {
  return worksheet.getTables() as unknown as ExcelJS.Table[];
}

export function tableModel(table: ExcelJS.Table): TableModel {
  return (table as unknown as { model: TableModel }).model;
}

export function tableModels(sheet: ExcelJS.Worksheet): TableModel[] {
  return worksheetTables(sheet).map(tableModel);
}

type Protection = Readonly<Record<string, unknown>>;

/** Sheet protection as exceljs keeps it; null (built) or undefined (read) when there is none. */
export function sheetProtection(sheet: ExcelJS.Worksheet): Protection | null | undefined {
  return (sheet as unknown as { sheetProtection?: Protection | null }).sheetProtection;
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
