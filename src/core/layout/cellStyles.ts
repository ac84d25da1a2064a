/**
 * A cell's named style from what it holds: its row kind, format and emphasis. The worksheet
 * layout and the Word renderer both style cells through here, so a negative deviation, a sum row,
 * a status marker and a risk band look alike in every rendering.
 */
import type { Cell, Emphasis, ValueFormat } from "../report/reportDoc";
import type { StyleName } from "./styles";

const EMPHASIS_STYLES: Record<Exclude<Emphasis, "negative">, StyleName> = {
  label: "label",
  axis: "matrix.axis",
  "status.utan-avvikelse": "status.utan-avvikelse",
  "status.mindre-avvikelse": "status.mindre-avvikelse",
  "status.stor-avvikelse": "status.stor-avvikelse",
  "status.ej-genomford": "status.ej-genomford",
  "status.saknas": "status.saknas",
  "status.ej-paborjad": "status.ej-paborjad",
  "status.pagaende": "status.pagaende",
  "status.avslutad": "status.avslutad",
  "status.avbruten": "status.avbruten",
  change: "change",
  "finding.fel": "finding.fel",
  "finding.varning": "finding.varning",
  "risk.low": "matrix.low",
  "risk.medium": "matrix.medium",
  "risk.high": "matrix.high",
  "risk.critical": "matrix.critical",
};

const isNumber = (format: ValueFormat) => format !== "text";

/** A table cell's style: its emphasis, else a link, else by kind of value and row. */
export function tableCellStyle(cell: Cell, format: ValueFormat, sum: boolean): StyleName {
  if (cell.emphasis && cell.emphasis !== "negative") return EMPHASIS_STYLES[cell.emphasis];
  if (cell.link) return "link";
  if (!isNumber(format)) return sum ? "table.sum.text" : "table.text";
  const negative = cell.emphasis === "negative";
  if (sum) return negative ? "table.sum.number.negative" : "table.sum.number";
  return negative ? "table.number.negative" : "table.number";
}

/** A grid cell's style (a risk's details, the matrix): its emphasis, else plain text. */
export function gridCellStyle(cell: Cell): StyleName {
  return cell.emphasis && cell.emphasis !== "negative"
    ? EMPHASIS_STYLES[cell.emphasis]
    : "paragraph";
}
