import { layoutSheet, MAX_ROW_HEIGHT, PAGE_FOOTER } from "../../../src/core/layout/layout";
import { MAX_PRINT_SCALE, REPORT_MARGINS } from "../../../src/core/layout/pages";
import { AMOUNT_FORMAT, SHARE_FORMAT } from "../../../src/core/layout/formats";
import type { Column, ReportSheet } from "../../../src/core/report/reportDoc";
import { columnPixels, wrappedLineCount } from "../../../src/core/layout/textMetrics";

const sheet = (blocks: ReportSheet["blocks"]): ReportSheet => ({
  name: "Rapport Test",
  orientation: "landscape",
  width: 94,
  blocks,
});

/** Four columns of 30, 12, 12 and 40 characters: the sheet's width. */
const FOUR: readonly Column[] = [
  { header: "A", width: 30 },
  { header: "B", width: 12 },
  { header: "C", width: 12 },
  { header: "D", width: 40 },
];
const fourColumns = FOUR.map((c) => ({ width: c.width }));

describe("layoutSheet", () => {
  it("places titles, headings and paragraphs across all columns as merged rows", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "Nämnden – Delårsrapport augusti 2024" },
        { kind: "heading", text: "Sammanfattning" },
        { kind: "paragraph", text: "Text.", style: "note" },
        { kind: "spacer" },
        // Four columns, no rows.
        { kind: "grid", columns: fourColumns, rows: [] },
      ])
    );
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows.map((r) => r[0]?.style ?? null)).toEqual(["title", "heading", "note", null]);
    expect(grid.merges).toEqual([1, 2, 3].map((row) => ({ row, col: 1, rowSpan: 1, colSpan: 4 })));
    expect(grid.rows.every((r) => r.length === 4)).toBe(true);
  });

  it("lays a table out cell by cell on the sheet's shared columns, with styles, number formats and a repeated header", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "T" },
        {
          kind: "table",
          columns: [
            { header: "Post", width: 30 },
            { header: "Belopp", width: 12, format: "amount" },
            { header: "Kommentar", width: "rest" },
          ],
          rows: [
            {
              kind: "line",
              cells: [{ value: "Personal" }, { value: -66.4 }, { value: "- text" }],
            },
          ],
          repeatHeader: true,
        },
        // Its columns make the sheet's grid: the first table's Kommentar spans two of them.
        { kind: "table", columns: FOUR, rows: [], repeatHeader: true },
      ])
    );
    expect(grid.columnWidths).toHaveLength(4);
    expect(grid.rows[1]).toEqual([
      { value: "Post", style: "table.header" },
      { value: "Belopp", style: "table.header.number" },
      { value: "Kommentar", style: "table.header" },
      // Covered by the merge: styled like it, so the header's fill and border span both columns.
      { value: null, style: "table.header" },
    ]);
    expect(grid.rows[2][1]).toEqual({ value: -66.4, numFmt: AMOUNT_FORMAT, style: "table.number" });
    expect(grid.rows[2][2]).toEqual({ value: "- text", style: "table.text" });
    expect(grid.merges).toContainEqual({ row: 3, col: 3, rowSpan: 1, colSpan: 2 });
    // Excel repeats one row range per sheet: the first table that asks for it.
    expect(grid.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      scale: MAX_PRINT_SCALE,
      margins: REPORT_MARGINS,
      repeatRows: { first: 2, last: 2 },
      breaksBefore: [],
      footer: PAGE_FOOTER,
    });
    expect(PAGE_FOOTER).toBe("&CSida &P (&N)");
  });

  it("puts every table's columns on one grid of the sheet: a wide column spans several, a narrower table leaves the rest empty", () => {
    const grid = layoutSheet({
      ...sheet([
        { kind: "table", columns: FOUR, rows: [] },
        {
          kind: "table",
          columns: [
            { header: "Post", width: 30 },
            { header: "Belopp", width: 24, format: "amount" },
            { header: "Kommentar", width: "rest" },
          ],
          rows: [{ kind: "line", cells: [{ value: "Hyror" }, { value: 1092.4 }, { value: "x" }] }],
        },
        {
          kind: "table",
          columns: [{ header: "Andel", width: 42, format: "share" }],
          rows: [{ kind: "sum", cells: [{ value: -0.087, emphasis: "negative" }] }],
        },
      ]),
    });
    expect(grid.columnWidths).toHaveLength(4);
    // Belopp covers B–C; Kommentar, the sheet's rest, is D.
    expect(grid.rows[1]).toEqual([
      { value: "Post", style: "table.header" },
      { value: "Belopp", style: "table.header.number" },
      { value: null, style: "table.header.number" },
      { value: "Kommentar", style: "table.header" },
    ]);
    expect(grid.rows[2][1]).toEqual({
      value: 1092.4,
      numFmt: AMOUNT_FORMAT,
      style: "table.number",
    });
    expect(grid.merges).toContainEqual({ row: 3, col: 2, rowSpan: 1, colSpan: 2 });
    // Andel, 42 characters, is A–B; the sheet's C and D stay empty beside it.
    expect(grid.rows[4]).toEqual([
      { value: -0.087, numFmt: SHARE_FORMAT, style: "table.sum.number.negative" },
      { value: null, style: "table.sum.number.negative" },
      null,
      null,
    ]);
  });

  it("widens the sheet for a table wider than its text width", () => {
    const wide = layoutSheet(
      sheet([
        { kind: "heading", text: "Rubrik" },
        { kind: "table", columns: [...FOUR, { header: "E", width: 20 }], rows: [] },
      ])
    );
    expect(wide.columnWidths).toHaveLength(5);
    expect(wide.rows[1].map((c) => c?.value)).toEqual(["A", "B", "C", "D", "E"]);
    // The heading spans the wider sheet.
    expect(wide.merges[0]).toEqual({ row: 1, col: 1, rowSpan: 1, colSpan: 5 });
  });

  it("refuses a row wider than its table (a bug in a sheet builder)", () => {
    expect(() =>
      layoutSheet(
        sheet([{ kind: "grid", columns: [{ width: 94 }], rows: [[{ value: 1 }, { value: 2 }]] }])
      )
    ).toThrow(/more cells than/);
  });

  const comment = "Kartläggningen är ännu inte påbörjad men uppdragsbeskrivning har beslutats.";

  it("gives long wrapped texts taller rows, keeping the text exactly", () => {
    const text = `${comment}  ${comment}\n- ${comment}`;
    const grid = layoutSheet(
      sheet([
        {
          kind: "grid",
          columns: fourColumns,
          rows: [
            [{ value: "Kort" }],
            [{ value: "Kort" }, { value: null }, { value: null }, { value: text }],
          ],
        },
      ])
    );
    const [short, long] = grid.rowHeights as number[];
    expect(long).toBeGreaterThan(2 * short);
    expect(grid.rows[1][3]?.value).toBe(text);
  });

  it("continues a text too long for one row in the rows below, every word in order", () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${comment} ${comment}`);
    const grid = layoutSheet(
      sheet([
        {
          kind: "table",
          columns: [
            { header: "Status", width: 30 },
            { header: "Kommentar", width: "rest" },
          ],
          rows: [
            {
              kind: "line",
              cells: [
                { value: "► Pågående", emphasis: "status.pagaende" },
                { value: paragraphs.join("\n") },
              ],
            },
          ],
        },
        { kind: "grid", columns: fourColumns, rows: [] },
      ])
    );
    const body = grid.rows.filter((r) => r[0]?.style === "status.pagaende");
    expect(body.length).toBeGreaterThan(2);
    // The marker stays on the first row; its colour continues beside the rest of the text.
    expect(body[0][0]).toEqual({ value: "► Pågående", style: "status.pagaende" });
    expect(body[1][0]).toEqual({ value: null, style: "status.pagaende" });
    // Every word is there, in order.
    const words = (text: string) => text.split(/\s+/);
    expect(words(body.map((r) => r[1]?.value).join(" "))).toEqual(words(paragraphs.join(" ")));
    expect(grid.rowHeights.every((h) => (h ?? 0) <= MAX_ROW_HEIGHT)).toBe(true);
    expect(grid.merges.filter((m) => m.col === 2)).toHaveLength(grid.rows.length);
  });

  it("gives every row a height in whole pixels (0.75 pt), as Excel draws rows", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "Titel" },
        { kind: "heading", text: "Rubrik" },
        { kind: "paragraph", text: `${comment} ${comment}` },
        { kind: "spacer" },
        { kind: "grid", columns: fourColumns, rows: [[{ value: "R1" }]], minRowHeight: 30.1 },
      ])
    );
    for (const height of grid.rowHeights) expect(((height ?? 0) / 0.75) % 1).toBe(0);
  });

  it("honours a grid's minimum row height", () => {
    const grid = layoutSheet(
      sheet([{ kind: "grid", columns: fourColumns, rows: [[{ value: "R1" }]], minRowHeight: 30 }])
    );
    expect(grid.rowHeights).toEqual([30]);
  });
});

describe("wrappedLineCount", () => {
  const width = columnPixels(40);

  it("counts explicit line breaks and wraps at spaces", () => {
    expect(wrappedLineCount("Kort text", width, 10, false)).toBe(1);
    expect(wrappedLineCount("2024-01-26\nKommentar", width, 10, false)).toBe(2);
    const words = "ord ".repeat(60).trim();
    const lines = wrappedLineCount(words, width, 10, false);
    expect(lines).toBeGreaterThanOrEqual(4);
    expect(lines).toBeLessThanOrEqual(7);
  });

  it("breaks a word longer than the line", () => {
    expect(wrappedLineCount("x".repeat(200), columnPixels(10), 10, false)).toBeGreaterThan(3);
  });

  it("needs more lines in bold and in larger type", () => {
    const text = "Avvikelse prognos helår mot budget ".repeat(5);
    const regular = wrappedLineCount(text, width, 10, false);
    expect(wrappedLineCount(text, width, 16, false)).toBeGreaterThan(regular);
    expect(wrappedLineCount(text, width, 10, true)).toBeGreaterThanOrEqual(regular);
  });
});
