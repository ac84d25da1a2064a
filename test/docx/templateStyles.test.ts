/**
 * The kommun's styles merged with Tertial's (templateStyles.ts), on Tertial's styles.xml as docx
 * writes it and on templates drawn at random from the ids and names Word uses (a Swedish Word's
 * `Rubrik1` named "heading 1", `Stark` named "Strong" as a character style …); and a template's
 * theme and renamed header styles carried into the report (templateFrame.ts).
 */
import fc from "fast-check";
import { Document, Packer } from "docx";
import JSZip from "jszip";
import { DOCUMENT_STYLES, normalStyle, STYLE } from "../../src/docx/documentStyles";
import { mergeStyles } from "../../src/docx/templateStyles";
import { applyWordTemplate } from "../../src/docx/templateFrame";
import { readWordTemplate } from "../../src/docx/wordTemplate";
import { kommunTemplate } from "../helpers/wordTemplateFixture";

/** Tertial's styles.xml, as the report's document has it. */
async function ourStyles(): Promise<string> {
  const document = new Document({ styles: DOCUMENT_STYLES, sections: [{ children: [] }] });
  document.Styles.addChildElement(normalStyle());
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(document));
  return zip.file("word/styles.xml")!.async("string");
}

/** The styles the report's body and Tertial's own page frame refer to. */
const USED = ["Normal", "Title", "Heading1", "Heading2", "Heading3", ...Object.values(STYLE)];

interface Drawn {
  readonly type: "paragraph" | "character" | "table";
  readonly id: string;
  readonly name: string;
}

const IDS = [
  "Normal",
  "Rubrik1",
  "Heading1",
  "Rubrik",
  "Title",
  "Tabelltext",
  "Sidhuvud",
  "Stark",
  "Strong",
  "Egen",
];
const NAMES = [
  "Normal",
  "heading 1",
  "Heading 1",
  "Title",
  "Tabelltext",
  "header",
  "Strong",
  "Egen",
  "Normal Table",
];

const drawnTemplate = fc
  .uniqueArray(
    fc.record({
      type: fc.constantFrom("paragraph" as const, "character" as const, "table" as const),
      id: fc.constantFrom(...IDS),
      name: fc.constantFrom(...NAMES),
    }),
    // Word keeps ids and names unique within a document.
    { selector: (s: Drawn) => s.id, maxLength: 8 }
  )
  .map((styles) =>
    styles.filter(
      (s, i) => styles.findIndex((t) => t.name.toLowerCase() === s.name.toLowerCase()) === i
    )
  );

const templateXml = (styles: readonly Drawn[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia"/></w:rPr></w:rPrDefault></w:docDefaults>' +
  styles
    .map(
      (s) =>
        `<w:style w:type="${s.type}" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
        `<w:basedOn w:val="${IDS[0]}"/><w:rPr><w:color w:val="ABCDEF"/></w:rPr></w:style>`
    )
    .join("") +
  "</w:styles>";

const merged = (xml: string) =>
  [
    ...xml.matchAll(
      /<w:style\b[^>]*w:type="([^"]+)"[^>]*w:styleId="([^"]+)"[^>]*><w:name w:val="([^"]+)"/g
    ),
  ].map(([, type, id, name]) => ({ type, id, name: name.toLowerCase() }));

describe("mergeStyles", () => {
  let ours: string;
  beforeAll(async () => {
    ours = await ourStyles();
  });

  it("keeps every template style, ids and names unique, and every style the report uses defined", () => {
    fc.assert(
      fc.property(drawnTemplate, (template) => {
        const { xml, renames } = mergeStyles(ours, templateXml(template));
        const styles = merged(xml);
        expect(new Set(styles.map((s) => s.id)).size).toBe(styles.length);
        expect(new Set(styles.map((s) => s.name)).size).toBe(styles.length);
        // Each template style is there, under its own id or the one of ours it stands for.
        for (const t of template) {
          const id = renames.get(t.id) ?? t.id;
          expect(styles).toContainEqual({ type: t.type, id, name: t.name.toLowerCase() });
        }
        // Every style the report uses is there, the template's or ours.
        for (const id of USED) expect(styles.map((s) => s.id)).toContain(id);
        expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml)![0]).toContain("Georgia");
      })
    );
  });

  it("gives a Swedish Word's Rubrik1 our id, following it in basedOn, and keeps its look", () => {
    const template = templateXml([
      { type: "paragraph", id: "Normal", name: "Normal" },
      { type: "paragraph", id: "Rubrik1", name: "heading 1" },
    ]).replace(
      "</w:styles>",
      '<w:style w:type="character" w:styleId="Rubrik1Char"><w:name w:val="Rubrik 1 Char"/><w:link w:val="Rubrik1"/></w:style></w:styles>'
    );
    const { xml, renames } = mergeStyles(ours, template);
    expect([...renames]).toEqual([["Rubrik1", "Heading1"]]);
    expect(xml).toContain('<w:link w:val="Heading1"/>');
    expect(xml).not.toContain('Rubrik1"');
    const heading = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(
      xml
    )![0];
    expect(heading).toContain('<w:color w:val="ABCDEF"/>');
    expect(heading).toContain("<w:pPr><w:keepNext/><w:keepLines/></w:pPr><w:rPr>");
  });
});

describe("applyWordTemplate", () => {
  it("carries the template's theme and follows renamed styles into its header", async () => {
    const zip = await JSZip.loadAsync(await kommunTemplate({ swedish: true }));
    const theme =
      '<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Kommun"/>';
    zip.file("word/theme/theme1.xml", theme);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    zip.file(
      "word/_rels/document.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdTema" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>'
      )
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override ContentType="application/vnd.openxmlformats-officedocument.theme+xml" PartName="/word/theme/theme1.xml"/></Types>'
      )
    );
    const header = await zip.file("word/header1.xml")!.async("string");
    zip.file(
      "word/header1.xml",
      header.replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr>')
    );
    const template = await readWordTemplate(
      await zip.generateAsync({ type: "uint8array" }),
      "mall.docx"
    );

    const report = new Document({
      styles: DOCUMENT_STYLES,
      sections: [{ children: [] }, { children: [] }],
    });
    const packed = await JSZip.loadAsync(await Packer.toArrayBuffer(report));
    const body = await packed.file("word/document.xml")!.async("string");
    const framed = await applyWordTemplate(packed, body, template, false);

    expect(await packed.file("word/theme/theme1.xml")!.async("string")).toBe(theme);
    expect(await packed.file("word/_rels/document.xml.rels")!.async("string")).toContain(
      'Target="theme/theme1.xml"'
    );
    expect(await packed.file("[Content_Types].xml")!.async("string")).toContain(
      'PartName="/word/theme/theme1.xml"'
    );
    const frames = await Promise.all(
      template.frames.map((f) => packed.file(f.part)!.async("string"))
    );
    expect(frames.join("")).toContain('<w:pStyle w:val="Heading1"/>');
    expect(frames.join("")).not.toContain("UTKAST");
    expect(framed.match(/<w:titlePg\/>/g)).toHaveLength(1);
  });
});
