/** A core CellStyle as an exceljs style. Pure translation: what it looks like is decided in the core. */
import type ExcelJS from "exceljs";
import type { CellStyle } from "../../core/layout/styles";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const DOUBLE: Partial<ExcelJS.Border> = { style: "double", color: { argb: "FF808080" } };

const argb = (rgb: string) => `FF${rgb}`;

export function excelStyle(
  style: CellStyle,
  font: { readonly name: string; readonly size: number },
  numFmt: string | undefined
): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {
    font: {
      name: font.name,
      size: style.font?.size ?? font.size,
      ...(style.font?.bold ? { bold: true } : {}),
      ...(style.font?.italic ? { italic: true } : {}),
      ...(style.font?.underline ? { underline: true } : {}),
      ...(style.font?.color ? { color: { argb: argb(style.font.color) } } : {}),
    },
    alignment: {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    },
  };
  if (style.fill) {
    result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  const b = style.border;
  if (b) {
    result.border = {
      ...(b.top ? { top: THIN } : {}),
      ...(b.left ? { left: THIN } : {}),
      ...(b.right ? { right: THIN } : {}),
      ...(b.doubleBottom ? { bottom: DOUBLE } : b.bottom ? { bottom: THIN } : {}),
    };
  }
  if (numFmt) result.numFmt = numFmt;
  return result;
}
