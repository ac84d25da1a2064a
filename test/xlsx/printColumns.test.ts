/**
 * The xlsx report's tables as LibreOffice prints them, for the example year's T2 in mnkr and as an
 * ekonom pastes it from the ledger in tkr ("−1 114 200" in eleven columns): the column widths the
 * layout fitted to the content are in the file (read back by exceljs), no figure prints as ###,
 * no word of a header or a cell is broken inside the word ("Resultaträknin g"), every figure
 * prints whole, and
 * every sum row is printed on the page of the row above it. Read from the PDF's text, page by
 * page. Runs when `soffice`, `pdfinfo` and `pdftotext` are installed; otherwise it says loudly
 * that it was skipped.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { reportSheets } from "../../src/core/layout/layout";
import type { SheetGrid } from "../../src/core/layout/sheetGrid";
import { analyse, generateReport } from "../../src/core/pipeline";
import type { ReportDoc, TableBlock } from "../../src/core/report/reportDoc";
import { fileColumnWidth, sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { EXAMPLE_T2, exampleInUnit } from "../docx/exampleInUnit";
import {
  expectFiguresWhole,
  expectHeadersUnbroken,
  expectSumsOnPageOfRowAbove,
  printed,
  printedLines,
  tableRegions,
  type Line,
  type TableRegion,
} from "../helpers/printedTables";
import { missingPrintTools, printToPdf } from "../helpers/printToPdf";

/**
 * Figures as any locale prints them, the same: LibreOffice formats the number with the machine's
 * separators ("−1,114,200" or "−1 114 200", "−8.7%" or "−8,7 %"), so groups are joined, a
 * decimal is a comma and a percent sign follows the digits.
 */
const sameInAnyLocale = (text: string) =>
  printed(text)
    .replace(/(?<=\d)[ ,.](?=\d{3}(?!\d))/g, "")
    .replace(/(?<=\d)\.(?=\d(?!\d))/g, ",")
    .replace(/(?<=\d) %/g, "%");

/** The sheets a printed report holds: all of a draft's, else not the ekonom's working sheet. */
const printedTables = (doc: ReportDoc) =>
  doc.sheets
    .filter((sheet) => doc.draft !== null || !sheet.working)
    .flatMap((sheet) => sheet.blocks.filter((b): b is TableBlock => b.kind === "table"));

const NARROW_HEADERS = [
  "Periodbudget jan–aug 2024",
  "Avvikelse utfall mot periodbudget",
  "Prognos helår 2024",
  "Förändring sedan T1 2024",
];

/**
 * A nämnd of eleven billion kronor in tkr ("−11 114 200") in a table as wide as the page that
 * declares its figure columns five characters wide, with subtotals after groups of one to four rows: wherever a page
 * ends, a sum may open the next.
 */
function narrowTable(): ReportDoc {
  const rows: TableBlock["rows"][number][] = [];
  const figures = (base: number) =>
    NARROW_HEADERS.map((_, c) => ({ value: -(base * 1_037 + c * 11_000_000 + 114_200) }));
  for (let i = 1; i <= 60; i++) {
    for (let k = 0; k <= i % 4; k++) {
      rows.push({
        kind: "line",
        cells: [{ value: `Verksamhet ${i}${"abcd"[k]}` }, ...figures(i * 10 + k)],
      });
    }
    rows.push({ kind: "sum", cells: [{ value: `Summa ${i}` }, ...figures(i * 100)] });
  }
  return {
    draft: null,
    about: { title: "Delår", organisation: "Nämnden", report: "Delårsrapport", period: null },
    sheets: [
      {
        name: "Rapport Ekonomi",
        orientation: "portrait",
        width: 120,
        blocks: [
          {
            kind: "table",
            columns: [
              // As wide as the page at its scale: no filling out to the page widens the figures.
              { header: "Verksamhet (tkr)", width: 100 },
              ...NARROW_HEADERS.map((header) => ({
                header,
                width: 5,
                format: "wholeAmount" as const,
              })),
            ],
            rows,
          },
        ],
      },
    ],
  };
}

if (missingPrintTools.length > 0) {
  it(`skipped: ${missingPrintTools.join(", ")} not installed, so the xlsx report's columns were not checked in print`, () => {
    console.warn(
      `SKIPPED test/xlsx/printColumns.test.ts: install ${missingPrintTools.join(", ")} ` +
        "(LibreOffice Calc, poppler-utils) to check how the report's tables print."
    );
  });
} else {
  describe.each(["mnkr", "tkr", "narrow"] as const)(
    "the xlsx report (%s) printed by LibreOffice",
    (unit) => {
      let dir: string;
      let doc: ReportDoc;
      let grids: readonly SheetGrid[];
      let report: string;
      let lines: Line[];
      let regions: TableRegion[];

      beforeAll(async () => {
        dir = await fs.mkdtemp(path.join(os.tmpdir(), `tertial-xlsx-columns-${unit}-`));
        doc =
          unit === "narrow"
            ? narrowTable()
            : generateReport(
                analyse(
                  unit === "mnkr"
                    ? await readSnapshotFromFile(EXAMPLE_T2)
                    : await exampleInUnit(unit)
                )
              ).doc;
        grids = reportSheets(doc);
        report = path.join(dir, "rapport.xlsx");
        await fs.writeFile(report, await sheetGridsWorkbookBytes(grids));
        const pdf = printToPdf(report, dir, 60_000);
        lines = printedLines(pdf, "UTKAST");
        regions = tableRegions(printedTables(doc), lines, "copiedAtPageTop");
      }, 120_000);

      afterAll(async () => {
        await fs.rm(dir, { recursive: true, force: true });
      });

      it("writes the widths the layout fitted to the content, as exceljs reads them back", async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(report);
        for (const grid of grids) {
          const sheet = workbook.getWorksheet(grid.name)!;
          const read = grid.columnWidths.map((_, c) => sheet.getColumn(c + 1).width);
          expect([grid.name, read]).toEqual([grid.name, grid.columnWidths.map(fileColumnWidth)]);
        }
        const ledger = printedTables(doc)[0];
        expect(ledger.columns[0].header).toContain(`(${unit === "narrow" ? "tkr" : unit})`);
        expect(ledger.columns).toHaveLength(unit === "narrow" ? 5 : 11);
      });

      it("prints no figure as ###", () => {
        expect(lines.filter((l) => l.text.includes("###"))).toEqual([]);
      });

      it("breaks no table header inside a word", () => {
        expectHeadersUnbroken(regions);
      });

      it("breaks no word of a table's text inside the word", () => {
        let words = 0;
        for (const { table, lines: region } of regions) {
          // A line may break after a dash or a slash ("LSS-" above "boenden").
          const pieces = (text: string) => printed(text).split(/\s+|(?<=[-–/])/);
          const tokens = new Set(region.flatMap((l) => pieces(l.text)));
          const broken = table.rows
            .flatMap((row) =>
              row.kind === "group"
                ? []
                : row.cells.filter((c) => typeof c.value === "string").map((c) => String(c.value))
            )
            .flatMap(pieces)
            .filter((w) => w.length > 1 && (words++, !tokens.has(w)));
          expect([table.columns[0].header, broken]).toEqual([table.columns[0].header, []]);
        }
        expect(words).toBeGreaterThan(unit === "narrow" ? 200 : 1000);
      });

      it("prints every figure whole, on one line", () => {
        expect(expectFiguresWhole(regions, sameInAnyLocale)).toBeGreaterThan(200);
      });

      it("prints each sum row on the page of the row above it", () => {
        expect(expectSumsOnPageOfRowAbove(regions)).toBeGreaterThanOrEqual(8);
      });
    }
  );
}
