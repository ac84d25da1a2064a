/**
 * The few exceljs 4.4 members that `index.d.ts` leaves out, typed in one place (see
 * exceljs-pitfalls.md) instead of casting around the code.
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

/** The model behind an exceljs Table; after reading, `ref` is undefined and the range is `tableRef`. */
export interface TableModel {
  readonly name: string;
  readonly displayName?: string;
  readonly tableRef: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: readonly { readonly name: string; readonly filterButton?: boolean }[];
  readonly style?: { readonly theme?: string; readonly showRowStripes?: boolean };
}

export function tableModels(sheet: ExcelJS.Worksheet): TableModel[] {
  return (sheet.getTables() as unknown as { table: TableModel }[]).map((t) => t.table);
}

type Protection = Readonly<Record<string, unknown>>;

/** Sheet protection as exceljs keeps it; null (built) or undefined (read) when there is none. */
export function sheetProtection(sheet: ExcelJS.Worksheet): Protection | null | undefined {
  return (sheet as unknown as { sheetProtection?: Protection | null }).sheetProtection;
}
