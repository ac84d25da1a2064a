/**
 * The mark in every report Tertial writes: a custom document property holding a digest of its
 * sheets' content, read back from the package by position. Real workbooks: the renderer's output,
 * the template, and reports a user changed (made with JSZip, which keeps the property, as Excel
 * and LibreOffice do on save): a sheet added or renamed, a cell typed, a footer edited, a comment
 * added; and the same content rewritten without a change, which is still Tertial's.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid } from "../../src/core/layout/sheetGrid";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { isTertialReport, REPORT_MARKER_PROPERTY } from "../../src/xlsx/render/reportMarker";
import { sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { printedHeaderText } from "../../src/xlsx/render/reportContent";
import { editPart } from "../helpers/editPackage";
import { withUserSheet } from "../helpers/userSheet";
import { REPORT_MARGINS } from "../../src/core/layout/pages";

const grid = (name: string): SheetGrid => ({
  name,
  columnWidths: [20, 10],
  rows: [
    [{ value: `${name} & <mer>`, style: "title" }, null],
    [
      { value: "Avvikelse\r\nmot budget", style: "table.text" },
      { value: 0.13752913752913754, style: "table.number", numFmt: "0.0%" },
    ],
  ],
  rowHeights: [],
  merges: [],
  print: {
    orientation: "portrait",
    paperSize: "A4",
    scale: 100,
    margins: REPORT_MARGINS,
    breaksBefore: [],
    footer: "&CSida &P (&N)",
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

  it("does not recognise a report in which a user typed in a cell", async () => {
    const typed = await editPart(report, "xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(
        "</row></sheetData>",
        '<c r="C2" t="inlineStr"><is><t>Min kommentar</t></is></c></row></sheetData>'
      )
    );
    expect(await isTertialReport(typed)).toBe(false);
    const changed = await editPart(report, "xl/sharedStrings.xml", (xml) =>
      xml.replace("Avvikelse", "Avvikelse enligt oss")
    );
    expect(await isTertialReport(changed)).toBe(false);
    const number = await editPart(report, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(/<v>0\.137[0-9]*<\/v>/, "<v>0.2</v>")
    );
    expect(await isTertialReport(number)).toBe(false);
  });

  it("does not recognise a report whose footer or header a user edited", async () => {
    const footer = await editPart(report, "xl/worksheets/sheet3.xml", (xml) =>
      xml.replace(/<oddFooter>[^<]*<\/oddFooter>/, "<oddFooter>&amp;CVår sidfot</oddFooter>")
    );
    expect(await isTertialReport(footer)).toBe(false);
    const header = await editPart(report, "xl/worksheets/sheet3.xml", (xml) =>
      xml.replace("<oddFooter>", "<oddHeader>&amp;LNämndens utkast</oddHeader><oddFooter>")
    );
    expect(await isTertialReport(header)).toBe(false);
  });

  it("does not recognise a report a user added a comment or a link to", async () => {
    const commented = await editPart(report, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace("</worksheet>", '<legacyDrawing r:id="rId9"/></worksheet>')
    );
    expect(await isTertialReport(commented)).toBe(false);
    const linked = await editPart(report, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(
        "</worksheet>",
        '<hyperlinks><hyperlink ref="A1" r:id="rId8"/></hyperlinks></worksheet>'
      )
    );
    expect(await isTertialReport(linked)).toBe(false);
  });

  it("recognises the same content rewritten: inline strings, numbers written shorter, other attributes", async () => {
    const zip = await JSZip.loadAsync(report);
    const strings = [
      ...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(
        /<si><t[^>]*>([^<]*)<\/t><\/si>/g
      ),
    ].map((m) => m[1]);
    for (const name of [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]) {
      const xml = await zip.file(name)!.async("string");
      zip.file(
        name,
        xml
          .replace(
            /<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>(\d+)<\/v><\/c>/g,
            (_, ref: string, rest: string, i: string) =>
              `<c r="${ref}"${rest} t="inlineStr"><is><t xml:space="preserve">${strings[Number(i)]}</t></is></c>`
          )
          .replace(
            /<v>(0\.137[0-9]*)<\/v>/,
            (_, v: string) => `<v>${Number(v).toPrecision(15)}</v>`
          )
          .replace(/<evenFooter>[^<]*<\/evenFooter>/, "")
      );
    }
    const rewritten = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const sheet = await (
      await JSZip.loadAsync(rewritten)
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(sheet).toContain('t="inlineStr"');
    expect(sheet).not.toContain('t="s"');
    expect(await isTertialReport(rewritten)).toBe(true);
  });

  it("recognises the report after a program wrote its line ends as an XML parser reads them", async () => {
    const normalised = await editPart(report, "xl/sharedStrings.xml", (xml) =>
      xml.replace(/\r\n/g, "\n")
    );
    expect(await isTertialReport(normalised)).toBe(true);
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

describe("printedHeaderText (what the marker compares of a header or footer)", () => {
  it("drops formatting codes however a program spells them, and keeps text, sections and fields", () => {
    // Tertial writes bold as &B…&B; LibreOffice saves the same header as &"Arial,Bold".
    expect(printedHeaderText("&C&BUTKAST&B")).toBe("&CUTKAST");
    expect(printedHeaderText('&C&"Arial,Bold"UTKAST')).toBe("&CUTKAST");
    expect(printedHeaderText("&L&12&KFF0000Konfidentiellt&RSida &P (&N)")).toBe(
      "&LKonfidentiellt&RSida &P (&N)"
    );
    expect(printedHeaderText("A && B")).toBe("A && B");
  });

  it("still tells an edited text apart", () => {
    expect(printedHeaderText("&C&BUTKAST&B")).not.toBe(printedHeaderText("&C&BUtkast&B"));
  });
});
