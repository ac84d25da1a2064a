/**
 * A kommun's Word template as a test makes it with the docx package: Normal in Georgia 11, a
 * coloured Heading 1 (under a Swedish Word's id `Rubrik1`, name "heading 1", when `swedish`), a
 * table style, a default page header with a logo (a PNG drawn here) and a footer text, and a
 * first-page header of its own. `dotx` turns it into a template by its main content type.
 */
import { deflateSync } from "node:zlib";
import { Document, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { crc32 } from "../../src/xlsx/zip/crc32";

export const TEMPLATE_FONT = "Georgia";
export const HEADING_COLOUR = "C00000";
export const FOOTER_TEXT = "Exempelkommun · Box 1 · 123 45 Exempelstad";
export const FIRST_PAGE_TEXT = "Exempelkommun – försättsblad";
/** The kommun's default table style, as a Swedish Word names it: its cell margins. */
export const TABLE_STYLE =
  '<w:style w:type="table" w:default="1" w:styleId="Normaltabell"><w:name w:val="Normal Table"/>' +
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>' +
  '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>';

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 60 × 20 PNG: a dark red left half, a blue right half (a logo that shows in a rendering). */
export function logoPng(): Uint8Array {
  const width = 60;
  const height = 20;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(x < width / 2 ? [192, 0, 0] : [0, 70, 160]));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", new Uint8Array()),
  ]);
}

const DOTX_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const DOCX_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

export async function kommunTemplate(
  options: { swedish?: boolean; dotx?: boolean } = {}
): Promise<Uint8Array> {
  const logo = () =>
    new ImageRun({ type: "png", data: logoPng(), transformation: { width: 120, height: 40 } });
  const document = new Document({
    styles: {
      default: {
        document: { run: { font: TEMPLATE_FONT, size: 22 } },
        heading1: { run: { font: TEMPLATE_FONT, size: 36, color: HEADING_COLOUR } },
      },
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ children: [logo()] })] }),
          first: new Header({
            children: [new Paragraph({ children: [logo(), new TextRun(` ${FIRST_PAGE_TEXT}`)] })],
          }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph(FOOTER_TEXT)] }),
        },
        children: [new Paragraph("Mallens text, som rapporten inte tar med.")],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(document));
  let styles = (await zip.file("word/styles.xml")!.async("string")).replace(
    "</w:styles>",
    `${TABLE_STYLE}</w:styles>`
  );
  if (options.swedish) {
    styles = styles
      .replace(
        'w:styleId="Heading1"><w:name w:val="Heading 1"/>',
        'w:styleId="Rubrik1"><w:name w:val="heading 1"/>'
      )
      .replace(/<w:basedOn w:val="Heading1"\/>/g, '<w:basedOn w:val="Rubrik1"/>');
  }
  zip.file("word/styles.xml", styles);
  if (options.dotx) {
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace(DOCX_TYPE, DOTX_TYPE));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
