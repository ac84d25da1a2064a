/**
 * A cell's value as text in Swedish: `1 092,4`, `−51,4`, `−8,7 %`. What a rendering without
 * worksheet number formats shows (plain text, a Word document); Excel formats the number itself.
 */
import { formatNumber, formatPercent } from "../format";
import type { Cell, ValueFormat } from "./reportDoc";

/** The cell's text by its own format, else its column's; a text value as it is, line breaks kept. */
export function valueText(cell: Cell, columnFormat: ValueFormat | undefined): string {
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "string") return value;
  switch (cell.format ?? columnFormat ?? "text") {
    case "amount":
      return formatNumber(value, 1);
    case "wholeAmount":
      return formatNumber(value, 0);
    case "share":
      return formatPercent(value * 100);
    case "integer":
      return formatNumber(value, 0);
    case "text":
      return String(value);
  }
}
