/**
 * Page breaks computed by the layout: the grids are cut into pages the way a host fills them
 * (row heights against A4, margins and scale), and checked as a reader would turn the pages.
 */
import { layoutSheet } from "../../../src/core/layout/layout";
import {
  pageCapacity,
  paginate,
  printScale,
  REPORT_MARGINS,
  widthsFillingPage,
  type PageRow,
} from "../../../src/core/layout/pages";
import type { Block, Column, ReportSheet, TableRow } from "../../../src/core/report/reportDoc";
import type { SheetGrid } from "../../../src/core/layout/sheetGrid";
import type { StyleName } from "../../../src/core/layout/styles";

const WIDTHS = [30, 12, 12, 40];
const sheet = (blocks: Block[], orientation: ReportSheet["orientation"] = "landscape") =>
  ({ name: "Rapport Test", orientation, width: 94, blocks }) satisfies ReportSheet;

const comment =
  "Kartläggningen är ännu inte påbörjad men uppdragsbeskrivning har beslutats inom hemtjänsten.";
const columns: Column[] = [
  { header: "Post", width: 30 },
  { header: "Budget", width: 12, format: "integer" },
  { header: "Prognos", width: 12, format: "integer" },
  { header: "Kommentar", width: 40 },
];
const row = (i: number, text: string | null = null): TableRow => ({
  kind: "line",
  cells: [
    { value: `Post ${i}` },
    { value: i },
    { value: -i, emphasis: "negative" },
    { value: text },
  ],
});
const table = (rows: number, text = (i: number): string | null => (i % 4 === 0 ? comment : null)) =>
  ({
    kind: "table",
    columns,
    rows: Array.from({ length: rows }, (_, i) => row(i + 1, text(i + 1))),
  }) satisfies Block;

interface Page {
  readonly first: number;
  readonly last: number;
  /** Row heights on the page, with the print title the host repeats there. */
  readonly height: number;
}

/** The pages as a host prints them: cut at the grid's breaks, print titles on later pages. */
function pagesOf(grid: SheetGrid): Page[] {
  const starts = [1, ...grid.print.breaksBefore];
  const ends = [...grid.print.breaksBefore.map((b) => b - 1), grid.rows.length];
  const title = grid.print.repeatRows;
  const sum = (from: number, to: number) =>
    grid.rowHeights.slice(from - 1, to).reduce<number>((s, h) => s + (h ?? 0), 0);
  return starts.map((first, i) => ({
    first,
    last: ends[i],
    height: sum(first, ends[i]) + (title && first > title.last ? sum(title.first, title.last) : 0),
  }));
}

const styleOf = (grid: SheetGrid, row: number): StyleName | undefined =>
  grid.rows[row - 1].find((c) => c !== null)?.style;
const textOf = (grid: SheetGrid, row: number): string =>
  grid.rows[row - 1].map((c) => (c?.value === null || c === null ? "" : String(c.value))).join("|");

/** Rows that must not end a page: what they introduce is on the next. */
const LEADING: readonly (StyleName | undefined)[] = [
  "title",
  "subtitle",
  "heading",
  "table.header",
  "table.header.number",
  "table.group",
];

function expectReadablePages(grid: SheetGrid): Page[] {
  const capacity = pageCapacity(grid.print.orientation, grid.print.margins, grid.print.scale);
  const pages = pagesOf(grid);
  for (const page of pages) {
    expect(page.height).toBeLessThanOrEqual(capacity);
    if (page.last < grid.rows.length) expect(LEADING).not.toContain(styleOf(grid, page.last));
  }
  expect(grid.print.breaksBefore).toEqual([...grid.print.breaksBefore].sort((a, b) => a - b));
  return pages;
}

describe("page breaks", () => {
  it("never starts a page with a sum row: it keeps with the rows it sums", () => {
    // Subtotals after groups of one to four rows, so that without the rule some page would.
    const rows: TableRow[] = [];
    for (let i = 1; i <= 150; i++) {
      for (let k = 0; k <= i % 4; k++) rows.push(row(i * 10 + k));
      rows.push({
        kind: "sum",
        cells: [{ value: `Summa ${i}` }, { value: i }, { value: -i }, { value: null }],
      });
    }
    const grid = layoutSheet(sheet([{ kind: "table", columns, rows }], "portrait"));
    const pages = expectReadablePages(grid);
    expect(pages.length).toBeGreaterThan(4);
    const sumStyles: (StyleName | undefined)[] = ["table.sum.text", "table.sum.number"];
    // Each later page's first row below the header copy it starts with.
    const starts = pages.slice(1).map((page) => {
      let r = page.first;
      while (styleOf(grid, r)?.startsWith("table.header")) r++;
      return styleOf(grid, r);
    });
    expect(starts.filter((s) => sumStyles.includes(s))).toEqual([]);
    expect(starts.filter((s) => s === "table.text")).toHaveLength(starts.length);
  });

  it("prints at most 78 % and smaller when the columns need it, with room for wider columns", () => {
    expect(printScale(WIDTHS, "landscape", REPORT_MARGINS)).toBe(78);
    // 4 × 50 characters: 1,420 px (1,171 pt with LibreOffice's wider columns) on 756 pt of paper.
    expect(printScale([50, 50, 50, 50], "landscape", REPORT_MARGINS)).toBe(64);
    expect(printScale([50, 50, 50, 50], "portrait", REPORT_MARGINS)).toBe(43);
    // A4 landscape less 2 × 0.5 in, at 78 %, less 3 % in reserve.
    expect(pageCapacity("landscape", REPORT_MARGINS, 78)).toBeCloseTo(
      ((595.28 - 72) / 0.78) * 0.97,
      6
    );
  });

  it("widens the columns of a sheet printed below its width to fill the page", () => {
    const widths = widthsFillingPage(WIDTHS, "landscape", REPORT_MARGINS, 78);
    expect(widths.every((w, i) => w > WIDTHS[i])).toBe(true);
    expect(printScale(widths, "landscape", REPORT_MARGINS)).toBe(78);
    // As wide as the scale allows, to a few pixels.
    const px = (ws: readonly number[]) => ws.reduce((sum, w) => sum + Math.floor(w * 7 + 5), 0);
    expect(px(widths) * 0.75 * 1.1 * 0.78).toBeGreaterThan(756 - 4 * 7 * 0.75);
    // A sheet its scale was made for keeps its widths but for the scale's rounding.
    for (const w of widthsFillingPage([50, 50, 50, 50], "landscape", REPORT_MARGINS, 64)) {
      expect(w).toBeGreaterThanOrEqual(50);
      expect(w).toBeLessThan(51);
    }
  });

  it("never ends a page with a heading, whatever the length of the table before it", () => {
    let breaksBeforeHeading = 0;
    for (let rows = 20; rows <= 50; rows++) {
      const grid = layoutSheet(
        sheet([
          { kind: "title", text: "Nämnden – Delårsrapport augusti 2024" },
          table(rows),
          { kind: "spacer" },
          { kind: "heading", text: "Driftsredovisning" },
          table(10),
        ])
      );
      expectReadablePages(grid);
      const headingRow = grid.rows.findIndex((r) => r[0]?.value === "Driftsredovisning") + 1;
      if (grid.print.breaksBefore.includes(headingRow)) breaksBeforeHeading++;
    }
    // Some lengths leave room for the heading but not for the table it introduces.
    expect(breaksBeforeHeading).toBeGreaterThan(0);
  });

  it("repeats a long table's header on every page and never leaves its last row alone", () => {
    const grid = layoutSheet(sheet([{ kind: "heading", text: "Volymer" }, table(150)]));
    const pages = expectReadablePages(grid);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const headerText = textOf(grid, 2);
    for (const page of pages.slice(1)) expect(textOf(grid, page.first)).toBe(headerText);
    const last = pages[pages.length - 1];
    expect(last.last - last.first).toBeGreaterThanOrEqual(2);
    // Every body row is there once, in order.
    const bodies = grid.rows.map((r) => r[0]?.value).filter((v) => /^Post \d+$/.test(String(v)));
    expect(bodies).toEqual(Array.from({ length: 150 }, (_, i) => `Post ${i + 1}`));
  });

  it("leaves a print-titled table's header to the host, with room for it on every page", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "Kontrollresultat" },
        { ...table(150), repeatHeader: true },
      ])
    );
    expect(grid.print.repeatRows).toEqual({ first: 2, last: 2 });
    expect(grid.rows.filter((r) => r[0]?.value === "Post")).toHaveLength(1);
    expect(expectReadablePages(grid).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps a risk's title with its details", () => {
    const risk = (n: number): Block[] => [
      { kind: "heading", text: `R${n} Risk för brister i informationsöverföring` },
      {
        kind: "grid",
        columns: [{ width: 30 }, { width: "rest" }],
        rows: ["Riskhantering", "Riskvärde", "Riskbeskrivning", "Konsekvensbeskrivning"].map(
          (label) => [{ value: label, emphasis: "label" }, { value: `${label}: ${comment}` }]
        ),
      },
      {
        kind: "table",
        columns: [
          { header: "Status", width: 30 },
          { header: "Åtgärd", width: 12 },
          { header: "Kommentar", width: "rest" },
        ],
        rows: [1, 2].map((i) => ({
          kind: "line",
          cells: [
            { value: "► Pågående", emphasis: "status.pagaende" },
            { value: `Åtgärd ${i}` },
            { value: `${comment} ${comment}` },
          ],
        })),
      },
      { kind: "spacer" },
    ];
    const grid = layoutSheet(sheet(Array.from({ length: 12 }, (_, i) => risk(i + 1)).flat()));
    const pages = expectReadablePages(grid);
    expect(pages.length).toBeGreaterThan(2);
    for (let r = 1; r <= grid.rows.length; r++) {
      if (styleOf(grid, r) !== "heading") continue;
      const page = pages.find((p) => p.first <= r && r <= p.last)!;
      // Its four detail rows follow on the same page; the åtgärder's header, if there too, has
      // its first åtgärd with it (no page ends with a header).
      expect(page.last).toBeGreaterThanOrEqual(r + 4);
      expect(styleOf(grid, r + 5)).toBe("table.header");
    }
  });

  it("cuts a long comment where a page ends and continues it under the repeated header", () => {
    const long = Array.from({ length: 45 }, (_, i) => `${i + 1}. ${comment}`).join("\n");
    const grid = layoutSheet(
      sheet([
        { kind: "heading", text: "Väsentliga avvikelser" },
        table(12, (i) => (i === 12 ? long : null)),
      ])
    );
    const pages = expectReadablePages(grid);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const start = grid.rows.findIndex((r) => r[0]?.value === "Post 12");
    const parts = grid.rows.slice(start).filter((r) => r[0]?.style !== "table.header");
    expect(parts.length).toBeGreaterThanOrEqual(2);
    // The first part fills page 1: it starts there and the next page opens with the header.
    const firstPart = grid.rows.indexOf(parts[0]) + 1;
    expect(firstPart).toBeLessThanOrEqual(pages[0].last);
    expect(textOf(grid, pages[1].first)).toBe(textOf(grid, 2));
    const words = (text: string) => text.split(/\s+/);
    expect(words(parts.map((r) => r[3]?.value).join(" "))).toEqual(words(long));
  });

  it("moves a block kept together to the next page, but cuts a table's long text to fill one", () => {
    const plain = (height: number, more: Partial<PageRow> = {}): PageRow => ({
      height,
      keepWithNext: false,
      withPrevious: false,
      ...more,
    });
    const cuttable = (more: Partial<PageRow>) =>
      plain(100, {
        ...more,
        // Like a laid-out row: the rest keeps the row's header to repeat.
        split: (max) => (max >= 50 ? [plain(50), plain(50, more)] : undefined),
      });
    const filler = Array.from({ length: 10 }, () => plain(50));
    const heading = plain(20, { keepWithNext: true });

    const details = [heading, plain(20, { keepTogether: 1 }), cuttable({ keepTogether: 1 })];
    expect(paginate([...filler, ...details], 600).breaksBefore).toEqual([10]);

    const header = plain(20, { keepWithNext: true });
    const body = cuttable({ repeatAbove: [header] });
    const pages = paginate([...filler, header, body], 600);
    // The header and the first half fill page 1; page 2 repeats the header above the rest.
    expect(pages.rows.map((r) => r.height)).toEqual([...filler.map(() => 50), 20, 50, 20, 50]);
    expect(pages.breaksBefore).toEqual([12]);
  });

  it("counts a print title against the pages after the one it first prints on", () => {
    const row = (height: number, keepWithNext = false): PageRow => ({
      height,
      keepWithNext,
      withPrevious: false,
    });
    const rows = [row(100, true), ...Array.from({ length: 5 }, () => row(100))];
    expect(paginate(rows, 600, { first: 0, last: 0 }).breaksBefore).toEqual([]);
    // Seven rows: the seventh starts page 2, where the host repeats the title above it.
    const longer = [...rows, row(100), ...Array.from({ length: 5 }, () => row(100))];
    expect(paginate(longer, 600, { first: 0, last: 0 }).breaksBefore).toEqual([6, 11]);
  });
});
