/**
 * The example's report as LibreOffice prints it: the .xlsx written by the exceljs host is
 * converted to PDF, and its pages are checked as a reader turns them. LibreOffice must print the
 * pages the layout computed (no page of its own in between), each starting with a heading or a
 * table's header. Runs when `soffice`, `pdfinfo` and `pdftotext` are installed; otherwise it says
 * loudly that it was skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { analyse, generateReport } from "../../src/core/pipeline";
import type { SheetGrid, StyleName } from "../../src/core/report/reportDoc";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
/** Each tool and how it says its version (poppler's tools take `-v`). */
const TOOLS = [
  ["soffice", "--version"],
  ["pdfinfo", "-v"],
  ["pdftotext", "-v"],
] as const;

const missing = TOOLS.filter(
  ([tool, flag]) => spawnSync(tool, [flag], { stdio: "ignore" }).status !== 0
).map(([tool]) => tool);

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

/** The page's text lines, without blank lines and the footer ("Sida 3 (12)"). */
function pageLines(pdf: string, page: number): string[] {
  const text = execFileSync(
    "pdftotext",
    ["-f", String(page), "-l", String(page), "-layout", pdf, "-"],
    { encoding: "utf8" }
  );
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^Sida \d+ \(\d+\)$/.test(line));
}

if (missing.length > 0) {
  it(`skipped: ${missing.join(", ")} not installed, so the printed report was not checked`, () => {
    console.warn(
      `SKIPPED test/xlsx/print.test.ts: install ${missing.join(", ")} (LibreOffice, poppler-utils) ` +
        "to check how the report prints."
    );
  });
} else {
  describe("the example's report printed by LibreOffice", () => {
    let dir: string;
    let grids: readonly SheetGrid[];
    let pdf: string;

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-print-"));
      grids = generateReport(analyse(await readSnapshotFromFile(EXAMPLE))).sheets;
      const report = path.join(dir, "rapport.xlsx");
      await fs.writeFile(report, await reportWorkbookBytes(grids));
      // A private profile, so that parallel runs and a user's open LibreOffice do not clash.
      const profile = pathToFileURL(path.join(dir, "profil")).href;
      const convert = () =>
        execFileSync(
          "soffice",
          [
            `-env:UserInstallation=${profile}`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            report,
          ],
          { stdio: "ignore", timeout: 30_000 }
        );
      pdf = path.join(dir, "rapport.pdf");
      convert();
      // LibreOffice's first start on a new profile now and then ends before converting.
      if (!existsSync(pdf)) convert();
    }, 70_000);

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("prints exactly the pages the layout computed, no more", () => {
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const printed = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      const computed = grids.reduce((sum, g) => sum + g.print.breaksBefore.length + 1, 0);
      expect(printed).toBe(computed);
      // A board document: the example's four sheets on ten A4 pages at most.
      expect(printed).toBeLessThanOrEqual(10);
      // Every report sheet with a long table runs over more than one page.
      expect(computed).toBeGreaterThan(grids.length);
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
          expect(pageLines(pdf, page)[0]).toMatch(
            new RegExp(`^${escape(firstWord(grid, opening))}`)
          );
          if (i < ends.length - 1) expect(OPENING).not.toContain(firstStyle(grid, ends[i]));
        });
      }
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
