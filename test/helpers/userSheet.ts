/** Test helper: a workbook package with one more sheet, as a user adds one in Excel. */
import JSZip from "jszip";

/** The report with one more worksheet, wired into the package the way Excel writes one. */
export async function withUserSheet(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const edit = async (part: string, change: (xml: string) => string) =>
    zip.file(part, change(await zip.file(part)!.async("string")));
  zip.file(
    "xl/worksheets/sheet99.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mina anteckningar</t></is></c></row></sheetData></worksheet>'
  );
  await edit("[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
  );
  await edit("xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'
    )
  );
  await edit("xl/workbook.xml", (xml) =>
    xml.replace("</sheets>", `<sheet name="${name}" sheetId="99" r:id="rId99"/></sheets>`)
  );
  return zip.generateAsync({ type: "uint8array" });
}
