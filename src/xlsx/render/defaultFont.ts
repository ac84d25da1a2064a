/**
 * Makes the report's font the workbook's default font. Column widths are counted in characters
 * of the default font, and exceljs always writes Calibri 11 (exceljs#572): where Calibri is
 * missing, LibreOffice measures its stand-in (DejaVu Sans, a third wider), widens every column
 * and prints the report at about 79 %, with fewer lines in each cell than the row heights were
 * made for. Arial 10 has the same 7 px digit as Calibri 11 in Excel, and LibreOffice has its
 * metric twin (Liberation Sans) everywhere, so both print the columns the layout measured.
 */
import { escapeXml } from "../xmlText";

export const STYLES_PART = "xl/styles.xml";
/** The first font of the stylesheet is the default (Normal style) font. */
const FIRST_FONT = /(<fonts\b[^>]*>\s*)<font>[\s\S]*?<\/font>/;

/** exceljs's stylesheet with `font` as its first (default) font. */
export function withDefaultFont(
  styles: string,
  font: { readonly name: string; readonly size: number }
): string {
  if (!FIRST_FONT.test(styles)) throw new Error("exceljs's stylesheet has no default font");
  const defaultFont = `<font><sz val="${font.size}"/><name val="${escapeXml(font.name)}"/><family val="2"/></font>`;
  return styles.replace(FIRST_FONT, `$1${defaultFont}`);
}
