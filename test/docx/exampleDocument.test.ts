/**
 * Golden test of the Word report on the bundled example: the document says what the ReportDoc
 * says (every heading at its level, every table cell in order, the summary paragraph), with the
 * same figures the xlsx report's grids hold, and carries its properties, language and marker.
 */
import path from "node:path";
import { formatNumber, formatPercent } from "../../src/core/format";
import { analyse, generateReport, type GeneratedReport } from "../../src/core/pipeline";
import { AMOUNT_FORMAT, INTEGER_FORMAT, SHARE_FORMAT } from "../../src/core/layout/formats";
import { reportSheets } from "../../src/core/layout/layout";
import { boardChapters, type Block, type ReportDoc } from "../../src/core/report/reportDoc";
import { valueText } from "../../src/core/report/valueText";
import { isTertialDocument, REPORT_DOCUMENT_PROPERTY } from "../../src/docx/documentMarker";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { isTertialReport } from "../../src/xlsx/render/reportMarker";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { docxParts, paragraphs, tableCells, tableRows } from "./documentXml";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

let report: GeneratedReport;
let doc: ReportDoc;
let bytes: Uint8Array;
let parts: Record<string, string>;
let body: string;

beforeAll(async () => {
  report = generateReport(analyse(await readSnapshotFromFile(EXAMPLE)));
  doc = report.doc;
  bytes = await reportDocumentBytes(doc);
  parts = await docxParts(bytes);
  body = parts["word/document.xml"];
});

/** The ReportDoc's chapters' headings as the document should have them: Word style and text. */
function expectedHeadings(): { style: string; text: string }[] {
  const titles = new Set<string>();
  return boardChapters(doc).flatMap((sheet) =>
    sheet.blocks.flatMap((b: Block) => {
      if (b.kind === "title") {
        if (titles.has(b.text)) return [];
        titles.add(b.text);
        return [{ style: "Title", text: b.text }];
      }
      if (b.kind === "heading") return [{ style: `Heading${b.level ?? 2}`, text: b.text }];
      if (b.kind === "text") return [{ style: `Heading${b.level ?? 2}`, text: b.heading }];
      if (b.kind === "paragraph" && b.style === "subtitle") {
        return [{ style: `Heading${b.level ?? 1}`, text: b.text }];
      }
      return [];
    })
  );
}

/** Every table and grid cell of the document's chapters in order, as Swedish text: headers, groups, cells. */
function expectedCells(): string[] {
  return boardChapters(doc).flatMap((sheet) =>
    sheet.blocks.flatMap((b) => {
      if (b.kind === "grid")
        return b.rows.flatMap((cells) => cells.map((c) => valueText(c, undefined)));
      if (b.kind !== "table") return [];
      return [
        ...b.columns.map((c) => c.header),
        ...b.rows.flatMap((row) =>
          row.kind === "group"
            ? [row.text]
            : row.cells.map((cell, i) => valueText(cell, b.columns[i]?.format))
        ),
      ];
    })
  );
}

const FORMATTERS: Record<string, (v: number) => string> = {
  [AMOUNT_FORMAT]: (v) => formatNumber(v, 1),
  [INTEGER_FORMAT]: (v) => formatNumber(v, 0),
  [SHARE_FORMAT]: (v) => formatPercent(v * 100),
};

describe("the example's Word report", () => {
  it("has every heading of the ReportDoc, in order, in Word's title and heading styles", () => {
    const found = paragraphs(body)
      .filter((p) => p.style !== null && /^(Title|Heading[123])$/.test(p.style))
      .map((p) => ({ style: p.style, text: p.text }));
    expect(found).toEqual(expectedHeadings());
    // The delårsrapport's chapters a version-1 workbook has, as Heading 1; the draft's checks last.
    expect(found.filter((h) => h.style === "Heading1").map((h) => h.text)).toEqual([
      "Sammanfattning",
      "Ekonomi",
      "Samlad riskbild",
      "Intern kontroll",
      "Kontrollresultat",
    ]);
    // One Sammanfattning: the economy's and the riskbild's moved into the first chapter.
    expect(found.filter((h) => h.text === "Sammanfattning")).toHaveLength(1);
    expect(found.filter((h) => h.style === "Title")).toHaveLength(1);
    // Under Samlad riskbild: a riskområde is a section (2), its risks are below it (3).
    expect(found).toContainEqual({
      style: "Heading2",
      text: "Riskområde: Gemensamt Äldre samt vård- och omsorg",
    });
    expect(found).toContainEqual({
      style: "Heading3",
      text: "R1 Brister i informationsöverföringen",
    });
    expect(found).toContainEqual({ style: "Heading2", text: "Resultaträkning" });
  });

  it("has every table cell of the ReportDoc, in order, with figures in Swedish format", () => {
    expect(tableCells(body)).toEqual(expectedCells());
  });

  it("shows the same figures as the xlsx report's grids, in the same order", () => {
    const gridFigures = reportSheets(doc).flatMap((grid) =>
      grid.rows.flatMap((row) =>
        row.flatMap((cell) =>
          cell !== null && typeof cell.value === "number" && cell.numFmt
            ? [FORMATTERS[cell.numFmt](cell.value)]
            : []
        )
      )
    );
    const figure = /^−?\d{1,3}(\u00a0\d{3})*(,\d+)?(\u00a0%)?$/;
    const documentFigures = tableCells(body).filter((text) => figure.test(text));
    expect(gridFigures.length).toBeGreaterThan(150);
    expect(documentFigures).toEqual(gridFigures);
    // Document 004's bottom line, with a real minus and a no-break space.
    expect(documentFigures).toContain("\u22121\u00a0092,4");
  });

  it("has the economy summary as a paragraph, and the draft banner", () => {
    const texts = paragraphs(body).map((p) => p.text);
    expect(texts).toContain(report.summary);
    // At the document's opening and at Kontrollresultat's; the page header says it on every page.
    const banners = paragraphs(body).filter((p) => p.style === "Utkast");
    expect(banners).toHaveLength(2);
    expect(banners[0].text).toMatch(/^UTKAST – arbetsboken har åtta fel/);
  });

  it("keeps a table's last row with a note right under it, and not where none follows", async () => {
    // The example year's T2 has notes under tables: "Källa: Kolada" and the RR/DR sentence.
    const year = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar", "T2.xlsx");
    const bytes = await reportDocumentBytes(
      generateReport(analyse(await readSnapshotFromFile(year))).doc
    );
    const xml = (await docxParts(bytes))["word/document.xml"];
    const tables = [
      ...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>(<w:p(?: [^>]*)?>.*?<\/w:p>|<w:p\/>)?/gs),
    ];
    const followed = tables.map((m) => ({
      note: paragraphs(m[2] ?? "")[0]?.style === "Anteckning",
      lastRowKeeps: tableRows(m[1]).at(-1)!.includes("<w:keepNext/>"),
    }));
    expect(followed.filter((t) => t.note)).toHaveLength(2);
    for (const t of followed.filter((f) => f.note)) expect(t.lastRowKeeps).toBe(true);
    expect(followed.some((t) => !t.note && !t.lastRowKeeps)).toBe(true);
  });

  it("repeats each table's header row and keeps short rows whole", () => {
    const rows = tableRows(body);
    const tables = [...body.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]);
    const dataTables = boardChapters(doc).flatMap((s) =>
      s.blocks.filter((b) => b.kind === "table")
    );
    expect(tables.filter((t) => t.includes("<w:tblHeader/>"))).toHaveLength(dataTables.length);
    expect(rows.filter((r) => r.includes("<w:cantSplit/>")).length).toBeGreaterThan(
      rows.length * 0.9
    );
  });

  it("colours negative deviations red and sets sum rows bold with a rule above", () => {
    const sum = tableRows(body).find((r) => r.includes(">Summa totalt (mnkr)<"))!;
    expect(sum).toContain('<w:top w:val="single"');
    expect(sum).toMatch(/<w:b\/>.*Summa totalt/s);
    // Its forecast deviation, −51,4, is red.
    expect(sum).toMatch(/<w:color w:val="C00000"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>−51,4<\/w:t>/s);
    // Amounts are right-aligned.
    expect(sum).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*−1\u00a0092,4/s);
  });

  it("prints Economy in landscape, the other chapters in portrait, all on A4", () => {
    // Chapters of one orientation share a section: Sammanfattning; Ekonomi; the rest.
    const sections = [...body.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sections.map((s) => /w:orient="landscape"/.test(s))).toEqual([false, true, false]);
    for (const s of sections) expect(s).toMatch(/w:w="(11906|16838)" w:h="(16838|11906)"/);
  });

  it("puts only Tertial's own PAGE and NUMPAGES fields in, and no hyperlink", () => {
    const all = Object.entries(parts).filter(([name]) => name.startsWith("word/"));
    const instructions = all.flatMap(([, xml]) =>
      [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1].trim())
    );
    expect(new Set(instructions)).toEqual(new Set(["PAGE", "NUMPAGES"]));
    for (const [, xml] of all) {
      expect(xml).not.toContain("<w:hyperlink");
      expect(xml).not.toContain("<w:fldSimple");
    }
    expect(body).not.toContain("instrText");
    const footer = Object.entries(parts).find(([name]) => /word\/footer\d*\.xml/.test(name))![1];
    expect(paragraphs(footer)[0].text).toBe("Sida  ()");
  });

  it("has a page header with the organisation, UTKAST (the example has fel) and the report", () => {
    const header = Object.entries(parts).find(([name]) => /word\/header\d*\.xml/.test(name))![1];
    expect(paragraphs(header)[0].text).toBe(
      "Vård- och omsorgsnämnden\tUTKAST\tDelårsrapport augusti 2024"
    );
  });

  it("sets the document's title, organisation, period and Swedish as its language", () => {
    expect(parts["docProps/core.xml"]).toContain(
      "<dc:title>Utkast: Vård- och omsorgsnämnden – Delårsrapport augusti 2024</dc:title>"
    );
    expect(parts["docProps/app.xml"]).toContain("<Company>Vård- och omsorgsnämnden</Company>");
    const custom = parts["docProps/custom.xml"];
    expect(custom).toMatch(/name="Organisation"><vt:lpwstr>Vård- och omsorgsnämnden</);
    expect(custom).toMatch(/name="Period"><vt:lpwstr>T2 2024</);
    expect(custom).toContain(`name="${REPORT_DOCUMENT_PROPERTY}"`);
    expect(parts["word/styles.xml"]).toMatch(/<w:docDefaults>.*<w:lang w:val="sv-SE"\/>/s);
  });

  it("spaces lines relative to the font (lineRule auto), so a wrapped title's lines never overlap", () => {
    // LibreOffice reads a w:line without w:lineRule as exact: the 18 pt title's two lines overlapped.
    const spacings = [...parts["word/styles.xml"].matchAll(/<w:spacing [^>]*w:line="[^>]*>/g)];
    expect(spacings.length).toBeGreaterThan(0);
    for (const [spacing] of spacings) expect(spacing).toContain('w:lineRule="auto"');
  });
});

describe("the document's marker", () => {
  it("recognises the document Tertial wrote, and nothing else", async () => {
    expect(await isTertialDocument(bytes)).toBe(true);
    expect(await isTertialDocument(await reportWorkbookBytes(doc))).toBe(false);
    expect(await isTertialReport(bytes)).toBe(false);
    expect(await isTertialDocument(new TextEncoder().encode("inte en zip"))).toBe(false);
  });

  it("no longer recognises it once its body was changed", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const edited = body.replace("Sammanfattning", "Sammanfattning, reviderad");
    zip.file("word/document.xml", edited);
    const saved = await zip.generateAsync({ type: "uint8array" });
    expect(await isTertialDocument(saved)).toBe(false);
  });
});
