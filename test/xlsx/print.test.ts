/**
 * The example's report as LibreOffice prints it: the .xlsx written by the exceljs host is
 * converted to PDF, and its pages are checked as a reader turns them. LibreOffice must print the
 * pages the layout computed (no page of its own in between), each starting with a heading or a
 * table's header. Runs when `soffice`, `pdfinfo` and `pdftotext` are installed; otherwise it says
 * loudly that it was skipped.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyse, generateReport } from "../../src/core/pipeline";
import { reportSheets } from "../../src/core/layout/layout";
import type { SheetGrid } from "../../src/core/layout/sheetGrid";
import type { StyleName } from "../../src/core/layout/styles";
import { sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { makeSnapshot } from "../helpers/snapshot";
import { missingPrintTools, pageLines, pdfPageCount, printToPdf } from "../helpers/printToPdf";

const TEMPLATES = path.join(__dirname, "..", "..", "templates");
const EXAMPLE = path.join(TEMPLATES, "exempel-2024-T2.xlsx");
/** The verksamhetsberättelse: Rapport Ekonomi with the outcome, T2's forecast and Prognossäkerhet. */
const EXAMPLE_HELAR = path.join(TEMPLATES, "exempel-2024-ar", "Helår.xlsx");
/** Each tool and how it says its version (poppler's tools take `-v`). */
/**
 * Rows a page may start with: a heading, a table's header (its own or a repeated copy), or the
 * draft banner at the top of a sheet while the workbook has fel.
 */
const OPENING: readonly StyleName[] = [
  "utkast",
  "title",
  "subtitle",
  "heading",
  "table.header",
  "table.header.number",
];

const firstStyle = (grid: SheetGrid, row: number) =>
  grid.rows[row - 1].find((c) => c !== null)?.style;

/** The first word a row prints: its first cell with text. */
function firstWord(grid: SheetGrid, row: number): string {
  const cell = grid.rows[row - 1].find((c) => c !== null && c.value !== null);
  return String(cell?.value ?? "").split(/\s+/)[0];
}

if (missingPrintTools.length > 0) {
  it(`skipped: ${missingPrintTools.join(", ")} not installed, so the printed report was not checked`, () => {
    console.warn(
      `SKIPPED test/xlsx/print.test.ts: install ${missingPrintTools.join(", ")} (LibreOffice, poppler-utils) ` +
        "to check how the report prints."
    );
  });
} else {
  // The example has fel (a draft); the example year's Helår has none (the nämnd's final report).
  describe.each([
    ["the example", EXAMPLE, true],
    ["the example year's Helår", EXAMPLE_HELAR, false],
  ])("%s's report printed by LibreOffice", (_name, example, isDraft) => {
    let dir: string;
    /** The sheets printed: a final report hides its working sheet (Kontrollresultat). */
    let grids: readonly SheetGrid[];
    let draft: boolean;
    let pdf: string;

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-print-"));
      const { doc } = generateReport(analyse(await readSnapshotFromFile(example)));
      draft = doc.draft !== null;
      const all = reportSheets(doc);
      grids = all.filter((g) => !g.working);
      const report = path.join(dir, "rapport.xlsx");
      await fs.writeFile(report, await sheetGridsWorkbookBytes(all));
      pdf = printToPdf(report, dir, 30_000);
    }, 70_000);

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("prints exactly the pages the layout computed, no more", () => {
      const printed = pdfPageCount(pdf);
      const computed = grids.reduce((sum, g) => sum + g.print.breaksBefore.length + 1, 0);
      expect(printed).toBe(computed);
      // A board document: the example's sheets on twelve A4 pages at most.
      expect(printed).toBeLessThanOrEqual(12);
      // Every report sheet with a long table runs over more than one page.
      expect(computed).toBeGreaterThan(grids.length);
    });

    it("says UTKAST in the page header of every page of a draft, and on no page of a final report", () => {
      expect(draft).toBe(isDraft);
      const pages = pdfPageCount(pdf);
      const marked = Array.from({ length: pages }, (_, i) => i + 1).filter(
        (page) => pageLines(pdf, page)[0] === "UTKAST"
      );
      expect(marked).toHaveLength(isDraft ? pages : 0);
    });

    it("starts every page with a heading or a table's header, and ends none with one", () => {
      let page = 0;
      for (const grid of grids) {
        const title = grid.print.repeatRows;
        const starts = [1, ...grid.print.breaksBefore];
        const ends = [...grid.print.breaksBefore.map((b) => b - 1), grid.rows.length];
        starts.forEach((first, i) => {
          page++;
          // The host repeats the print title above a page that starts after it.
          const opening = title && first > title.last ? title.first : first;
          expect(OPENING).toContain(firstStyle(grid, opening));
          expect(pageLines(pdf, page, draft ? "UTKAST" : undefined)[0]).toMatch(
            new RegExp(`^${escape(firstWord(grid, opening))}`)
          );
          if (i < ends.length - 1) expect(OPENING).not.toContain(firstStyle(grid, ends[i]));
        });
      }
    });
  });
}

if (missingPrintTools.length === 0) {
  describe("a final report printed by LibreOffice", () => {
    it("prints the nämnd's sheets only, without UTKAST and without Kontrollresultat", async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-print-final-"));
      try {
        const budget = { "Budget helår": -64.1, "Utfall period": -42.7, "Prognos helår": -64.1 };
        const snapshot = makeSnapshot({
          incomeStatement: [{ Post: "Lokalhyror", Typ: "Kostnad", ...budget }],
          operatingStatement: [{ Verksamhet: "Hemtjänst", ...budget }],
        });
        const { doc } = generateReport(
          analyse(snapshot, { today: new Date(Date.UTC(2024, 8, 20)) })
        );
        expect(doc.draft).toBeNull();
        const grids = reportSheets(doc);
        expect(grids.map((g) => g.name)).toContain("Kontrollresultat");
        const report = path.join(dir, "rapport.xlsx");
        await fs.writeFile(report, await sheetGridsWorkbookBytes(grids));
        const pdf = printToPdf(report, dir, 30_000);
        const printed = grids.filter((g) => g.name !== "Kontrollresultat");
        const computed = printed.reduce((sum, g) => sum + g.print.breaksBefore.length + 1, 0);
        expect(pdfPageCount(pdf)).toBe(computed);
        const text = Array.from({ length: computed }, (_, i) => pageLines(pdf, i + 1).join("\n"));
        expect(text.join("\n")).not.toMatch(/Kontrollresultat|UTKAST/);
        expect(text[0]).toMatch(/Uppföljning ekonomi/);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    }, 70_000);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
