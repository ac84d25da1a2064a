import { layoutSheet, MAX_ROW_HEIGHT, PAGE_FOOTER } from "../../../src/core/report/layout";
import { MAX_PRINT_SCALE, REPORT_MARGINS } from "../../../src/core/report/pages";
import type { ReportSheet } from "../../../src/core/report/reportDoc";
import { columnPixels, wrappedLineCount } from "../../../src/core/report/textMetrics";

const sheet = (blocks: ReportSheet["blocks"]): ReportSheet => ({
  name: "Rapport Test",
  orientation: "landscape",
  columnWidths: [30, 12, 12, 40],
  blocks,
});

describe("layoutSheet", () => {
  it("places titles, headings and paragraphs across all columns as merged rows", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "Nämnden – Delårsrapport augusti 2024" },
        { kind: "heading", text: "Sammanfattning" },
        { kind: "paragraph", text: "Text.", style: "note" },
        { kind: "spacer" },
      ])
    );
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows.map((r) => r[0]?.style ?? null)).toEqual(["title", "heading", "note", null]);
    expect(grid.merges).toEqual([1, 2, 3].map((row) => ({ row, col: 1, rowSpan: 1, colSpan: 4 })));
    expect(grid.rows.every((r) => r.length === 4)).toBe(true);
  });

  it("lays a table out cell by cell, with spans, default styles and a repeated header", () => {
    const grid = layoutSheet(
      sheet([
        { kind: "title", text: "T" },
        {
          kind: "table",
          header: [
            { value: "Post" },
            { value: "Belopp", style: "table.header.number" },
            { value: "Kommentar", span: 2 },
          ],
          rows: [
            [
              { value: "Personal" },
              { value: -66.4, numFmt: "#,##0.0", style: "table.number" },
              { value: "- text", span: 2 },
            ],
          ],
          repeatHeader: true,
        },
        { kind: "table", header: [{ value: "Annan" }], rows: [], repeatHeader: true },
      ])
    );
    expect(grid.rows[1]).toEqual([
      { value: "Post", style: "table.header" },
      { value: "Belopp", style: "table.header.number" },
      { value: "Kommentar", style: "table.header" },
      // Covered by the merge: styled like it, so the header's fill and border span both columns.
      { value: null, style: "table.header" },
    ]);
    expect(grid.rows[2][1]).toEqual({ value: -66.4, numFmt: "#,##0.0", style: "table.number" });
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

  it("refuses a row wider than the sheet (a bug in a sheet builder)", () => {
    expect(() =>
      layoutSheet(sheet([{ kind: "grid", rows: [[{ value: 1, span: 4 }, { value: 2 }]] }]))
    ).toThrow(/more cells than/);
  });

  const comment = "Kartläggningen är ännu inte påbörjad men uppdragsbeskrivning har beslutats.";

  it("gives long wrapped texts taller rows, keeping the text exactly", () => {
    const text = `${comment}  ${comment}\n- ${comment}`;
    const grid = layoutSheet(
      sheet([
        {
          kind: "grid",
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
          header: [{ value: "Status" }, { value: "Kommentar", span: 3 }],
          rows: [
            [
              { value: "► Pågående", style: "status.pagaende" },
              { value: paragraphs.join("\n"), span: 3 },
            ],
          ],
        },
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
        { kind: "grid", rows: [[{ value: "R1" }]], minRowHeight: 30.1 },
      ])
    );
    for (const height of grid.rowHeights) expect(((height ?? 0) / 0.75) % 1).toBe(0);
  });

  it("honours a grid's minimum row height", () => {
    const grid = layoutSheet(
      sheet([{ kind: "grid", rows: [[{ value: "R1" }]], minRowHeight: 30 }])
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
