/**
 * Builds a template workbook from a template definition: with empty content the fresh template
 * (`tertial mall`), with content the same workbook filled (the example workbook, test fixtures,
 * benchmarks, and a Model's own content through `contentOf`).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../core/snapshot";
import type { RowSpec, WorkbookContent } from "../../core/template/content";
import type { TableDef, TemplateDefinition } from "../../core/template/definition";
import { sheetValidations } from "../exceljsShim";
import { addInstructionsSheet } from "./instructionsSheet";
import { addListsSheet } from "./listsSheet";
import { addTableSheet, columnRange, FIRST_COLUMN, FIRST_DATA_ROW } from "./tableSheet";
import { cellAddress } from "../../core/snapshot";
import { columnValidation, settingValidation, VALIDATED_LAST_ROW } from "./validations";

/** The definition each built workbook was built from: completing its package needs it again. */
const BUILT_FROM = new WeakMap<ExcelJS.Workbook, TemplateDefinition>();

export function definitionOf(workbook: ExcelJS.Workbook): TemplateDefinition {
  const template = BUILT_FROM.get(workbook);
  if (!template) throw new Error("Arbetsboken är inte byggd med buildWorkbook.");
  return template;
}

/** Empty rows ready to fill in a table that has no content. */
export const EMPTY_ROWS = 5;

function settingRows(
  template: TemplateDefinition,
  settings: NonNullable<WorkbookContent["settings"]>
): CellValue[][] {
  return template.settingRows.map((s) => [
    s.label,
    s.key in settings ? (settings[s.key] ?? null) : s.initial,
  ]);
}

/**
 * Aligns rows given by column key with the table's columns; an unknown key is a bug. A table the
 * content does not mention gets the rows the template ships with (`initialRows`), if any.
 */
function tableRows(def: TableDef, given: readonly RowSpec[] | undefined): CellValue[][] {
  const specs = given ?? def.initialRows;
  if (!specs || specs.length === 0) {
    return Array.from({ length: EMPTY_ROWS }, () => def.columns.map(() => null));
  }
  const keys = new Set(def.columns.map((c) => c.key));
  return specs.map((spec) => {
    for (const key of Object.keys(spec)) {
      if (!keys.has(key)) throw new Error(`Tabellen ${def.name} har ingen kolumn "${key}".`);
    }
    return def.columns.map((c) => spec[c.key] ?? null);
  });
}

function addSettingsSheet(
  workbook: ExcelJS.Workbook,
  template: TemplateDefinition,
  settings: NonNullable<WorkbookContent["settings"]>
): void {
  const def = template.tables.settings;
  const { sheet } = addTableSheet(workbook, def, settingRows(template, settings));
  const valueColumn = FIRST_COLUMN + def.columns.findIndex((c) => c.key === "value");
  const validations = sheetValidations(sheet);
  template.settingRows.forEach((setting, i) => {
    validations.add(cellAddress(FIRST_DATA_ROW + i, valueColumn), settingValidation(setting));
  });
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  template: TemplateDefinition,
  def: TableDef,
  specs: readonly RowSpec[] | undefined
): void {
  const { sheet, firstColumn, lastRow } = addTableSheet(workbook, def, tableRows(def, specs));
  const validations = sheetValidations(sheet);
  const validatedTo = Math.max(VALIDATED_LAST_ROW, lastRow);
  def.columns.forEach((column, j) => {
    validations.add(columnRange(firstColumn + j, validatedTo), columnValidation(template, column));
  });
  // Historik: no password, like Listor; it guards against slips. exceljs sets the protection
  // synchronously inside the returned promise's executor, so there is nothing to wait for.
  if (def.writtenByTertial) void sheet.protect("", {});
}

export function buildWorkbook(
  template: TemplateDefinition,
  content: WorkbookContent = {}
): ExcelJS.Workbook {
  if (content.version !== undefined && content.version !== template.version) {
    throw new Error(
      `Innehållet är läst enligt mallversion ${content.version}, inte ${template.version}.`
    );
  }
  const tables: Partial<Record<string, readonly RowSpec[]>> = content.tables ?? {};
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  // Formulas are written without cached results: have Excel calculate them when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;
  addInstructionsSheet(workbook, template);
  addSettingsSheet(workbook, template, content.settings ?? {});
  for (const def of template.tableList) {
    if (def.key !== "settings") addDataSheet(workbook, template, def, tables[def.key]);
  }
  addListsSheet(workbook, template);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  BUILT_FROM.set(workbook, template);
  return workbook;
}
