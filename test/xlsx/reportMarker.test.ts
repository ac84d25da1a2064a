/**
 * The mark in every report Tertial writes: a custom document property listing its sheets, read
 * back from the package alone. Real workbooks: the renderer's output, the template, and a report
 * with a sheet a user added (made with JSZip, which keeps the property, as Excel does on save).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid } from "../../src/core/report/reportDoc";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { isTertialReport, REPORT_MARKER_PROPERTY } from "../../src/xlsx/render/reportMarker";
import { sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { withUserSheet } from "../helpers/userSheet";
import { REPORT_MARGINS } from "../../src/core/report/pages";

const grid = (name: string): SheetGrid => ({
  name,
  columnWidths: [20],
  rows: [[{ value: `${name} & <mer>`, style: "title" }]],
  rowHeights: [],
  merges: [],
  print: {
    orientation: "portrait",
    paperSize: "A4",
    scale: 100,
    margins: REPORT_MARGINS,
    breaksBefore: [],
    footer: "",
  },
});

const NAMES = ["Rapport Ekonomi", 'Rapport Risk & "Åtgärder"', "Kontrollresultat"];

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return workbook.worksheets.map((w) => w.name);
}

describe("the report marker", () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await sheetGridsWorkbookBytes(NAMES.map(grid));
  });

  it("is a custom document property listing the report's sheets, declared in the package", async () => {
    const zip = await JSZip.loadAsync(report);
    const custom = await zip.file("docProps/custom.xml")!.async("string");
    expect(custom).toContain(`name="${REPORT_MARKER_PROPERTY}"`);
    expect(custom).toContain('fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    );
    expect(await zip.file("_rels/.rels")!.async("string")).toMatch(
      /Type="[^"]*\/custom-properties" Target="docProps\/custom\.xml"/
    );
  });

  it("leaves the workbook readable with every sheet and value", async () => {
    expect(await sheetNames(report)).toEqual(NAMES);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      report.buffer.slice(report.byteOffset, report.byteOffset + report.byteLength) as ArrayBuffer
    );
    expect(workbook.getWorksheet(NAMES[1])!.getCell("A1").value).toBe(`${NAMES[1]} & <mer>`);
  });

  it("recognises Tertial's own report, sheet names with & and quotes included", async () => {
    expect(await isTertialReport(report)).toBe(true);
  });

  it("does not recognise a report a user added a sheet to", async () => {
    const edited = await withUserSheet(report, "Mina anteckningar");
    expect(await sheetNames(edited)).toEqual([...NAMES, "Mina anteckningar"]);
    expect(await isTertialReport(edited)).toBe(false);
  });

  it("does not recognise a report with a sheet renamed by the user", async () => {
    const zip = await JSZip.loadAsync(report);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.replace('name="Kontrollresultat"', 'name="Våra kontroller"'));
    expect(await isTertialReport(await zip.generateAsync({ type: "uint8array" }))).toBe(false);
  });

  it("does not recognise the template, a workbook without the mark, or bytes that are no zip", async () => {
    expect(await isTertialReport(await workbookBytes(buildWorkbook(LATEST_TEMPLATE)))).toBe(false);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Rapport Ekonomi");
    expect(
      await isTertialReport(new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer))
    ).toBe(false);
    expect(await isTertialReport(new TextEncoder().encode("ingen arbetsbok"))).toBe(false);
  });
});
