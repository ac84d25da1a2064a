/**
 * Data validations of the template: a dropdown fed from `Listor` for every status column, one fed
 * from another table for lookup columns (Risk-ID), whole numbers and dates where the definition
 * says so, and the column's help text as the input message everywhere. Excel limits: input
 * message 255 characters, error message 225, titles 32.
 */
import {
  lookupTable,
  type ColumnDef,
  type ColumnLookup,
  type SettingDef,
  type TemplateDefinition,
} from "../../core/template/definition";
import { LISTS, type ListName } from "../../core/template/lists";
import type { SheetValidation } from "../exceljsShim";
import { listRange } from "./listsSheet";

/** Validations reach this row (or the last filled row, if further): bounded, never whole columns. */
export const VALIDATED_LAST_ROW = 2000;

const FIRST_DATE = new Date(Date.UTC(2000, 0, 1));
const LAST_DATE = new Date(Date.UTC(2099, 11, 31));

const input = (help: string) => ({ showInputMessage: true, prompt: help });

function rejecting(errorTitle: string, error: string) {
  return {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle,
    error,
  } as const;
}

function listValidation(list: ListName, help: string): SheetValidation {
  const values: readonly string[] = LISTS[list];
  return {
    type: "list",
    formulae: [listRange(list)],
    ...input(help),
    ...rejecting(
      "Värdet finns inte i listan",
      `Välj ett av värdena i listan: ${values.join(", ")}.`
    ),
  };
}

/**
 * A dropdown of another table's column, through the defined name `completePackage` adds: it grows
 * with that table in Excel and reads the same in LibreOffice. Blank stays allowed: whether the
 * column must be filled is Tertial's check, not the dropdown's.
 */
function lookupValidation(
  template: TemplateDefinition,
  lookup: ColumnLookup,
  help: string
): SheetValidation {
  return {
    type: "list",
    formulae: [lookup.name],
    ...input(help),
    ...rejecting(
      "Värdet finns inte i listan",
      `Välj ett ${lookup.header} som finns på bladet ${lookupTable(template, lookup).sheet}.`
    ),
  };
}

function wholeValidation(help: string, min?: number, max?: number): SheetValidation {
  if (min !== undefined && max !== undefined) {
    return {
      type: "whole",
      operator: "between",
      formulae: [min, max],
      ...input(help),
      ...rejecting("Ogiltigt tal", `Ange ett heltal från ${min} till ${max}.`),
    };
  }
  return {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [min ?? 0],
    ...input(help),
    ...rejecting("Ogiltigt tal", "Ange ett heltal, t.ex. 2024."),
  };
}

function dateValidation(help: string): SheetValidation {
  return {
    type: "date",
    operator: "between",
    formulae: [FIRST_DATE, LAST_DATE],
    ...input(help),
    ...rejecting("Ogiltigt datum", "Ange ett datum som åååå-mm-dd, t.ex. 2024-08-31."),
  };
}

function decimalValidation(help: string): SheetValidation {
  return {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    ...input(help),
    ...rejecting("Ogiltigt tal", "Ange ett tal som är 0 eller större, t.ex. 1,5."),
  };
}

export function columnValidation(template: TemplateDefinition, column: ColumnDef): SheetValidation {
  if (column.kind === "status" && column.list) return listValidation(column.list, column.help);
  if (column.lookup) return lookupValidation(template, column.lookup, column.help);
  if (column.kind === "integer") return wholeValidation(column.help, column.min, column.max);
  if (column.kind === "date") return dateValidation(column.help);
  return { type: "any", ...input(column.help) };
}

export function settingValidation(setting: SettingDef): SheetValidation {
  switch (setting.kind) {
    case "status":
      return setting.list
        ? listValidation(setting.list, setting.help)
        : { type: "any", ...input(setting.help) };
    case "integer":
      return wholeValidation(setting.help);
    case "number":
      return decimalValidation(setting.help);
    case "date":
      return dateValidation(setting.help);
    case "text":
      return { type: "any", ...input(setting.help) };
  }
}
