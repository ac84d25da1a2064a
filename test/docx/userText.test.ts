/**
 * Text from the workbook goes into the document as text: a formula, a web address or Word field
 * syntax stays as typed, XML's special characters are escaped, and characters XML cannot hold are
 * replaced by U+FFFD (visibly) rather than breaking the document.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ReportDoc } from "../../src/core/report/reportDoc";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { docxParts, paragraphs, tableCells } from "./documentXml";

const HOSTILE = [
  '=HYPERLINK("https://example.com";"Klicka")',
  "https://example.com/rapport",
  '{ PAGE } { INCLUDETEXT "c:\\\\x" }',
  "<w:t>&amp; \"citat\" 'apostrof'",
];

const doc: ReportDoc = {
  draft: null,
  about: {
    title: "Nämnd <&> – Uppföljning",
    organisation: "Nämnd <&>",
    report: "Uppföljning",
    period: null,
  },
  sheets: [
    {
      name: "Rapport Ekonomi",
      orientation: "portrait",
      width: 60,
      blocks: [
        { kind: "title", text: "Nämnd <&> – Uppföljning" },
        ...HOSTILE.map((text) => ({ kind: "paragraph" as const, text })),
        { kind: "paragraph", text: "Före\u0001\u001fEfter\uFFFE" },
        {
          kind: "table",
          columns: [
            { header: "Text", width: 40 },
            { header: "Belopp", width: 20, format: "amount" },
          ],
          rows: HOSTILE.map((text, i) => ({
            kind: "line" as const,
            cells: [
              { value: text, link: { sheet: "Risker", cell: "A1" } },
              { value: -i * 1000.25 },
            ],
          })),
        },
      ],
    },
  ],
};

it("inserts every workbook text as plain text, never as a field or hyperlink", async () => {
  const parts = await docxParts(await reportDocumentBytes(doc));
  const body = parts["word/document.xml"];
  const texts = paragraphs(body).map((p) => p.text);
  for (const text of HOSTILE) expect(texts).toContain(text);
  expect(texts).toContain("Före\uFFFD\uFFFDEfter\uFFFD");
  expect(tableCells(body)).toEqual([
    "Text",
    "Belopp",
    ...HOSTILE.flatMap((text, i) => [
      text,
      i === 0 ? "0,0" : `−${["1\u00a0000,3", "2\u00a0000,5", "3\u00a0000,8"][i - 1]}`,
    ]),
  ]);
  for (const xml of Object.values(parts)) {
    expect(xml).not.toContain("<w:hyperlink");
    expect(xml).not.toContain("<w:fldSimple");
  }
  expect(body).not.toContain("instrText");
  expect(parts["docProps/app.xml"]).toContain("<Company>Nämnd &lt;&amp;&gt;</Company>");
});

const xmllint = spawnSync("xmllint", ["--version"], { stdio: "ignore" }).status === 0;

(xmllint ? it : it.skip)("writes well-formed XML in every part (xmllint)", async () => {
  const parts = await docxParts(await reportDocumentBytes(doc));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-docx-xml-"));
  try {
    for (const [name, xml] of Object.entries(parts)) {
      const file = path.join(dir, name.replace(/[/[\]]/g, "_"));
      await fs.writeFile(file, xml);
      execFileSync("xmllint", ["--noout", file]);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
