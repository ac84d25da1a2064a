/**
 * The example year's T2 and Helår reports show what changed since the last period, in every
 * rendering: the ReportDoc as plain text, and the Word document's tables (text and fill). The
 * example's data is made so that T2 has status changes, a new risk and åtgärd, a new riskvärde
 * and kontroller reported in T1, now and later (scripts/data/exempel-ar-2024.ts).
 */
import path from "node:path";
import { analyse, generateReport, type GeneratedReport } from "../../src/core/pipeline";
import { plainText } from "../../src/core/report/plainText";
import { STYLES } from "../../src/core/layout/styles";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { docxParts, tableCells } from "./documentXml";

const YEAR = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar");

async function report(file: string): Promise<GeneratedReport> {
  return generateReport(analyse(await readSnapshotFromFile(path.join(YEAR, file))));
}

async function wordBody(r: GeneratedReport): Promise<string> {
  return (await docxParts(await reportDocumentBytes(r.doc)))["word/document.xml"];
}

/** The XML of the Word table cell whose text starts with `text`. */
function cellXml(body: string, text: string): string | undefined {
  return [...body.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)]
    .map((m) => m[0])
    .find((xml) => tableCells(xml)[0]?.startsWith(text));
}

describe("the example year's T2 report", () => {
  let t2: GeneratedReport;
  let body: string;
  beforeAll(async () => {
    t2 = await report("T2.xlsx");
    body = await wordBody(t2);
  });

  it("says in plain text what changed since T1", () => {
    const text = plainText(t2.doc);
    expect(text).toContain(
      "Sedan T1 har en risk och en åtgärd tillkommit, fyra åtgärder bytt status och en risk fått ändrat riskvärde."
    );
    expect(text).toContain("► Pågående / Försenad / Ändrad sedan T1: / Ej påbörjad → Pågående |");
    expect(text.match(/● Avslutad \/ Ändrad sedan T1: \/ Pågående → Avslutad \|/g)).toHaveLength(3);
    expect(text).toContain("Förändring | Ny risk sedan T1");
    expect(text).toContain(
      "Riskvärde | 12 (sannolikhet 4 × konsekvens 3) / Ändrat sedan T1: 9 → 12"
    );
    expect(text).toContain(
      // The year plans K3 and K4, which 004 gives no result, for Helår.
      "Tre kontroller har rapporterats i T2 2024, en rapporterades tidigare under året och två är planerade senare under året."
    );
  });

  it("prints the marks in Word's tables, each in its cell's fill", () => {
    const cells = tableCells(body);
    expect(cells).toContain("● Avslutad\nÄndrad sedan T1:\nPågående → Avslutad");
    expect(cells).toContain("► Pågående\nFörsenad\nNy sedan T1");
    expect(cells).toContain("▲ Kontroll genomförd med mindre avvikelse\nRapporterad i T1");
    expect(cells).toContain("Planerad till Helår");
    expect(cellXml(body, "Ny risk sedan T1")).toContain(`w:fill="${STYLES.change.fill}"`);
    expect(cellXml(body, "12 (sannolikhet 4")).toContain(`w:fill="${STYLES.change.fill}"`);
    expect(cellXml(body, "● Avslutad\nÄndrad")).toContain(
      `w:fill="${STYLES["status.avslutad"].fill}"`
    );
  });
});

it("the example year's Helår report lists each kontroll under the period it was reported in", async () => {
  const helar = await report("Helår.xlsx");
  const text = plainText(helar.doc);
  expect(text).toContain("Sedan T2 har två åtgärder bytt status.");
  expect(text).toContain(
    "Två kontroller har rapporterats vid helår 2024 och fyra rapporterades tidigare under året."
  );
  const cells = tableCells(await wordBody(helar));
  expect(cells.filter((c) => c.endsWith("\nRapporterad i T2"))).toHaveLength(3);
  expect(cells.filter((c) => c.endsWith("\nRapporterad i T1"))).toHaveLength(1);
});
