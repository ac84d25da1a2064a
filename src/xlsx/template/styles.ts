/** The template's few styles. Formats and widths come from the definition, not from here. */
import type ExcelJS from "exceljs";

/**
 * Table style of every data table: light, with banded rows. Its header has no fill of its own, so
 * the explicit header format below looks the same in Excel and in LibreOffice (which does not
 * draw table styles).
 */
export const TABLE_THEME = "TableStyleLight1";

// A cell font replaces the default one entirely, so each names the family (exceljs's default).
const BASE_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
const DARK_BLUE = { argb: "FF1F3864" };

export const TITLE_FONT: Partial<ExcelJS.Font> = {
  ...BASE_FONT,
  bold: true,
  size: 16,
  color: DARK_BLUE,
};
export const SECTION_FONT: Partial<ExcelJS.Font> = {
  ...BASE_FONT,
  bold: true,
  size: 12,
  color: DARK_BLUE,
};
export const HEADER_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
export const NOTE_FONT: Partial<ExcelJS.Font> = {
  ...BASE_FONT,
  italic: true,
  color: { argb: "FF404040" },
};

export const TABLE_HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

/** Computed columns: grey and italic, so nobody mistakes them for input. */
export const COMPUTED_FONT: Partial<ExcelJS.Font> = {
  ...BASE_FONT,
  italic: true,
  color: { argb: "FF595959" },
};
export const COMPUTED_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE7E6E6" },
};

const LINE_HEIGHT = 15;

/**
 * Characters of prose per unit of column width. Calibri 11 fits 1.1–1.3 on average, but a line
 * of capitals and wide letters fits fewer: counting one leaves some air and never cuts text off.
 */
const CHARS_PER_WIDTH = 1;

/** Lines `text` takes word-wrapped in a column `width` units wide (erring towards one too many). */
export function wrappedLines(text: string, width: number): number {
  const widthChars = Math.floor(width * CHARS_PER_WIDTH);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= widthChars || used === 0) {
        used = needed;
      } else {
        lines += 1;
        used = word.length;
      }
      // A word longer than the column breaks over several lines.
      while (used > widthChars) {
        lines += 1;
        used -= widthChars;
      }
    }
  }
  return lines;
}

/**
 * Row height in points for a number of text lines. Rows with wrapped text get their height set
 * explicitly: LibreOffice keeps the default height for them, and merged cells never grow at all.
 */
export function linesHeight(lines: number): number {
  return lines * LINE_HEIGHT + 3;
}
