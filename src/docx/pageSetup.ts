/**
 * The document's pages: A4 with the margins a Swedish kommun's Word template has (2.5 cm around,
 * header and footer 1.25 cm from the edge), portrait unless a chapter has a table too wide for it.
 * Word measures in twips (1/20 pt, 567 to the centimetre).
 */
import type { Block, ReportSheet } from "../core/report/reportDoc";

const CM = 567;

export const A4 = { width: 11906, height: 16838 } as const;

export const MARGINS = {
  top: 2.5 * CM,
  bottom: 2.5 * CM,
  left: 2.5 * CM,
  right: 2.5 * CM,
  header: 1.25 * CM,
  footer: 1.25 * CM,
} as const;

export type Orientation = "portrait" | "landscape";

/** The width between the margins, twips. */
export function textWidth(orientation: Orientation): number {
  const page = orientation === "portrait" ? A4.width : A4.height;
  return page - MARGINS.left - MARGINS.right;
}

/**
 * A column character (the sheets' unit: Arial 10's digit width with padding) in table text of
 * 9 pt, twips. What a table's declared widths need on paper.
 */
const TABLE_CHARACTER = 94;

/**
 * The narrowest a table can be printed: figure columns at their width (digits do not wrap), text
 * columns at half theirs (words wrap), in characters. `rest` counts as a text column of 10.
 */
function narrowest(block: Extract<Block, { kind: "table" }>): number {
  return block.columns.reduce((sum, column) => {
    if (column.width === "rest") return sum + 10;
    return sum + ((column.format ?? "text") === "text" ? column.width / 2 : column.width);
  }, 0);
}

/**
 * Portrait, like the rest of a kommun's document, unless one of the chapter's tables does not fit
 * between portrait margins (Rapport Ekonomi's ledger tables with their eight figure columns).
 */
export function chapterOrientation(sheet: ReportSheet): Orientation {
  const fits = sheet.blocks.every(
    (b) => b.kind !== "table" || narrowest(b) * TABLE_CHARACTER <= textWidth("portrait")
  );
  return fits ? "portrait" : "landscape";
}
