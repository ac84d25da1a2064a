/**
 * The Word report's tables as LibreOffice prints them, for the example year's T2 in mnkr and as
 * an ekonom pastes it from the ledger in tkr (figures like "−1 114 200,0" in eleven columns): no
 * header word is broken inside the word ("Periodbud get"), no figure wraps inside its cell, and
 * every sum row is printed on the page of the row above it, so "Summa kostnader" never opens a
 * page away from the rows it sums. Read from the PDF's text, page by page. Runs when `soffice`,
 * `pdfinfo` and `pdftotext` are installed; otherwise it says loudly that it was skipped.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyse, generateReport } from "../../src/core/pipeline";
import type { ReportDoc, TableBlock } from "../../src/core/report/reportDoc";
import { boardChapters } from "../../src/core/report/reportDoc";
import { valueText } from "../../src/core/report/valueText";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import {
  expectFiguresWhole,
  expectHeadersUnbroken,
  expectSumsOnPageOfRowAbove,
  printed,
  printedLines,
  tableRegions,
  type TableRegion,
} from "../helpers/printedTables";
import { missingPrintTools, printToPdf } from "../helpers/printToPdf";
import { EXAMPLE_T2, exampleInUnit } from "./exampleInUnit";
import { docxParts, tableCells, tableRows } from "./documentXml";
import { exampleWithLongComments } from "./exampleLongComments";

/** Words of the long comment, printed together: the comment is there. */
const LONG_WORDS = "bemanningen har varit";

/** The tables in the order the Word report prints them: its chapters'. */
const wordTables = (doc: ReportDoc) =>
  boardChapters(doc).flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === "table"));

/** Subtotals after groups of one to four rows: wherever a page ends, a sum may open the next. */
function subtotals(): ReportDoc {
  const rows: TableBlock["rows"][number][] = [];
  for (let i = 1; i <= 100; i++) {
    for (let k = 0; k <= i % 4; k++) {
      rows.push({
        kind: "line",
        cells: [{ value: `Verksamhet ${i}${"abcd"[k]}` }, { value: -k - i }],
      });
    }
    rows.push({ kind: "sum", cells: [{ value: `Summa ${i}` }, { value: -1000.5 * i }] });
  }
  return {
    draft: null,
    about: { title: "Delår", organisation: "Nämnden", report: "Delårsrapport", period: null },
    sheets: [
      {
        name: "Rapport Ekonomi",
        orientation: "portrait",
        width: 60,
        blocks: [
          {
            kind: "table",
            columns: [
              { header: "Verksamhet (tkr)", width: 40 },
              { header: "Prognos helår", width: 20, format: "amount" },
            ],
            rows,
          },
        ],
      },
    ],
  };
}

const units = ["mnkr", "tkr", "subtotals", "long comments"] as const;

if (missingPrintTools.length > 0) {
  it(`skipped: ${missingPrintTools.join(", ")} not installed, so the Word report's tables were not checked in print`, () => {
    console.warn(
      `SKIPPED test/docx/printTables.test.ts: install ${missingPrintTools.join(", ")} ` +
        "(libreoffice-writer-nogui, poppler-utils) to check how the Word report's tables print."
    );
  });
} else {
  describe.each(units)("the Word report (%s) printed by LibreOffice", (unit) => {
    let dir: string;
    let doc: ReportDoc;
    let regions: TableRegion[];

    let documentXml: string;

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), `tertial-docx-tables-${unit}-`));
      const snapshot = async () =>
        unit === "mnkr"
          ? readSnapshotFromFile(EXAMPLE_T2)
          : unit === "long comments"
            ? exampleWithLongComments()
            : exampleInUnit(unit as "tkr");
      doc = unit === "subtotals" ? subtotals() : generateReport(analyse(await snapshot())).doc;
      const report = path.join(dir, "rapport.docx");
      const bytes = await reportDocumentBytes(doc);
      documentXml = (await docxParts(bytes))["word/document.xml"];
      await fs.writeFile(report, bytes);
      const pdf = printToPdf(report, dir, 90_000);
      const header = `${doc.about.organisation} ${doc.about.report}`;
      regions = tableRegions(wordTables(doc), printedLines(pdf, header), "wrapsOverLines");
    }, 150_000);

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    (unit === "subtotals" || unit === "long comments" ? it.skip : it)(
      "prints the amounts in the workbook's unit",
      () => {
        // The Ekonomi chapter's first table, after Uppföljning av mål's indicator tables.
        const ledger = regions.map((r) => r.table).find((t) => t.columns[0].header.includes("("))!;
        expect(ledger.columns[0].header).toContain(`(${unit})`);
        // The ledger's eleven columns: the widest table the report has.
        expect(ledger.columns.length).toBe(11);
      }
    );

    (unit === "long comments" ? it : it.skip)(
      "prints every word of Åtgärd and Kontroll whole beside comments with a web address",
      () => {
        let checked = 0;
        // Words as printed anywhere: a word broken in its cell prints as two pieces.
        const tokens = new Set(
          regions.flatMap(({ lines }) => lines.flatMap((l) => l.text.split(/\s+/)))
        );
        for (const { table } of regions) {
          table.columns.forEach((column, c) => {
            if (column.header !== "Åtgärd" && column.header !== "Kontroll") return;
            const broken = table.rows.flatMap((row) =>
              row.kind === "group"
                ? []
                : printed(valueText(row.cells[c], column.format))
                    .split(/\s+/)
                    .filter((word) => word.length > 1 && !tokens.has(word))
            );
            checked++;
            expect([column.header, broken]).toEqual([column.header, []]);
          });
        }
        // Samlad riskbild's åtgärder tables and Intern kontroll's.
        expect(checked).toBeGreaterThanOrEqual(2);
        expect(regions.some(({ lines }) => lines.some((l) => l.text.includes(LONG_WORDS)))).toBe(
          true
        );
      }
    );

    (unit === "long comments" ? it : it.skip)(
      "gives a comment at most 45 % of its table and keeps the table's text at 9 pt",
      () => {
        // Samlad riskbild's åtgärder and Intern kontroll's tables, whose comments are long.
        const withComments = documentXml
          .split("<w:tbl>")
          .slice(1)
          .filter((t) => /<w:t [^>]*>(Åtgärd|Kontroll)<\/w:t>/.test(tableRows(t)[0]));
        expect(withComments.length).toBeGreaterThanOrEqual(3);
        for (const table of withComments) {
          const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
          const headers = tableCells(tableRows(table)[0]);
          const comment = headers.findIndex((h) => h.startsWith("Kommentar"));
          const total = widths.reduce((a, b) => a + b, 0);
          expect([headers[0], widths[comment] <= total * 0.45]).toEqual([headers[0], true]);
          // A web address in the comment no longer shrinks the whole table to Tabelltext liten.
          expect([headers[0], table.includes("TabelltextLiten")]).toEqual([headers[0], false]);
        }
      }
    );

    it("breaks no table header inside a word", () => {
      expectHeadersUnbroken(regions);
    });

    it("prints every figure whole, on one line", () => {
      expect(expectFiguresWhole(regions, printed)).toBeGreaterThan(200);
    });

    it("prints each sum row on the page of the row above it", () => {
      expect(expectSumsOnPageOfRowAbove(regions)).toBeGreaterThanOrEqual(8);
    });
  });
}
