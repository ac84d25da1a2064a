/**
 * The two block kinds no report uses yet: a free-text chapter (heading + paragraphs) and a chart
 * of a table's figures. Each renderer handles both: the text chapter as wrapped rows (xlsx), a
 * heading and paragraphs (Word) and lines (plain text); the chart is not drawn yet, and no renderer
 * writes a placeholder for it, but every renderer refuses a chart whose table reference dangles.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { layoutSheet } from "../../../src/core/layout/layout";
import { plainText } from "../../../src/core/report/plainText";
import {
  textParagraphs,
  type Block,
  type ChartBlock,
  type ReportDoc,
  type ReportSheet,
} from "../../../src/core/report/reportDoc";
import { reportDocumentBytes } from "../../../src/docx/wordReport";
import { reportWorkbookBytes } from "../../../src/xlsx/render/renderSheetGrid";
import { docxParts, paragraphs } from "../../docx/documentXml";

const EVENTS =
  "Nämnden har beslutat om en ny organisation för hemtjänsten.\r\n\r\n" +
  "  Rekryteringen av sjuksköterskor har gått bättre än väntat, och inhyrd personal har minskat " +
  "med en tredjedel sedan årsskiftet. Kostnaden för bemanningsföretag väntas bli 4,2 mnkr lägre " +
  "än budgeterat för helåret.  \n" +
  "Ett nytt särskilt boende öppnar i oktober.";
const PARAGRAPHS = [
  "Nämnden har beslutat om en ny organisation för hemtjänsten.",
  "Rekryteringen av sjuksköterskor har gått bättre än väntat, och inhyrd personal har minskat " +
    "med en tredjedel sedan årsskiftet. Kostnaden för bemanningsföretag väntas bli 4,2 mnkr lägre " +
    "än budgeterat för helåret.",
  "Ett nytt särskilt boende öppnar i oktober.",
];

const CHART: ChartBlock = {
  kind: "chart",
  title: "Budget och prognos per verksamhet",
  chartType: "bar",
  table: "drift",
  categories: 0,
  series: [1, 2],
};

const DRIFT: Block = {
  kind: "table",
  id: "drift",
  columns: [
    { header: "Verksamhet", width: 30 },
    { header: "Budget", width: 12, format: "amount" },
    { header: "Prognos helår", width: 12, format: "amount" },
  ],
  rows: [
    { kind: "line", cells: [{ value: "Hemtjänst" }, { value: -310.2 }, { value: -320.5 }] },
    { kind: "line", cells: [{ value: "Särskilt boende" }, { value: -402 }, { value: -398.1 }] },
    { kind: "sum", cells: [{ value: "Summa" }, { value: -712.2 }, { value: -718.6 }] },
  ],
};

const sheet = (blocks: readonly Block[]): ReportSheet => ({
  name: "Rapport Ekonomi",
  orientation: "portrait",
  width: 80,
  blocks,
});

const BLOCKS: readonly Block[] = [
  { kind: "title", text: "Socialnämnden – Delårsrapport augusti 2024" },
  { kind: "heading", text: "Ekonomi" },
  { kind: "text", heading: "Väsentliga händelser", text: EVENTS },
  { kind: "text", heading: "Framtid", level: 3, text: "Inga förändringar väntas." },
  CHART,
  DRIFT,
];

const docOf = (blocks: readonly Block[]): ReportDoc => ({
  sheets: [sheet(blocks)],
  draft: null,
  about: {
    title: "Socialnämnden – Delårsrapport augusti 2024",
    organisation: "Socialnämnden",
    report: "Delårsrapport augusti 2024",
    period: "T2 2024",
  },
});
const DOC = docOf(BLOCKS);

describe("textParagraphs", () => {
  it("makes each line a paragraph: trimmed, blank lines left out, any line break", () => {
    expect(textParagraphs({ kind: "text", heading: "H", text: EVENTS })).toEqual(PARAGRAPHS);
  });

  it("gives back the paragraphs however they are joined and padded", () => {
    const paragraph = fc
      .string({ minLength: 1 })
      .map((s) => s.replace(/[\r\n]/g, "").trim())
      .filter((s) => s !== "");
    const lineBreak = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\n \t\r\n");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraph, lineBreak, fc.constantFrom("", " ", "\t"))),
        (parts) => {
          const text = parts.map(([p, br, pad]) => `${pad}${p}${pad}${br}`).join("");
          expect(textParagraphs({ kind: "text", heading: "H", text })).toEqual(
            parts.map(([p]) => p)
          );
        }
      )
    );
  });
});

describe("a free-text chapter and a chart in the worksheet layout, written with exceljs", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const bytes = await reportWorkbookBytes(DOC);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    ws = workbook.worksheets[0];
  });

  const columnA = () => {
    const values: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => values.push(row.getCell(1).value));
    return values;
  };

  it("writes the heading as a heading, then each paragraph in a wrapped row, a gap between", () => {
    expect(columnA().slice(0, 11)).toEqual([
      "Socialnämnden – Delårsrapport augusti 2024",
      "Ekonomi",
      "Väsentliga händelser",
      PARAGRAPHS[0],
      null,
      PARAGRAPHS[1],
      null,
      PARAGRAPHS[2],
      "Framtid",
      "Inga förändringar väntas.",
      "Verksamhet",
    ]);
    const heading = ws.getCell("A2");
    for (const row of [3, 9]) {
      expect(ws.getCell(`A${row}`).font).toEqual(heading.font);
      expect(ws.getCell(`A${row}`).alignment).toEqual(heading.alignment);
    }
    for (const row of [4, 6, 8, 10]) {
      expect(ws.getCell(`A${row}`).alignment?.wrapText).toBe(true);
      expect(ws.getCell(`A${row}`).font?.bold).toBeFalsy();
    }
  });

  it("spans each paragraph across the sheet and makes the long one as tall as its lines", () => {
    const last = ws.getColumn(ws.columnCount).letter;
    expect(last).toBe("D"); // the table's three columns and the sheet's width beyond them
    for (const row of [3, 4, 6, 8]) expect(ws.model.merges).toContain(`A${row}:${last}${row}`);
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(4).height * 1.5);
  });

  it("adds no row for the chart: its figures are in the table, written once", () => {
    const withoutChart = layoutSheet(sheet(BLOCKS.filter((b) => b.kind !== "chart")));
    expect(layoutSheet(sheet(BLOCKS))).toEqual(withoutChart);
    expect(ws.rowCount).toBe(withoutChart.rows.length);
    const texts = columnA().filter((v): v is string => typeof v === "string");
    expect(texts.filter((t) => t.includes("Diagram") || t.includes(CHART.title))).toEqual([]);
    expect(texts.slice(-3)).toEqual(["Hemtjänst", "Särskilt boende", "Summa"]);
  });
});

describe("a free-text chapter and a chart in the Word document", () => {
  it("writes the heading at its outline level, each paragraph a Normal paragraph, no chart", async () => {
    const xml = (await docxParts(await reportDocumentBytes(DOC)))["word/document.xml"];
    const body = paragraphs(xml).filter((p) => p.text !== "");
    const at = body.findIndex((p) => p.text === "Väsentliga händelser");
    expect(body.slice(at, at + 6)).toEqual([
      { style: "Heading2", text: "Väsentliga händelser" },
      ...PARAGRAPHS.map((text) => ({ style: null, text })),
      { style: "Heading3", text: "Framtid" },
      { style: null, text: "Inga förändringar väntas." },
    ]);
    expect(xml).not.toContain(CHART.title);
    expect(xml).not.toContain("Diagram");
    expect(xml).toContain("Särskilt boende");
  });
});

describe("a free-text chapter and a chart as plain text", () => {
  it("prints the heading underlined and a paragraph a line, and no chart", () => {
    expect(plainText(DOC).split("\n")).toEqual([
      "[Rapport Ekonomi]",
      "Socialnämnden – Delårsrapport augusti 2024",
      "==========================================",
      "Ekonomi",
      "-------",
      "Väsentliga händelser",
      "--------------------",
      ...PARAGRAPHS,
      "Framtid",
      "-------",
      "Inga förändringar väntas.",
      "Verksamhet | Budget | Prognos helår",
      "Hemtjänst | −310,2 | −320,5",
      "Särskilt boende | −402,0 | −398,1",
      "Summa | −712,2 | −718,6",
    ]);
    expect(plainText(DOC)).not.toContain(CHART.title);
  });
});

describe("a chart's reference to its table", () => {
  const broken: readonly [string, ChartBlock, readonly Block[]][] = [
    ["a table id no table has", { ...CHART, table: "investeringar" }, [DRIFT]],
    ["an id two tables have", CHART, [DRIFT, DRIFT]],
    ["categories in a figure column", { ...CHART, categories: 1 }, [DRIFT]],
    ["a series in a text column", { ...CHART, series: [0, 2] }, [DRIFT]],
    ["a series beyond the columns", { ...CHART, series: [1, 3] }, [DRIFT]],
    ["no series", { ...CHART, series: [] }, [DRIFT]],
  ];

  it.each(broken)("is refused by every renderer: %s", async (_, chart, tables) => {
    const doc = docOf([chart, ...tables]);
    const refusal = /The chart "Budget och prognos per verksamhet" on Rapport Ekonomi/;
    expect(() => layoutSheet(doc.sheets[0])).toThrow(refusal);
    expect(() => plainText(doc)).toThrow(refusal);
    await expect(reportDocumentBytes(doc)).rejects.toThrow(refusal);
  });

  it("is accepted when it names one table, a text column and figure columns", async () => {
    const doc = docOf([CHART, DRIFT]);
    expect(() => layoutSheet(doc.sheets[0])).not.toThrow();
    expect(() => plainText(doc)).not.toThrow();
    await expect(reportDocumentBytes(doc)).resolves.toBeInstanceOf(Uint8Array);
  });
});
