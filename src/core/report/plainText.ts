/**
 * The report as plain text: titles, headings, paragraphs and tables with Swedish numbers
 * (`1 092,4`, `−51,4`, `−8,7 %`), with no worksheet in between. What a ReportDoc says is all
 * there is; this is the smallest renderer of it besides the worksheet layout.
 */
import { exhaustive } from "../exhaustive";
import {
  chartTable,
  textParagraphs,
  type Block,
  type Cell,
  type ReportDoc,
  type ReportSheet,
  type ValueFormat,
} from "./reportDoc";
import { valueText } from "./valueText";

function cellText(cell: Cell, columnFormat: ValueFormat | undefined): string {
  return valueText(cell, columnFormat).replace(/\n/g, " / ");
}

const line = (cells: readonly string[]) => cells.join(" | ");

function underlined(text: string, mark: string): string[] {
  return [text, mark.repeat(text.length)];
}

function blockLines(block: Block, sheet: ReportSheet): string[] {
  switch (block.kind) {
    case "title":
      return underlined(block.text, "=");
    case "heading":
      return underlined(block.text, "-");
    case "paragraph":
      return [block.text];
    case "spacer":
      return [""];
    case "table":
      return [
        line(block.columns.map((c) => c.header)),
        ...block.rows.map((row) =>
          row.kind === "group"
            ? row.text
            : line(row.cells.map((cell, i) => cellText(cell, block.columns[i]?.format)))
        ),
      ];
    case "grid":
      return block.rows.map((cells) => line(cells.map((cell) => cellText(cell, undefined))));
    case "text":
      return [...underlined(block.heading, "-"), ...textParagraphs(block)];
    case "chart":
      // Text draws no chart: its figures are the table's, printed where the table is.
      chartTable(sheet, block);
      return [];
    default:
      return exhaustive(block);
  }
}

/** Each sheet under its name, its blocks in order, a blank line between sheets. */
export function plainText(doc: ReportDoc): string {
  return doc.sheets
    .map((sheet) =>
      [`[${sheet.name}]`, ...sheet.blocks.flatMap((b) => blockLines(b, sheet))].join("\n")
    )
    .join("\n\n");
}
