/**
 * Hämta från Kolada-fil in Excel and in browser mode: the open workbook's bytes (Excel: a
 * recording Office.js fake), the picked Kolada pages, the shared path, and the filled workbook
 * opened with Excel.createWorkbook or downloaded, read back here. The open workbook is never
 * written; a fill with nothing to write delivers nothing.
 */
import { fillFromKolada, koladaMessage } from "../../src/app/kolada";
import type { PickedFile } from "../../src/app/operation";
import type { KoladaStep } from "../../src/app/progress";
import { parseModel } from "../../src/core/parse/parseModel";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import { pageEngine } from "../../src/page/pageEngine";
import { koladaWorkbook } from "../../src/xlsx/kolada/koladaWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { T1_2024 } from "../core/cycle/yearContent";
import { recordingDelivery } from "../helpers/recordingDelivery";
import { FakeOfficeDocument, installOffice, removeOffice } from "./fake/fakeOfficeDocument";
import { FakeExcel } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

const NAME = "Vård- och omsorgsnämnden 2024 T2.xlsx";
const PAGE = "https://tertial.kommun.se/addin/taskpane.html";
const ALL_SETS = ["ExcelApi 1.8", "ExcelApi 1.9", "File 1.1", "CompressedFile 1.1"];

beforeEach(installOffice);
afterEach(removeOffice);

const CONTENT: WorkbookContent = {
  ...T1_2024,
  settings: { ...T1_2024.settings, period: "T2", municipalityCode: "0381" },
  tables: {
    ...T1_2024.tables,
    indicators: [
      { id: "I1", indicator: "Sjukfrånvaro", area: "Personal", source: "Kolada:N00945", actual: 7 },
      { id: "I2", indicator: "Nöjdhet", area: "Mål", source: "Kolada:U23471" },
    ],
  },
};

const kolada = (kpi: string, period: number, value: number | null) => ({
  kpi,
  municipality: "0381",
  period,
  values: [{ gender: "T", count: 1, status: "", value, isdeleted: false }],
});

function picked(name: string, json: unknown): PickedFile {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

const PAGE_1 = picked("kolada.json", {
  values: [kolada("N00945", 2024, 9.4), kolada("N00945", 2023, 10.2), kolada("U23471", 2024, 81)],
});

async function excelWith(content: WorkbookContent = CONTENT) {
  const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));
  const excel = new FakeExcel(
    WorkbookState.fromSnapshot(await readSnapshotFromBuffer(bytes, NAME))
  );
  const opened: string[] = [];
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => ALL_SETS.includes(`${name} ${version}`),
    createWorkbook: { createWorkbook: async (base64) => void opened.push(base64) },
    operations: {
      document: new FakeOfficeDocument(bytes),
      pageUrl: PAGE,
      engine: {
        ...pageEngine,
        // The shared path itself: jest cannot load the page's webpack chunk.
        kolada: async (wb, files) =>
          koladaWorkbook(
            wb.bytes,
            wb.fileName,
            await Promise.all(
              files.map(async (f) => ({
                name: f.name,
                text: new TextDecoder().decode(await f.arrayBuffer()),
              }))
            )
          ),
      },
      download: recordingDelivery().delivery,
      wordDocument: () => ({ kind: "download" }),
    },
  });
  const writes = () => excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load");
  return { host, opened, writes };
}

it("opens the filled workbook in Excel, writes nothing to the open one and names what is missing", async () => {
  const { host, opened, writes } = await excelWith();
  const steps: KoladaStep[] = [];

  const done = await fillFromKolada(host.operations!, [PAGE_1], (s) => steps.push(s));

  expect(steps).toEqual(["read", "koladaFill", "open"]);
  expect(writes()).toEqual([]);
  expect(opened).toHaveLength(1);
  const filled = parseModel(
    await readSnapshotFromBuffer(Buffer.from(opened[0], "base64"), done.fileName)
  );
  expect(
    filled.indicators.map((r) => [r.cells.id.value, r.cells.priorYear.value, r.cells.actual.value])
  ).toEqual([
    ["I1", 10.2, 9.4],
    ["I2", null, 81],
  ]);

  const message = koladaMessage(done, "open");
  expect(done.fileName).toBe("Vård- och omsorgsnämnden 2024 T2 Kolada.xlsx");
  expect(message.intent).toBe("warning");
  expect(message.title).toBe("Tre värden från Kolada för kommun 0381");
  expect(message.lines[0]).toBe(
    "Den är öppnad i Excel som en ny arbetsbok: spara den som Vård- och omsorgsnämnden 2024 T2 Kolada.xlsx."
  );
  expect(message.lines).toContainEqual(
    expect.stringMatching(
      /^Ersatt: Indikatorer!\w+ \(indikator I1, Utfall\): 7 ersattes med 9,4\.$/
    )
  );
  expect(message.lines).toContainEqual(
    expect.stringContaining("(indikator I2, Kolada:U23471, 2023, kommun 0381): filen har ingen rad")
  );
  expect(message.lines.at(-1)).toBe(`${NAME} ändrades inte. Källa: Kolada.`);
});

it("delivers nothing when no indicator has a Kolada value for the kommun", async () => {
  const { host, opened, writes } = await excelWith({
    ...CONTENT,
    settings: { ...CONTENT.settings, municipalityCode: "0180" },
  });
  const done = await fillFromKolada(host.operations!, [PAGE_1], () => undefined);
  expect(done.delivered).toBeNull();
  expect(opened).toEqual([]);
  expect(writes()).toEqual([]);
  const message = koladaMessage(done, "open");
  expect(message.intent).toBe("error");
  expect(message.lines[0]).toBe(
    "Kolada-filerna har inget värde för kommun 0180 och indikatorerna med Källa Kolada."
  );
});
