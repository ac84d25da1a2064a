/**
 * What each named style looks like. Hosts translate a CellStyle into their own API (exceljs cell
 * styles, Office.js range formats) and decide nothing themselves, so both print the same report.
 * Colours are chosen so that the text or the sign, never the colour alone, carries the meaning:
 * the report must read in black-and-white print.
 */

/** Named styles; hosts map them to fonts, fills and borders through STYLES. */
export type StyleName =
  | "title"
  | "subtitle"
  | "heading"
  | "paragraph"
  | "note"
  | "table.header"
  | "table.header.number"
  | "table.text"
  | "table.number"
  | "table.number.negative"
  | "table.group"
  | "table.sum.text"
  | "table.sum.number"
  | "table.sum.number.negative"
  | "label"
  | "status.utan-avvikelse"
  | "status.mindre-avvikelse"
  | "status.stor-avvikelse"
  | "status.ej-genomford"
  | "status.saknas"
  | "status.ej-paborjad"
  | "status.pagaende"
  | "status.avslutad"
  | "status.avbruten"
  | "change"
  | "matrix.axis"
  | "matrix.low"
  | "matrix.medium"
  | "matrix.high"
  | "matrix.critical"
  | "finding.fel"
  | "finding.varning"
  | "link"
  | "utkast";

export interface CellStyle {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size?: number;
    readonly color?: string;
    readonly underline?: boolean;
  };
  /** Solid fill, `RRGGBB`. */
  readonly fill?: string;
  readonly border?: {
    readonly top?: boolean;
    readonly bottom?: boolean;
    readonly left?: boolean;
    readonly right?: boolean;
    readonly doubleBottom?: boolean;
  };
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle";
  readonly wrap?: boolean;
}

/** Arial: on every Office platform, and LibreOffice has a metric-compatible twin (Liberation Sans), so row heights estimated here hold in both. */
export const REPORT_FONT = "Arial";
export const DEFAULT_FONT_SIZE = 10;

const INK = "1F3864";
const NEGATIVE = "C00000";
const GRID = { top: true, bottom: true, left: true, right: true } as const;

const text: CellStyle = { vertical: "top", wrap: true };
const number: CellStyle = { horizontal: "right", vertical: "top" };
const sum = { font: { bold: true }, border: { top: true } } as const;

function status(fill: string, color: string): CellStyle {
  return { ...text, fill, font: { color } };
}

function matrix(fill: string): CellStyle {
  return {
    fill,
    font: { bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: GRID,
  };
}

export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { font: { bold: true, size: 16, color: INK }, vertical: "top", wrap: true },
  subtitle: { font: { bold: true, size: 13, color: INK }, vertical: "top", wrap: true },
  heading: { font: { bold: true, size: 12, color: INK }, vertical: "top", wrap: true },
  paragraph: text,
  note: { ...text, font: { italic: true, color: "595959" } },
  label: { ...text, font: { bold: true } },
  "table.header": { ...text, font: { bold: true }, fill: "D9E1F2", border: { bottom: true } },
  "table.header.number": {
    ...text,
    horizontal: "right",
    font: { bold: true },
    fill: "D9E1F2",
    border: { bottom: true },
  },
  "table.text": text,
  "table.number": number,
  "table.number.negative": { ...number, font: { color: NEGATIVE } },
  "table.group": { ...text, font: { bold: true }, fill: "F2F2F2" },
  "table.sum.text": { ...text, ...sum },
  "table.sum.number": { ...number, ...sum },
  "table.sum.number.negative": { ...number, ...sum, font: { bold: true, color: NEGATIVE } },
  "status.utan-avvikelse": status("C6EFCE", "006100"),
  "status.mindre-avvikelse": status("FFEB9C", "7F4F00"),
  "status.stor-avvikelse": status("FFC7CE", "9C0006"),
  "status.ej-genomford": status("D9D9D9", "262626"),
  "status.saknas": { ...text, font: { italic: true, color: "595959" } },
  "status.ej-paborjad": status("D9D9D9", "262626"),
  "status.pagaende": status("FFEB9C", "7F4F00"),
  "status.avslutad": status("C6EFCE", "006100"),
  "status.avbruten": status("F2F2F2", "595959"),
  // Its words ("Ny sedan T1", "Ändrat sedan T1: 9 → 12") carry it in print, the fill on screen.
  change: { ...text, font: { bold: true, color: INK }, fill: "DDEBF7" },
  "matrix.axis": { font: { bold: true }, horizontal: "center", vertical: "middle", wrap: true },
  "matrix.low": matrix("C6EFCE"),
  "matrix.medium": matrix("FFEB9C"),
  "matrix.high": matrix("F8CBAD"),
  "matrix.critical": matrix("FF9999"),
  "finding.fel": { ...text, font: { bold: true, color: "9C0006" }, fill: "FFC7CE" },
  "finding.varning": { ...text, font: { color: "7F4F00" }, fill: "FFEB9C" },
  link: { ...text, font: { color: "0563C1", underline: true } },
  // The draft banner: the word UTKAST carries it in black-and-white print, the fill on screen.
  utkast: { ...text, font: { bold: true, size: 12, color: "9C0006" }, fill: "FFC7CE" },
};

export function fontSizeOf(style: StyleName): number {
  return STYLES[style].font?.size ?? DEFAULT_FONT_SIZE;
}
