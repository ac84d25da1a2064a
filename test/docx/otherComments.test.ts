/**
 * Every comment reaches the report: on the example year T2, the comments on rows below the
 * materiality threshold (Resultaträkning L11, Driftsredovisning L16) stand under their table, in
 * "Kommentarer till övriga poster", in the xlsx report read back and in the Word document alike.
 */
import path from "node:path";
import { analyse, generateReport, type Analysis } from "../../src/core/pipeline";
import { ECONOMY_SHEET } from "../../src/core/report/productSheets";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { sheetRows } from "../helpers/sheetRows";
import { docxParts, paragraphs } from "./documentXml";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
const HEADING = "Kommentarer till övriga poster";

let analysis: Analysis;
beforeAll(async () => {
  analysis = analyse(await readSnapshotFromFile(EXAMPLE));
});

/** "Label: comment" of the row at sheet row `row`, after checking it is no väsentlig avvikelse. */
function otherComment(source: "incomeStatement" | "operatingStatement", row: number): string {
  const { rollup } = analysis;
  const lines =
    source === "incomeStatement"
      ? rollup.incomeStatement.lines.map(({ line }) => [line, line.cells.post.value] as const)
      : rollup.operatingStatement.lines.map(
          ({ line }) => [line, line.cells.activity.value] as const
        );
  const found = lines.find(([line]) => line.row === row);
  const comment = found?.[0].cells.comment.value;
  if (!found || !comment) throw new Error(`Rad ${row} har ingen kommentar i exemplet`);
  expect(rollup.materialDeviations.some((d) => d.source === source && d.row === row)).toBe(false);
  return `${found[1]}: ${comment}`;
}

it("puts the comments below the threshold under their tables, in the xlsx report and in Word", async () => {
  const expected = [otherComment("incomeStatement", 11), otherComment("operatingStatement", 16)];
  const { doc } = generateReport(analysis);

  const rows = await sheetRows(await reportWorkbookBytes(doc), ECONOMY_SHEET);
  const texts = rows.flat().filter((v): v is string => typeof v === "string");
  for (const comment of expected) expect(texts).toContain(comment);
  // Under each ledger table: after Resultaträkning's heading, and after Driftsredovisning's.
  const at = (text: string) => texts.indexOf(text);
  expect(at("Resultaträkning")).toBeLessThan(at(expected[0]));
  expect(at(expected[0])).toBeLessThan(at("Driftsredovisning"));
  expect(at("Driftsredovisning")).toBeLessThan(at(expected[1]));
  // A merged heading reads back once per cell: count the rows that hold it.
  expect(rows.filter((r) => r.includes(HEADING))).toHaveLength(2);

  const body = (await docxParts(await reportDocumentBytes(doc)))["word/document.xml"];
  const words = paragraphs(body);
  for (const comment of expected) expect(words.map((p) => p.text)).toContain(comment);
  expect(words.filter((p) => p.text === HEADING).map((p) => p.style)).toEqual([
    "Heading3",
    "Heading3",
  ]);
});
