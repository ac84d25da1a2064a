/**
 * Importera utfall as the pane runs it in browser mode (in Node, which has File): the opened
 * workbook and a picked SIE file give a preview of every changed cell, before → after, and the
 * reconciliation; nothing is delivered until applyImport, which hands over the imported copy.
 */
import { applyImport, importMessage, previewImport } from "../../src/app/importActuals";
import { createBrowserHost } from "../../src/browser/browserHost";
import { parseModel } from "../../src/core/parse/parseModel";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { recordingDelivery } from "../helpers/recordingDelivery";

const SIE = [
  "#SIETYP 3",
  '#FNAMN "Exempelkommun"',
  "#RAR 0 20240101 20241231",
  '#KONTO 3999 "Övriga intäkter ej mappade"',
  "#PSALDO 0 202401 5011 {} 1500000.00",
  '#PSALDO 0 202401 5011 {1 "110"} 1500000.00',
  "#PSALDO 0 202405 5011 {} 99.00", // after T1: not imported
  "#PSALDO 0 202402 3110 {} -250000.00",
  '#PSALDO 0 202402 3110 {1 "110"} -250000.00',
  "#PSALDO 0 202403 9999 {} 12.00", // class 9: never imported
].join("\r\n");

async function openedWorkbook(): Promise<File> {
  const book = buildWorkbook(LATEST_TEMPLATE, {
    settings: { organisation: "Nämnden", year: 2024, period: "T1", unit: "mnkr" },
    tables: {
      incomeStatement: [
        { post: "Taxor och avgifter", type: "Intäkt", actual: 9 },
        { post: "Personalkostnader", type: "Kostnad", actual: -1.5 },
      ],
      operatingStatement: [{ activity: "Hemtjänst", actual: -7 }],
      objectMapping: [{ dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" }],
    },
  } as never);
  return new File([Buffer.from(await workbookBytes(book))], "nämnd.xlsx");
}

it("previews every changed cell before → after, and delivers the copy only when confirmed", async () => {
  const operations = { ...createBrowserHost(await openedWorkbook(), () => undefined).operations! };
  const recorded = recordingDelivery();
  const host = { ...operations, delivery: recorded.delivery };

  const preview = await previewImport(host, new File([SIE], "huvudbok.se"), () => undefined);

  expect(recorded.delivered).toEqual([]);
  expect(preview.fileName).toBe("nämnd importerad.xlsx");
  expect(preview.rows.map((r) => [r.sheet, r.name, r.header, r.before, r.after])).toEqual([
    ["Resultaträkning", "Taxor och avgifter", "Utfall period", "9\u00a0mnkr", "0,25\u00a0mnkr"],
    // Personalkostnader is −1,5 already: not a change. Hemtjänst −7 → −1,25.
    ["Driftsredovisning", "Hemtjänst", "Utfall period", "−7\u00a0mnkr", "−1,25\u00a0mnkr"],
  ]);
  expect(preview.summary[0]).toContain('#FNAMN "Exempelkommun"');
  expect(preview.gaps).toEqual([]);
  expect(preview.reconciliation[0]).toBe(
    "Avstämning Utfall period: huvudbokens resultatkonton −1,25\u00a0mnkr, Resultaträkning " +
      "−1,25\u00a0mnkr, Driftsredovisning −1,25\u00a0mnkr – stämmer."
  );

  const applied = await applyImport(host, preview, false, () => undefined);

  expect(applied).toEqual({
    kind: "delivered",
    delivered: { how: "downloaded", fileName: "nämnd importerad.xlsx", url: expect.any(String) },
  });
  expect(importMessage(preview, applied).lines).toEqual([
    "Den laddas ned som nämnd importerad.xlsx (oftast till mappen Hämtade filer).",
    "nämnd.xlsx ändrades inte.",
  ]);
  const [file] = recorded.delivered;
  const model = parseModel(await readSnapshotFromBuffer(file.bytes, file.fileName));
  expect(model.incomeStatement.map((r) => r.cells.actual.raw)).toEqual([0.25, -1.5]);
  expect(model.operatingStatement.map((r) => r.cells.actual.raw)).toEqual([-1.25]);
});
