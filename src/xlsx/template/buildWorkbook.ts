/**
 * Builds the template workbook from the template definition: without content the fresh template,
 * with content the same workbook filled (the example workbook, test fixtures, benchmarks).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../core/snapshot";
import type { DataTableKey, RowSpec, WorkbookContent } from "../../core/template/content";
import { SETTINGS, SETTINGS_TABLE, TABLES, type TableDef } from "../../core/template/definition";
import { sheetValidations } from "../exceljsShim";
import { addInstructionsSheet } from "./instructionsSheet";
import { addListsSheet } from "./listsSheet";
import { addTableSheet, columnRange, FIRST_COLUMN, FIRST_DATA_ROW } from "./tableSheet";
import { cellAddress } from "../../core/snapshot";
import { columnValidation, settingValidation, VALIDATED_LAST_ROW } from "./validations";

/** Empty rows ready to fill in a table that has no content. */
export const EMPTY_ROWS = 5;

const DATA_TABLES = TABLES.filter((t) => t !== SETTINGS_TABLE);

function settingRows(settings: NonNullable<WorkbookContent["settings"]>): CellValue[][] {
  return SETTINGS.map((s) => [s.label, s.key in settings ? (settings[s.key] ?? null) : s.initial]);
}

/** Aligns rows given by header text with the table's columns; an unknown header is a bug. */
function tableRows(def: TableDef, specs: readonly RowSpec[] | undefined): CellValue[][] {
  if (!specs || specs.length === 0) {
    return Array.from({ length: EMPTY_ROWS }, () => def.columns.map(() => null));
  }
  const headers = new Set(def.columns.map((c) => c.header));
  return specs.map((spec) => {
    for (const header of Object.keys(spec)) {
      if (!headers.has(header)) {
        throw new Error(`Tabellen ${def.name} har ingen kolumn "${header}".`);
      }
    }
    return def.columns.map((c) => spec[c.header] ?? null);
  });
}

function addSettingsSheet(
  workbook: ExcelJS.Workbook,
  settings: NonNullable<WorkbookContent["settings"]>
): void {
  const { sheet } = addTableSheet(workbook, SETTINGS_TABLE, settingRows(settings));
  const valueColumn = FIRST_COLUMN + SETTINGS_TABLE.columns.findIndex((c) => c.key === "value");
  const validations = sheetValidations(sheet);
  SETTINGS.forEach((setting, i) => {
    validations.add(cellAddress(FIRST_DATA_ROW + i, valueColumn), settingValidation(setting));
  });
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  def: TableDef,
  specs: readonly RowSpec[] | undefined
): void {
  const { sheet, lastRow } = addTableSheet(workbook, def, tableRows(def, specs));
  const validations = sheetValidations(sheet);
  const validatedTo = Math.max(VALIDATED_LAST_ROW, lastRow);
  def.columns.forEach((column, j) => {
    validations.add(columnRange(FIRST_COLUMN + j, validatedTo), columnValidation(column));
  });
}

export function buildWorkbook(content: WorkbookContent = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  // Formulas are written without cached results: have Excel calculate them when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;
  addInstructionsSheet(workbook);
  addSettingsSheet(workbook, content.settings ?? {});
  for (const def of DATA_TABLES) {
    addDataSheet(workbook, def, content.tables?.[def.key as DataTableKey]);
  }
  addListsSheet(workbook);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return workbook;
}
