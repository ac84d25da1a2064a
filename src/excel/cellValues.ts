/** Converting between Office.js range values and the core's plain values. */
import type { CellValue } from "../core/snapshot";
import type { GridCell } from "../core/layout/sheetGrid";

/**
 * One cell as Office.js reads it (`values` + `valueTypes`) → a Snapshot value. Dates arrive as
 * serial numbers, which the core's parser reads in date columns; errors arrive as their text.
 */
export function toSnapshotValue(value: unknown, valueType: string): CellValue {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    default:
      if (typeof value === "number" || typeof value === "boolean") return value;
      if (typeof value === "string") return value.length > 0 ? value : null;
      return null;
  }
}

/**
 * A report cell → what to assign to `range.values`. Excel reads assigned values like typed input,
 * so a string such as `=SUMMA`, `-2 %`, `2024-08-31` or `SANT` would become a formula, number,
 * date or boolean. A leading apostrophe makes Excel store the rest as text, exactly as typed.
 */
export function toExcelInput(value: GridCell["value"] | undefined): string | number {
  if (value === null || value === undefined || value === "") return "";
  return typeof value === "number" ? value : `'${value}`;
}
