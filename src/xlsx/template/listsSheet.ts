/**
 * The hidden, protected `Listor` sheet: one column per list of allowed values, header in row 1.
 * Every dropdown in the template points at a bounded range here.
 */
import type ExcelJS from "exceljs";
import { cellAddress, columnLetters } from "../../core/snapshot";
import { LISTS_SHEET, type TemplateDefinition } from "../../core/template/definition";
import { LIST_HEADERS, LISTS, type ListName } from "../../core/template/lists";
import { HEADER_FONT } from "./styles";

/** Lists in column order: the order of LISTS. */
export const LIST_ORDER = Object.keys(LISTS) as ListName[];

/** The absolute range holding one list's values, e.g. `Listor!$F$2:$F$5` (no leading `=`). */
export function listRange(list: ListName): string {
  const column = columnLetters(LIST_ORDER.indexOf(list) + 1);
  return `${LISTS_SHEET}!$${column}$2:$${column}$${LISTS[list].length + 1}`;
}

/** The lists a template's dropdowns use (a version-1 template has no Ja/Nej list, for one). */
function listsOf(template: TemplateDefinition): Set<ListName> {
  return new Set(
    [
      ...template.tableList.flatMap((t) => t.columns.map((c) => c.list)),
      ...template.settingRows.map((s) => s.list),
    ].filter((list): list is ListName => list !== undefined)
  );
}

export function addListsSheet(workbook: ExcelJS.Workbook, template: TemplateDefinition): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const used = listsOf(template);
  // Each list keeps its column (listRange) whichever lists a version uses.
  LIST_ORDER.forEach((list, index) => {
    if (!used.has(list)) return;
    const column = index + 1;
    const values: readonly string[] = LISTS[list];
    sheet.getColumn(column).width =
      Math.max(LIST_HEADERS[list].length, ...values.map((v) => v.length)) + 2;
    const header = sheet.getCell(cellAddress(1, column));
    header.value = LIST_HEADERS[list];
    header.font = HEADER_FONT;
    values.forEach((value, i) => {
      sheet.getCell(cellAddress(i + 2, column)).value = value;
    });
  });
  // No password: the protection guards against slips, not against anyone. exceljs sets it
  // synchronously inside the returned promise's executor, so there is nothing to wait for.
  void sheet.protect("", {});
}
