/** A core CellStyle as Office.js cell formatting: the shape `setCellProperties` takes. */
import type { CellStyle } from "../../core/layout/styles";

export type CellFormat = Excel.CellPropertiesFormat;

const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin" };
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center" } as const;

export function toCellFormat(style: CellStyle): CellFormat {
  const format: CellFormat = {};
  const { font, fill, border } = style;
  if (font) {
    const f: Excel.CellPropertiesFont = {};
    if (font.bold !== undefined) f.bold = font.bold;
    if (font.italic !== undefined) f.italic = font.italic;
    if (font.size !== undefined) f.size = font.size;
    if (font.color !== undefined) f.color = `#${font.color}`;
    if (font.underline !== undefined) f.underline = font.underline ? "Single" : "None";
    format.font = f;
  }
  if (fill) format.fill = { color: `#${fill}` };
  if (border) {
    const b: Excel.CellBorderCollection = {};
    if (border.top) b.top = THIN;
    if (border.left) b.left = THIN;
    if (border.right) b.right = THIN;
    if (border.bottom) b.bottom = THIN;
    if (border.doubleBottom) b.bottom = { style: "Double" };
    format.borders = b;
  }
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  return format;
}

/** How many property assignments applying `format` to a range takes (one Office.js action each). */
export function propertyCount(format: CellFormat): number {
  let count = 0;
  for (const value of Object.values(format)) {
    count += typeof value === "object" && value !== null ? propertyCount(value as CellFormat) : 1;
  }
  return count;
}
