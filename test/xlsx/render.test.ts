/** The exceljs renderer, checked by writing real .xlsx bytes and reading them back with exceljs. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AMOUNT_FORMAT, INTEGER_FORMAT } from "../../src/core/layout/formats";
import type { SheetGrid } from "../../src/core/layout/sheetGrid";
import { fileColumnWidth, sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";

const GRID: SheetGrid = {
  name: "Rapport Test",
  columnWidths: [30, 12, 40],
  rows: [
    [{ value: "Nämnden – Delårsrapport augusti 2024", style: "title" }, null, null],
    [
      { value: "Post", style: "table.header" },
      { value: "Avvikelse", style: "table.header.number" },
      { value: "Kommentar", style: "table.header" },
    ],
    [
      { value: "Personalkostnader", style: "table.text" },
      { value: -66.39999999999998, style: "table.number.negative", numFmt: AMOUNT_FORMAT },
      { value: "=SUM(B3)", style: "table.text" },
    ],
    [
      { value: "+46 8 123", style: "table.text" },
      { value: 1200, style: "table.number", numFmt: INTEGER_FORMAT },
      { value: "@hem", style: "table.text" },
    ],
    [
      { value: "-5 tjänster", style: "table.text" },
      { value: null, style: "matrix.critical" },
      { value: "Åtgärder!E7", style: "link", link: { sheet: "Åtgärder", cell: "E7" } },
    ],
  ],
  rowHeights: [23.25, 15.25, 28.5, undefined, 15.25],
  merges: [{ row: 1, col: 1, rowSpan: 1, colSpan: 3 }],
  print: {
    orientation: "landscape",
    paperSize: "A4",
    scale: 85,
    margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
    repeatRows: { first: 2, last: 2 },
    breaksBefore: [3, 5],
    footer: "&CSida &P (&N)",
  },
  font: { name: "Arial", size: 10 },
};

async function rendered(grids: readonly SheetGrid[]): Promise<ExcelJS.Workbook> {
  const bytes = await sheetGridsWorkbookBytes(grids);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return workbook;
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(name)!.async("string");
}

const sheetXml = (bytes: Uint8Array, index: number) =>
  part(bytes, `xl/worksheets/sheet${index}.xml`);

async function renderedSheet(): Promise<ExcelJS.Worksheet> {
  return (await rendered([GRID])).worksheets[0];
}

describe("sheetGridsWorkbookBytes", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await renderedSheet();
  });

  it("writes values at full precision with their number formats", () => {
    expect(sheet.name).toBe("Rapport Test");
    expect(sheet.getCell("B3").value).toBe(-66.39999999999998);
    expect(sheet.getCell("B3").numFmt).toBe(AMOUNT_FORMAT);
    expect(sheet.getCell("B4").numFmt).toBe(INTEGER_FORMAT);
    expect(AMOUNT_FORMAT).not.toContain("\\");
  });

  it("writes text starting with =, +, - or @ as a string, never a formula", () => {
    for (const address of ["C3", "A4", "C4", "A5"]) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    expect(sheet.getCell("C3").value).toBe("=SUM(B3)");
    expect(sheet.getCell("A5").value).toBe("-5 tjänster");
  });

  it("applies the named styles: font, fill, borders, alignment", () => {
    const title = sheet.getCell("A1");
    expect(title.font).toMatchObject({ name: "Arial", size: 16, bold: true });
    expect(sheet.getCell("B3").font).toMatchObject({
      name: "Arial",
      size: 10,
      color: { argb: "FFC00000" },
    });
    expect(sheet.getCell("A2").fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: "FFD9E1F2" },
    });
    expect(sheet.getCell("A2").border.bottom).toMatchObject({ style: "thin" });
    expect(sheet.getCell("C3").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // An empty cell keeps its style: the risk matrix's empty cells are coloured.
    expect(sheet.getCell("B5").fill).toMatchObject({ fgColor: { argb: "FFFF9999" } });
  });

  it("writes widths, heights, merges and a whole merged range's style", () => {
    // Stored with Excel's 5 px padding: 7 × 30 + 5 px, as the layout measured the column.
    expect(sheet.getColumn(1).width).toBeCloseTo(30 + 5 / 7, 2);
    expect(sheet.getColumn(3).width).toBe(fileColumnWidth(40));
    expect(sheet.getRow(1).height).toBe(23.25);
    expect(sheet.getRow(3).height).toBe(28.5);
    expect(sheet.getCell("C1").isMerged).toBe(true);
    expect(sheet.getCell("C1").master.address).toBe("A1");
    expect(sheet.getCell("C1").style.font).toMatchObject({ size: 16, bold: true });
  });

  it("sets up printing: A4, orientation, scale, margins, repeated header, page breaks, footer", async () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      scale: 85,
      printTitlesRow: "2:2",
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
    });
    // A fixed scale, not fit to page: hosts keep manual page breaks at a fixed scale.
    expect(sheet.pageSetup.fitToPage).toBeFalsy();
    expect(sheet.headerFooter.oddFooter).toBe("&CSida &P (&N)");
    // exceljs does not read page breaks back (exceljs#2249): read the sheet's XML.
    const xml = await sheetXml(await sheetGridsWorkbookBytes([GRID]), 1);
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([
      2, 4,
    ]);
  });

  it("makes the report font the workbook's default, which column widths are counted in", async () => {
    const styles = await part(await sheetGridsWorkbookBytes([GRID]), "xl/styles.xml");
    const firstFont = /<fonts\b[^>]*>\s*(<font>[\s\S]*?<\/font>)/.exec(styles)?.[1];
    expect(firstFont).toContain('<sz val="10"/>');
    expect(firstFont).toContain('<name val="Arial"/>');
  });

  it("renders a link as a HYPERLINK to the cell, showing the reference", () => {
    const link = sheet.getCell("C5");
    expect(link.formula).toBe(`HYPERLINK("#'Åtgärder'!E7","Åtgärder!E7")`);
    expect(link.result).toBe("Åtgärder!E7");
  });

  it("writes every merge of a large grid, each with its covered cells", async () => {
    const rows = 3000;
    const grid: SheetGrid = {
      ...GRID,
      rows: Array.from({ length: rows }, (_, r) => [
        { value: `rad ${r + 1}`, style: "table.text" },
        { value: "text", style: "table.text" },
        { value: null, style: "table.text" },
      ]),
      rowHeights: [],
      merges: Array.from({ length: rows }, (_, r) => ({
        row: r + 1,
        col: 2,
        rowSpan: 1,
        colSpan: 2,
      })),
    };
    const sheet = (await rendered([grid])).worksheets[0];
    const merges = sheet.model.merges;
    expect(merges).toHaveLength(rows);
    expect(merges).toContain("B1:C1");
    expect(merges).toContain(`B${rows}:C${rows}`);
    expect(sheet.getCell(`C${rows}`).master.address).toBe(`B${rows}`);
  });

  it("renders several grids as sheets in order", async () => {
    const second: SheetGrid = { ...GRID, name: "Kontrollresultat" };
    const workbook = await rendered([GRID, second]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Rapport Test", "Kontrollresultat"]);
  });
});
