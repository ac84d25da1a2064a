/**
 * A table's XML as TableXmlWriter writes it: every text escaped and made XML-safe exactly as the
 * full escaping would (most texts skip it, having nothing to escape), its lines as Word line
 * breaks; and the result well-formed to an independent parser (xmllint).
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { xmlSafeText } from "../../src/core/text/xmlSafe";
import { TableXmlWriter } from "../../src/docx/tableXml";
import { escapeXml } from "../../src/xlsx/xmlText";
import { HOSTILE } from "../helpers/hostileText";

const character = fc.oneof(
  fc.constantFrom("&", "<", ">", '"', "'", "\n", "\t", "\r", "_x", "_xFFFE_", "_x0041_", "ö"),
  fc.constantFrom("\u0001", "\u000B", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "🎯", "\u00a0"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 2 })
);
const text = fc.array(character, { maxLength: 30 }).map((chars) => chars.join(""));

/** The run as the full escaping writes it: every line made safe and escaped, then broken. */
function fullyEscapedRun(value: string): string {
  if (value === "") return "";
  const lines = escapeXml(xmlSafeText(value))
    .split("\n")
    .map((line) => `<w:t xml:space="preserve">${line}</w:t>`)
    .join("<w:br/>");
  return `<w:r>${lines}</w:r>`;
}

const writer = () => new TableXmlWriter("Tabelltext", [2000, 3000]);

describe("TableXmlWriter", () => {
  it("writes every text as the full escaping does", () => {
    fc.assert(
      fc.property(text, text, (first, second) => {
        const xml = writer().row({
          cantSplit: true,
          keepNext: false,
          cells: [
            { text: first, style: "table.text" },
            { text: second, style: "table.text" },
          ],
        });
        const runs = [...xml.matchAll(/<\/w:pPr>(.*?)<\/w:p><\/w:tc>/gs)].map((m) => m[1]);
        expect(runs).toEqual([fullyEscapedRun(first), fullyEscapedRun(second)]);
      }),
      { numRuns: 2000 }
    );
  });

  it("writes a table an XML parser accepts, hostile text and a group row included", () => {
    const table = writer();
    const xml =
      table.opening() +
      table.row({
        header: true,
        cantSplit: true,
        keepNext: true,
        cells: [
          { text: "Åtgärd", style: "table.header" },
          { text: "Belopp", style: "table.header.number" },
        ],
      }) +
      table.spanningRow(`Grupp & <${HOSTILE}>`, "table.group", true) +
      table.row({
        cantSplit: false,
        keepNext: false,
        minHeight: 400,
        cells: [
          { text: `${HOSTILE}\nrad två "citat" 'apostrof'`, style: "table.text" },
          { text: "\u22121\u00a0114\u00a0200", style: "table.number.negative" },
        ],
      }) +
      TableXmlWriter.closing;
    const document =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${xml}</w:body></w:document>`;
    const lint = spawnSync("xmllint", ["--noout", "-"], { input: document, encoding: "utf8" });
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:tcW w:type="dxa" w:w="5000"/>');
  });
});
