/**
 * The example's Word report as LibreOffice prints it: the .docx is converted to PDF and its pages
 * are read as a reader turns them. LibreOffice must open it without complaint, every chapter is
 * printed in order (one that changes the orientation from the top of a page), every heading has
 * content after it on its page, and no table's header row stands
 * alone at a page's foot. Runs when `soffice`, `pdfinfo` and `pdftotext` are installed; otherwise
 * it says loudly that it was skipped.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyse, generateReport } from "../../src/core/pipeline";
import { boardChapters, type Block, type ReportDoc } from "../../src/core/report/reportDoc";
import { valueText } from "../../src/core/report/valueText";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { missingPrintTools, pageLines, pdfPageCount, printToPdf } from "../helpers/printToPdf";
import { v3Workbook } from "./v3Workbook";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A heading's first printed line: the whole text, or its start when it may wrap. */
const headingLine = (text: string) => (line: string) =>
  line === text || (text.length > 35 && line.startsWith(text.slice(0, 30)));

/**
 * A table header's printed line: its first column's header, or the start of it when it wraps,
 * then the other columns' headers after a gap.
 */
const headerLine = (first: string) => {
  const words = first.split(" ");
  const starts = words.map((_, k) => escape(words.slice(0, k + 1).join(" ")));
  const pattern = new RegExp(`^(${starts.join("|")})(\\s{2,}|$)`);
  return (line: string) => pattern.test(line);
};

type Table = Extract<Block, { kind: "table" }>;

/** The start of a table's first row as printed: its first cell's first 25 characters. */
function rowLabel(table: Table): string {
  const row = table.rows[0];
  const text = row.kind === "group" ? row.text : valueText(row.cells[0], table.columns[0].format);
  return text.slice(0, 25).trimEnd();
}

function firstWordOfFirstRow(table: Table): string {
  const row = table.rows[0];
  const text = row.kind === "group" ? row.text : valueText(row.cells[0], table.columns[0].format);
  return text.split(/\s/).find((w) => w.length > 1) ?? text;
}

if (missingPrintTools.length > 0) {
  it(`skipped: ${missingPrintTools.join(", ")} not installed, so the printed Word report was not checked`, () => {
    console.warn(
      `SKIPPED test/docx/print.test.ts: install ${missingPrintTools.join(", ")} (libreoffice-writer-nogui, ` +
        "poppler-utils) to check how the Word report prints."
    );
  });
} else {
  describe.each([
    {
      name: "the example's",
      load: () => readSnapshotFromFile(EXAMPLE),
      // Sammanfattning, Ekonomi in landscape, then Samlad riskbild, Intern kontroll and
      // Kontrollresultat in portrait, one after the other.
      opensPage: ["Ekonomi", "Samlad riskbild"],
      pageCount: [6, 20],
    },
    {
      name: "a v3 workbook's (texts, mål, indicators)",
      load: () => v3Workbook("T2.xlsx"),
      // Sammanfattning to Uppföljning av mål; Ekonomi in landscape; Personal to the end.
      opensPage: ["Ekonomi", "Personal"],
      pageCount: [8, 26],
    },
  ])("$name Word report printed by LibreOffice", ({ load, opensPage, pageCount }) => {
    let dir: string;
    let doc: ReportDoc;
    let pdf: string;
    let pages: string[][];

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-docx-print-"));
      doc = generateReport(analyse(await load())).doc;
      const report = path.join(dir, "rapport.docx");
      await fs.writeFile(report, await reportDocumentBytes(doc));
      pdf = printToPdf(report, dir, 60_000);
      const count = pdfPageCount(pdf);
      const header = `${doc.about.organisation} ${doc.about.report}`;
      pages = Array.from({ length: count }, (_, i) => pageLines(pdf, i + 1, header));
    }, 130_000);

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("says UTKAST on every page of the draft, in its page header, not only at chapter starts", () => {
      expect(doc.draft).not.toBeNull();
      const withoutMark = pages
        .map((lines, i) => ({ page: i + 1, header: lines[0] ?? "" }))
        .filter(({ header }) => !/^Vård- och omsorgsnämnden\s+UTKAST\s+Delårsrapport/.test(header));
      expect(withoutMark).toEqual([]);
    });

    it("prints every chapter, one that turns the page to landscape or back from the top of a page", () => {
      expect(pages.length).toBeGreaterThanOrEqual(pageCount[0]);
      expect(pages.length).toBeLessThanOrEqual(pageCount[1]);
      // The first page opens with the draft banner and the title.
      expect(pages[0].some(headingLine("Sammanfattning"))).toBe(true);
      for (const chapter of opensPage) {
        const opening = pages.findIndex((lines) => lines.slice(0, 4).some(headingLine(chapter)));
        expect([chapter, opening > 0]).toEqual([chapter, true]);
      }
    });

    /**
     * Walks the printed pages in the blocks' order: each heading and each table's header is found
     * after the one before (so a header Word repeats on a continuation page is passed over).
     */
    function walk(visit: (block: Block, lines: readonly string[], after: number) => void): void {
      let page = 0;
      let line = 0;
      for (const block of boardChapters(doc).flatMap((s) => s.blocks)) {
        const is =
          block.kind === "heading" || (block.kind === "paragraph" && block.style === "subtitle")
            ? headingLine(block.text)
            : block.kind === "table"
              ? headerLine(block.columns[0].header)
              : null;
        if (is === null) continue;
        while (page < pages.length && !pages[page].slice(line).some(is)) {
          page++;
          line = 0;
        }
        expect([block, page < pages.length]).toEqual([block, true]);
        line += pages[page].slice(line).findIndex(is) + 1;
        visit(block, pages[page], line);
      }
    }

    it("follows every heading with content on the same page", () => {
      let headings = 0;
      walk((block, lines, after) => {
        if (block.kind === "table") return;
        headings++;
        // Something of the chapter follows on the same page: the heading does not end it.
        expect([block, after < lines.length]).toEqual([block, true]);
      });
      expect(headings).toBeGreaterThan(20);
    });

    it("prints each indicator table whole, on one page", () => {
      let tables = 0;
      walk((block, lines, after) => {
        if (block.kind !== "table" || block.columns[0].header !== "Indikator") return;
        tables++;
        const names = block.rows.map((row) => firstWordOfFirstRow({ ...block, rows: [row] }));
        const printed = lines.slice(after);
        expect(names.filter((n) => !printed.some((l) => l.includes(n)))).toEqual([]);
      });
      const expected = boardChapters(doc)
        .flatMap((c) => c.blocks)
        .filter((b) => b.kind === "table" && b.columns[0].header === "Indikator").length;
      expect(tables).toBe(expected);
    });

    it("never leaves a table's header row at the foot of a page", () => {
      const tables = boardChapters(doc).flatMap((s) =>
        s.blocks.filter((b): b is Table => b.kind === "table")
      );
      walk((block, lines, after) => {
        if (block.kind !== "table") return;
        // The table's first row is printed below its header, on the same page.
        const first = firstWordOfFirstRow(block);
        const below = lines.slice(after).some((l) => l.includes(first));
        expect([block.columns[0].header, first, below]).toEqual([
          block.columns[0].header,
          first,
          true,
        ]);
      });
      // And no page ends with any table's header (a repeated one included).
      for (const lines of pages) {
        const last = lines.at(-1) ?? "";
        for (const table of tables)
          expect([last, headerLine(table.columns[0].header)(last)]).toEqual([last, false]);
      }
    });
  });
}

/**
 * The example year's T2 (template v3: Rapporttext, Mål, Indikatorer) as the nämnd's Word document
 * prints it. Checked page by page, independent of the chapters' order: no page ends with a
 * heading (its text or table follows on its page), each mål's heading and bedömning stand on the
 * page of its analys and indicators, and each indicator table stands whole on one page, header
 * and every row, the same table under its mål and again in Personal each whole.
 */
const YEAR_T2 = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar", "T2.xlsx");

if (missingPrintTools.length === 0) {
  describe("the example year's T2 (v3) Word report printed by LibreOffice", () => {
    let dir: string;
    let doc: ReportDoc;
    let pages: string[][];

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-docx-print-v3-"));
      doc = generateReport(analyse(await readSnapshotFromFile(YEAR_T2))).doc;
      const report = path.join(dir, "rapport.docx");
      await fs.writeFile(report, await reportDocumentBytes(doc));
      const pdf = printToPdf(report, dir, 60_000);
      const header = `${doc.about.organisation} ${doc.about.report}`;
      pages = Array.from({ length: pdfPageCount(pdf) }, (_, i) => pageLines(pdf, i + 1, header));
    }, 130_000);

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    const blocks = () => boardChapters(doc).flatMap((s) => s.blocks);
    const headings = () =>
      blocks().flatMap((b) =>
        b.kind === "heading" || (b.kind === "paragraph" && b.style === "subtitle") ? [b.text] : []
      );

    it("prints the whole delårsrapport on a board document's pages", () => {
      for (const chapter of ["Uppföljning av mål", "Personal", "Förväntad utveckling"])
        expect(headings()).toContain(chapter);
      expect(pages.length).toBeGreaterThanOrEqual(10);
      expect(pages.length).toBeLessThanOrEqual(24);
      // Every heading is printed: a page holds it.
      for (const text of headings())
        expect([text, pages.some((lines) => lines.some(headingLine(text)))]).toEqual([text, true]);
    });

    it("never ends a page with a heading: what follows it is on its page", () => {
      const isHeading = headings().map(headingLine);
      const stranded = pages.flatMap((lines, i) => {
        const last = lines.at(-1) ?? "";
        return isHeading.some((is) => is(last)) ? [{ page: i + 1, last }] : [];
      });
      expect(stranded).toEqual([]);
    });

    /**
     * A mål reads as one block: its heading, Målnivå and Bedömning, the first line of its analys
     * and, when it has indicators, their table's first row, on one page (M3.1's heading and
     * bedömning once stood at a page's foot, its analys and table on the next). Checked for every
     * mål whose block fits a page: an analys of up to 1,500 characters, some 20 lines.
     */
    it("keeps each mål's heading and bedömning on the page of its analys and indicators", () => {
      const chapter = boardChapters(doc).find((c) => c.name === "Uppföljning av mål")!;
      const goals = chapter.blocks.flatMap((b, i) => {
        if (b.kind !== "heading" || b.level !== 2) return [];
        const next = chapter.blocks.slice(i + 1);
        const end = next.findIndex((n) => n.kind === "heading");
        const own = end < 0 ? next : next.slice(0, end);
        const analys = own.flatMap((n) =>
          n.kind === "paragraph" && n.style === undefined ? [n.text] : []
        );
        const table = own.find((n): n is Table => n.kind === "table");
        return [{ heading: b.text, analys, table }];
      });
      const fitting = goals.filter((g) => g.analys.join("").length <= 1500);
      // The example's mål (eleven, seven with indicators) all fit.
      expect(fitting.length).toBeGreaterThanOrEqual(10);
      expect(fitting.filter((g) => g.table).length).toBeGreaterThanOrEqual(6);
      const apart = fitting.flatMap(({ heading, analys, table }) => {
        const page = pages.find((lines) => lines.some(headingLine(heading))) ?? [];
        const below = page.slice(page.findIndex(headingLine(heading)) + 1);
        const wanted = [
          { what: "Bedömning", is: (l: string) => /^Bedömning\s/.test(l) },
          ...(analys.length > 0
            ? [
                {
                  what: analys[0].slice(0, 30),
                  is: (l: string) => l.startsWith(analys[0].slice(0, 30)),
                },
              ]
            : []),
          ...(table
            ? [{ what: rowLabel(table), is: (l: string) => l.startsWith(rowLabel(table)) }]
            : []),
        ];
        return wanted.filter(({ is }) => !below.some(is)).map(({ what }) => ({ heading, what }));
      });
      expect(apart).toEqual([]);
    });

    /**
     * A risk reads as one block: its heading and details on the page of its åtgärder table's
     * first row (R1's details once stood at a page's foot, its åtgärder on the next). The first
     * row is found below the heading, before the next risk's heading: its status's first line
     * and its Åtgärd's first word on one printed line.
     */
    it("keeps each risk's heading and details on the page of its åtgärder's first row", () => {
      const chapter = boardChapters(doc).find((c) => c.name === "Samlad riskbild")!;
      const risks = chapter.blocks.flatMap((b, i) => {
        const [grid, table] = chapter.blocks.slice(i + 1, i + 3);
        return b.kind === "heading" && grid?.kind === "grid" && table?.kind === "table"
          ? [{ heading: b.text, table }]
          : [];
      });
      // The example's five risks all have åtgärder.
      expect(risks.length).toBeGreaterThanOrEqual(5);
      const isRisk = risks.map(({ heading }) => headingLine(heading));
      const apart = risks.flatMap(({ heading, table }) => {
        const page = pages.find((lines) => lines.some(headingLine(heading))) ?? [];
        const below = page.slice(page.findIndex(headingLine(heading)) + 1);
        const end = below.findIndex((l) => isRisk.some((is) => is(l)));
        const own = end < 0 ? below : below.slice(0, end);
        const [status, action] = table.rows[0].kind === "group" ? [] : table.rows[0].cells;
        const statusLine = String(status?.value ?? "").split("\n")[0];
        const actionWord = String(action?.value ?? "").split(/\s/)[0];
        const first = (l: string) =>
          l.startsWith(statusLine) && l.slice(statusLine.length).trimStart().startsWith(actionWord);
        return own.some(first) ? [] : [{ heading, first: `${statusLine} ${actionWord}` }];
      });
      expect(apart).toEqual([]);
    });

    it("prints each indicator table whole on one page, header and every row", () => {
      const indicatorTables = blocks().filter(
        (b): b is Table => b.kind === "table" && b.columns[0].header === "Indikator"
      );
      // Mål, Personal and Kolada-sourced indicators, one of them in two tables.
      expect(indicatorTables.length).toBeGreaterThanOrEqual(8);
      const isHeader = headerLine("Indikator");
      /** Where an indicator table's header is printed: the page and the lines below it. */
      const printed = pages.flatMap((lines, page) =>
        lines.flatMap((line, i) => (isHeader(line) ? [{ page, below: lines.slice(i + 1) }] : []))
      );
      const used = new Set<number>();
      for (const table of indicatorTables) {
        const labels = table.rows.map((row) =>
          row.kind === "group" ? row.text : valueText(row.cells[0], table.columns[0].format)
        );
        // The first unused printing whose next lines open with the rows, in order, on its page.
        const found = printed.findIndex(
          ({ below }, k) =>
            !used.has(k) &&
            labels.every((label, r) => below[r]?.startsWith(label.slice(0, 25).trimEnd()))
        );
        expect([labels, found >= 0]).toEqual([labels, true]);
        used.add(found);
      }
    });
  });
}
