/**
 * Validation on real files written by exceljs: a computed column's error value reported once, and
 * the optional Väsentlig avvikelse villkor read from a workbook that has the row.
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import { analyse } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { SAMPLE_CONTENT } from "../../scripts/fixtures/sampleContent";
import { makeTempDir, templateWith, writeXlsx } from "./readTestFiles";

const TODAY = new Date(Date.UTC(2024, 8, 20));
const INCOME_HEADERS = LATEST_TEMPLATE.tables["incomeStatement"].columns.map((c) => c.header);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function findingsOfFile(name: string, workbook: ExcelJS.Workbook) {
  const file = await writeXlsx(dir, name, workbook);
  return analyse(await readSnapshotFromFile(file), { today: TODAY }).findings;
}

describe("an error value in a computed column", () => {
  const line = (values: Record<string, ExcelJS.CellValue>) =>
    INCOME_HEADERS.map((h) => values[h] ?? null);

  it("is reported once, at the input, when an input causes it", async () => {
    // Header row 3 from column A: Post A, Typ B, …, Budget helår G, Prognos helår H, Avvikelse I.
    const found = await findingsOfFile(
      "avvikelse-fel.xlsx",
      templateWith(SAMPLE_CONTENT, "incomeStatement", {
        origin: "A3",
        headers: INCOME_HEADERS,
        rows: [
          // A number typed as text (Excel: #VALUE!); Tertial reads it, so it is only a varning.
          line({
            Post: "Taxor och avgifter",
            Typ: "Intäkt",
            "Utfall period": 40,
            "Budget helår": 62,
            "Prognos helår": "63,5",
            "Avvikelse prognos mot budget": { formula: "H4-G4", result: { error: "#VALUE!" } },
            Kommentar: "Fler kunder.",
          }),
          // Text that is no number at all: a fel at the input, still none at the computed cell.
          line({
            Post: "Personalkostnader",
            Typ: "Kostnad",
            "Utfall period": -470,
            "Budget helår": -712.9,
            "Prognos helår": "ca 745",
            "Avvikelse prognos mot budget": { formula: "H5-G5", result: { error: "#VALUE!" } },
            Kommentar: "Bemanning.",
          }),
          // An input that is itself an error value: reported there, once.
          line({
            Post: "Lokalkostnader",
            Typ: "Kostnad",
            "Budget helår": { error: "#REF!" },
            "Prognos helår": -64.1,
            "Avvikelse prognos mot budget": { formula: "H6-G6", result: { error: "#REF!" } },
          }),
          // Inputs that are fine: the computed cell's error is its own, and reported.
          line({
            Post: "Övriga kostnader",
            Typ: "Kostnad",
            "Utfall period": -13,
            "Budget helår": -20,
            "Prognos helår": -20,
            "Avvikelse prognos mot budget": { formula: "H7-#REF!", result: { error: "#REF!" } },
          }),
        ],
      })
    );
    const onSheet = found
      .filter((f) => f.sheet === "Resultaträkning")
      .map((f) => [f.severity, f.code, f.cell]);
    expect(onSheet).toEqual([
      ["varning", "tal-som-text", "H4"],
      ["fel", "inte-ett-tal", "H5"],
      ["fel", "felvarde", "G6"],
      // Template v2: Avvikelse prognos mot budget is column K (after I and J, the new ones).
      ["fel", "felvarde", "K7"],
    ]);
    expect(found.find((f) => f.cell === "K7")?.message).toContain(
      "Avvikelse prognos mot budget innehåller felvärdet #REF!"
    );
  });
});

describe("Väsentlig avvikelse villkor in a workbook's tblInstallningar", () => {
  // Template v2 writes the row itself: here it is left out, or given once at the end.
  const written = LATEST_TEMPLATE.settingRows.filter((s) => s.key !== "materialCondition");
  const settingsTable = (condition: ExcelJS.CellValue | undefined) => {
    const values = SAMPLE_CONTENT.settings ?? {};
    // The sample's settings are plain numbers and texts.
    const rows = written.map((s): ExcelJS.CellValue[] => [
      s.label,
      (values[s.key] ?? null) as ExcelJS.CellValue,
    ]);
    if (condition !== undefined) rows.push(["Väsentlig avvikelse villkor", condition]);
    return { origin: "B3", headers: ["Inställning", "Värde"], rows };
  };
  // Taxor och avgifter: 63,5 against 62 is 1,5 (2,4 %): over the amount (1), under the percent (5).
  const material = (found: Awaited<ReturnType<typeof findingsOfFile>>) =>
    found.filter((f) => f.code === "vasentlig-avvikelse-utan-kommentar").map((f) => f.cell);

  it("applies either threshold without the row, and both with Belopp och procent", async () => {
    const without = await findingsOfFile(
      "utan-villkor.xlsx",
      templateWith(SAMPLE_CONTENT, "settings", settingsTable(undefined))
    );
    // Kommentar is column L in template v2.
    expect(material(without)).toContain("L4");
    const both = await findingsOfFile(
      "villkor-och.xlsx",
      templateWith(SAMPLE_CONTENT, "settings", settingsTable("Belopp och procent"))
    );
    expect(material(both)).not.toContain("L4");
    expect(both.filter((f) => f.sheet === "Inställningar")).toEqual([]);
  });

  it("refuses an unknown value at its cell", async () => {
    const found = await findingsOfFile(
      "villkor-okant.xlsx",
      templateWith(SAMPLE_CONTENT, "settings", settingsTable("Belopp + procent"))
    );
    expect(found.filter((f) => f.sheet === "Inställningar")).toEqual([
      expect.objectContaining({
        severity: "fel",
        code: "installning-ogiltig",
        cell: `C${4 + written.length}`,
      }),
    ]);
  });
});
