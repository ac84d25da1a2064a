/**
 * The draft marker through the exceljs renderer: a report written while the workbook has fel opens
 * every sheet with the UTKAST banner; one without fel has none. Written and read back with exceljs.
 */
import ExcelJS from "exceljs";
import { analyse, generateReport } from "../../src/core/pipeline";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { makeSnapshot, type RowSpec } from "../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 20));
const LINE: RowSpec = {
  Post: "Lokalhyror",
  Typ: "Kostnad",
  "Utfall period": -40,
  "Budget helår": -64.1,
  "Prognos helår": -64.1,
};
const ACTIVITY: RowSpec = {
  Verksamhet: "Hemtjänst",
  "Utfall period": -40,
  "Budget helår": -64.1,
  "Prognos helår": -64.1,
};

async function written(line: RowSpec): Promise<ExcelJS.Workbook> {
  const snapshot = makeSnapshot({ incomeStatement: [line], operatingStatement: [ACTIVITY] });
  const report = generateReport(analyse(snapshot, { today: TODAY }));
  const bytes = await reportWorkbookBytes(report.doc);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return workbook;
}

describe("the draft marker in a written report", () => {
  it("opens every sheet with the banner, bold dark red on a light red fill, while fel remain", async () => {
    // Typ "Kostnadd" is not in the list: one fel.
    const workbook = await written({ ...LINE, Typ: "Kostnadd" });
    expect(workbook.worksheets).toHaveLength(4);
    for (const ws of workbook.worksheets) {
      const banner = ws.getCell("A1");
      expect(banner.value).toMatch(
        /^UTKAST – arbetsboken har ett fel; se (Kontrollresultat|listan nedan)\.$/
      );
      expect(banner.font).toMatchObject({ bold: true, size: 12, color: { argb: "FF9C0006" } });
      expect(banner.fill).toMatchObject({
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFC7CE" },
      });
      expect(String(ws.getCell("A2").value)).toMatch(/^Utkast: /);
      // And in the page header, so that every printed page says so, not only the first.
      expect(ws.headerFooter.oddHeader).toBe("&C&BUTKAST&B");
      expect(ws.headerFooter.evenHeader).toBe("&C&BUTKAST&B");
      expect(ws.headerFooter.oddFooter).toBe("&CSida &P (&N)");
      // Kontrollresultat included: a draft's fel are what the ekonom prints and fixes.
      expect(ws.state).toBe("visible");
    }
  });

  it("is not there without fel", async () => {
    const workbook = await written(LINE);
    for (const ws of workbook.worksheets) {
      expect(ws.getCell("A1").value).toBe("Vård- och omsorgsnämnden – Delårsrapport augusti 2024");
      ws.eachRow((row) =>
        row.eachCell((cell) => expect(String(cell.value)).not.toMatch(/utkast/i))
      );
      expect(ws.headerFooter.oddHeader ?? "").not.toMatch(/utkast/i);
      // The ekonom's working sheet is kept, hidden, so that printing the workbook prints the nämnd's report.
      expect([ws.name, ws.state]).toEqual([
        ws.name,
        ws.name === "Kontrollresultat" ? "hidden" : "visible",
      ]);
    }
  });
});
