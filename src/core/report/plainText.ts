/**
 * The report as plain text: titles, headings, paragraphs and tables with Swedish numbers
 * (`1 092,4`, `−51,4`, `−8,7 %`), with no worksheet in between. What a ReportDoc says is all
 * there is; this is the smallest renderer of it besides the worksheet layout.
 */
import type { Block, Cell, ReportDoc, ValueFormat } from "./reportDoc";
import { valueText } from "./valueText";

function cellText(cell: Cell, columnFormat: ValueFormat | undefined): string {
  return valueText(cell, columnFormat).replace(/\n/g, " / ");
}

const line = (cells: readonly string[]) => cells.join(" | ");

function underlined(text: string, mark: string): string[] {
  return [text, mark.repeat(text.length)];
}

function blockLines(block: Block): string[] {
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
  }
}

/** Each sheet under its name, its blocks in order, a blank line between sheets. */
export function plainText(doc: ReportDoc): string {
  return doc.sheets
    .map((sheet) => [`[${sheet.name}]`, ...sheet.blocks.flatMap(blockLines)].join("\n"))
    .join("\n\n");
}
