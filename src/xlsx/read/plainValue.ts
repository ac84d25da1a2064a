/** exceljs cell values → the Snapshot's plain values; no exceljs type passes this point. */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/snapshot";

/**
 * Formula cells give their cached result (null when the writer stored none, as openpyxl does);
 * rich text and hyperlinks give their text; Excel errors keep their code (`#REF!`).
 */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  // A hyperlink's text is rich text when the cell was formatted in parts.
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return plainValue(value.result ?? null);
  return null;
}
