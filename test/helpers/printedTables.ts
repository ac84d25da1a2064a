/**
 * For the print tests of the xlsx and the Word report: the report's tables found again in the
 * PDF's text as LibreOffice printed it, page by page, and their rows found by their labels.
 */
import type { TableBlock } from "../../src/core/report/reportDoc";
import { valueText } from "../../src/core/report/valueText";
import { pageLines, pdfPageCount } from "./printToPdf";

/** A printed line and the page it is on. */
export interface Line {
  readonly page: number;
  readonly text: string;
}

/** A table and the printed lines from its header to the next table's header. */
export interface TableRegion {
  readonly table: TableBlock;
  readonly lines: Line[];
}

/** The formats whose values are figures, which must print whole. */
const FIGURES = new Set(["amount", "wholeAmount", "integer", "share"]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** pdftotext gives a no-break space as a space: compare text the way it prints. */
export const printed = (text: string) => text.replace(/\u00a0/g, " ");

/** Every page's lines of `pdf`, without the page header `header` each page repeats. */
export function printedLines(pdf: string, header: string): Line[] {
  return Array.from({ length: pdfPageCount(pdf) }, (_, p) =>
    pageLines(pdf, p + 1, header).map((text) => ({ page: p + 1, text }))
  ).flat();
}

/** A table header's first printed line: its first column's header (or the start of it) first. */
function isHeaderLine(table: TableBlock): (line: string) => boolean {
  const words = table.columns[0].header.split(" ");
  const starts = words.map((_, k) => escape(words.slice(0, k + 1).join(" ")));
  const pattern = new RegExp(`^(${starts.join("|")})(\\s{2,}|$)`);
  return (line) => pattern.test(line);
}

/**
 * How a printed table's header can be mistaken for the next one's: a sheet prints a copy of its
 * header at the top of each page (so a page's first header line, under a table with the same
 * header, is that table continuing), a Word table's header wraps over several lines.
 */
export type HeaderPrint = "copiedAtPageTop" | "wrapsOverLines";

/** Each table with the printed lines from its header to the next table's header, in print order. */
export function tableRegions(
  tables: readonly TableBlock[],
  lines: readonly Line[],
  headerPrint: HeaderPrint
): TableRegion[] {
  const starts: number[] = [];
  let at = 0;
  const opensPage = (i: number) => i === 0 || lines[i - 1].page !== lines[i].page;
  tables.forEach((table, t) => {
    const isHeader = isHeaderLine(table);
    const continues = (i: number) =>
      headerPrint === "copiedAtPageTop" &&
      t > 0 &&
      tables[t - 1].columns[0].header === table.columns[0].header &&
      opensPage(i);
    const found = lines.findIndex((l, i) => i >= at && isHeader(l.text) && !continues(i));
    expect([table.columns[0].header, found >= 0]).toEqual([table.columns[0].header, true]);
    starts.push(found);
    at = found + 1;
    if (headerPrint === "wrapsOverLines") {
      while (at < lines.length && isHeader(lines[at].text)) at++;
    }
  });
  return tables.map((table, i) => ({
    table,
    lines: lines.slice(starts[i], starts[i + 1] ?? lines.length),
  }));
}

/** A row's label: its first cell, or a group row's text, as it prints. */
function rowLabel(row: TableBlock["rows"][number], table: TableBlock): string {
  const text = row.kind === "group" ? row.text : valueText(row.cells[0], table.columns[0].format);
  return printed(text.trim().replace(/\s+/g, " "));
}

/** Whether a printed line opens the row labelled `label`: its first column is the label's start. */
function opens(line: string, label: string): boolean {
  const first = line.split(/\s{2,}/)[0];
  return first !== "" && (first === label || label.startsWith(`${first} `));
}

/**
 * Expects every sum row printed on the page of the row above it, each row found on the first line
 * after the row before that it opens; returns how many sum rows were checked.
 */
export function expectSumsOnPageOfRowAbove(regions: readonly TableRegion[]): number {
  let sums = 0;
  for (const { table, lines } of regions) {
    if (!table.rows.some((row) => row.kind === "sum")) continue;
    let at = 0;
    const pages = table.rows.map((row) => {
      const label = rowLabel(row, table);
      const found = lines.findIndex((l, i) => i >= at && opens(l.text, label));
      expect([label, found >= 0]).toEqual([label, true]);
      at = found + 1;
      return lines[found].page;
    });
    table.rows.forEach((row, r) => {
      if (row.kind !== "sum" || r === 0) return;
      sums++;
      const label = rowLabel(row, table);
      expect([label, pages[r]]).toEqual([label, pages[r - 1]]);
    });
  }
  return sums;
}

/**
 * Expects every word of every table header printed whole; a line may break after a dash
 * ("jan–" above "aug 2024"), as Excel, Word and LibreOffice do.
 */
export function expectHeadersUnbroken(regions: readonly TableRegion[]): void {
  for (const { table, lines } of regions) {
    const tokens = new Set(lines.flatMap((l) => l.text.split(/\s+|(?<=–)/)));
    const words = table.columns.flatMap((c) => c.header.split(/\s+|(?<=–)/));
    const broken = words.filter((w) => w.length > 1 && !tokens.has(printed(w)));
    expect([table.columns[0].header, broken]).toEqual([table.columns[0].header, []]);
  }
}

/**
 * Expects every figure of every table printed whole, on one line, its text and the printed
 * text compared as `asPrinted` gives them; returns how many figures were checked.
 */
export function expectFiguresWhole(
  regions: readonly TableRegion[],
  asPrinted: (text: string) => string
): number {
  let figures = 0;
  for (const { table, lines } of regions) {
    const text = asPrinted(lines.map((l) => l.text).join("\n"));
    const split = table.rows.flatMap((row) =>
      row.kind === "group"
        ? []
        : row.cells
            .map((cell, c) => ({ cell, format: cell.format ?? table.columns[c].format }))
            .filter(
              ({ cell, format }) => typeof cell.value === "number" && FIGURES.has(format ?? "text")
            )
            .map(({ cell, format }) => asPrinted(valueText(cell, format)))
            .filter((figure) => {
              figures++;
              return !text.includes(figure);
            })
    );
    expect([table.columns[0].header, split]).toEqual([table.columns[0].header, []]);
  }
  return figures;
}
