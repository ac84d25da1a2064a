/**
 * Makes the report's font the workbook's default font. Column widths are counted in characters
 * of the default font, and exceljs always writes Calibri 11 (exceljs#572): where Calibri is
 * missing, LibreOffice measures its stand-in (DejaVu Sans, a third wider), widens every column
 * and prints the report at about 79 %, with fewer lines in each cell than the row heights were
 * made for. Arial 10 has the same 7 px digit as Calibri 11 in Excel, and LibreOffice has its
 * metric twin (Liberation Sans) everywhere, so both print the columns the layout measured.
 */
import type JSZip from "jszip";
import { escapeXml } from "../xmlText";

const STYLES_PART = "xl/styles.xml";
/** The first font of the stylesheet is the default (Normal style) font. */
const FIRST_FONT = /(<fonts\b[^>]*>\s*)<font>[\s\S]*?<\/font>/;

export async function setDefaultFont(
  zip: JSZip,
  font: { readonly name: string; readonly size: number }
): Promise<void> {
  const part = zip.file(STYLES_PART);
  if (!part) throw new Error("exceljs wrote no stylesheet");
  const styles = await part.async("string");
  if (!FIRST_FONT.test(styles)) throw new Error("exceljs's stylesheet has no default font");
  const defaultFont = `<font><sz val="${font.size}"/><name val="${escapeXml(font.name)}"/><family val="2"/></font>`;
  zip.file(STYLES_PART, styles.replace(FIRST_FONT, `$1${defaultFont}`));
}
