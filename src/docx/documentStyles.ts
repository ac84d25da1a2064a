/**
 * The document's styles. Body text is Word's Normal (docDefaults: Arial 10, Swedish), and every
 * other style is based on it, so a user restyles the whole report by changing Normal. Headings are
 * Word's built-in Heading 1–3 (Rubrik 1–3 in a Swedish Word) with outline levels, so the
 * navigation pane and a table of contents find them.
 */
import { ImportedXmlComponent, LineRuleType, type IStylesOptions } from "docx";
import { REPORT_FONT } from "../core/layout/styles";

/** The report's ink, as the sheets' titles and headings have it. */
const INK = "1F3864";
const LANGUAGE = { value: "sv-SE" } as const;

/** Paragraph style ids of the styles defined here besides Word's built-in ones. */
export const STYLE = {
  note: "Anteckning",
  tableText: "Tabelltext",
  tableTextSmall: "TabelltextLiten",
  banner: "Utkast",
  header: "Sidhuvud",
  footer: "Sidfot",
} as const;

/** Half-points, as Word sizes fonts. */
const pt = (points: number) => points * 2;

function heading(size: number, outlineLevel: number, before: number) {
  return {
    run: { font: REPORT_FONT, bold: true, size: pt(size), color: INK },
    paragraph: {
      keepNext: true,
      keepLines: true,
      outlineLevel,
      spacing: { before, after: 120 },
    },
  };
}

/**
 * Normal, the default paragraph style (`w:default="1"`), that a paragraph without a style and
 * every style `basedOn: "Normal"` resolves to. docx writes only docDefaults and no Normal style,
 * nor a way to mark a style the default, so it is added as XML; its look is docDefaults'.
 */
export function normalStyle(): ImportedXmlComponent {
  const style = new ImportedXmlComponent("w:style", {
    "w:type": "paragraph",
    "w:default": "1",
    "w:styleId": "Normal",
  });
  style.push(new ImportedXmlComponent("w:name", { "w:val": "Normal" }));
  style.push(new ImportedXmlComponent("w:qFormat"));
  return style;
}

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: REPORT_FONT, size: pt(10), language: LANGUAGE },
      // lineRule said: without it LibreOffice reads the 264 as exact, and a title or heading that
      // wraps prints its lines over each other.
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: REPORT_FONT, bold: true, size: pt(18), color: INK },
      paragraph: { keepNext: true, spacing: { after: 240 } },
    },
    // Chapters share a page: one often follows a table, which has no space after it.
    heading1: heading(16, 0, 240),
    heading2: heading(13, 1, 240),
    heading3: heading(11, 2, 200),
  },
  paragraphStyles: [
    {
      id: STYLE.note,
      name: "Anteckning",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { italics: true, color: "595959" },
    },
    {
      id: STYLE.tableText,
      name: "Tabelltext",
      basedOn: "Normal",
      quickFormat: true,
      // In the font the columns are measured in (tableColumns.ts), whatever Normal is in a
      // kommun's template: in Georgia "Periodbudget" would no longer fit its column.
      run: { font: REPORT_FONT, size: pt(9) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      // A table whose columns do not fit at 9 pt (tableColumns.ts).
      id: STYLE.tableTextSmall,
      name: "Tabelltext liten",
      basedOn: STYLE.tableText,
      quickFormat: true,
      run: { size: pt(8) },
    },
    {
      id: STYLE.banner,
      name: "Utkast",
      basedOn: "Normal",
      next: "Normal",
      run: { bold: true, size: pt(12), color: "9C0006" },
      paragraph: {
        shading: { type: "clear", color: "auto", fill: "FFC7CE" },
        spacing: { after: 240 },
      },
    },
    {
      id: STYLE.header,
      name: "Sidhuvud",
      basedOn: "Normal",
      run: { size: pt(8), color: "595959" },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: STYLE.footer,
      name: "Sidfot",
      basedOn: "Normal",
      run: { size: pt(8), color: "595959" },
      paragraph: { spacing: { after: 0 }, alignment: "center" },
    },
  ],
};
