/**
 * Importera utfall in Excel, on the recording Office.js fake: the open workbook's bytes from
 * getFileAsync, the preview made from them and a picked SIE file, and only after confirmation
 * the imported copy opened with Excel.createWorkbook. The open workbook is never written.
 */
import { confirmImport, importPreview, previewImport } from "../../src/app/importActuals";
import { parseModel } from "../../src/core/parse/parseModel";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import { writeImportedCells } from "../../src/excel/writeImportedCells";
import { pageEngine } from "../../src/page/pageEngine";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { recordingDelivery } from "../helpers/recordingDelivery";
import { FakeExcel } from "./fake/fakeExcel";
import { FakeOfficeDocument, installOffice, removeOffice } from "./fake/fakeOfficeDocument";
import { WorkbookState } from "./fake/workbookState";

const NAME = "nämnd.xlsx";
const ALL_SETS = ["ExcelApi 1.8", "ExcelApi 1.9", "File 1.1", "CompressedFile 1.1"];
const SIE =
  '#RAR 0 20240101 20241231\r\n#PSALDO 0 202403 5011 {} 2500000.00\r\n#PSALDO 0 202403 5011 {1 "110"} 2500000.00\r\n';

beforeEach(installOffice);
afterEach(removeOffice);

it("previews from the open workbook's bytes, then opens the imported copy; nothing is written to the open one", async () => {
  const bytes = await workbookBytes(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: { organisation: "Nämnden", year: 2024, period: "T1", unit: "mnkr" },
      tables: {
        incomeStatement: [{ post: "Personalkostnader", type: "Kostnad" }],
        operatingStatement: [{ activity: "Hemtjänst" }],
        objectMapping: [
          { dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" },
        ],
      },
    } as never)
  );
  const excel = new FakeExcel(
    WorkbookState.fromSnapshot(await readSnapshotFromBuffer(bytes, NAME))
  );
  const document = new FakeOfficeDocument(bytes);
  const opened: string[] = [];
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => ALL_SETS.includes(`${name} ${version}`),
    createWorkbook: { createWorkbook: async (base64) => void opened.push(base64) },
    operations: {
      document,
      pageUrl: "https://tertial.kommun.se/addin/taskpane.html",
      engine: pageEngine,
      download: recordingDelivery().delivery,
      wordDocument: () => ({ kind: "download" }),
    },
  });
  const writes = () => excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load");

  const preview = await previewImport(host.operations!, new File([SIE], "huvudbok.se"));

  expect(opened).toEqual([]);
  expect(preview.rows.map((r) => [r.name, r.before, r.after])).toEqual([
    ["Personalkostnader", "tom", "−2,5\u00a0mnkr"],
    ["Hemtjänst", "tom", "−2,5\u00a0mnkr"],
  ]);

  await confirmImport(host.operations!, preview);

  expect(writes()).toEqual([]);
  expect(document.openFiles).toBe(0);
  expect(opened).toHaveLength(1);
  const copy = parseModel(
    await readSnapshotFromBuffer(Buffer.from(opened[0], "base64"), preview.fileName)
  );
  expect(copy.incomeStatement.map((r) => r.cells.actual.raw)).toEqual([-2.5]);
  expect(copy.operatingStatement.map((r) => r.cells.actual.raw)).toEqual([-2.5]);
});

it("writes the confirmed cells into the open workbook in one batch, one sync", async () => {
  const bytes = await workbookBytes(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: { organisation: "Nämnden", year: 2024, period: "T1", unit: "mnkr" },
      tables: {
        incomeStatement: [{ post: "Personalkostnader", type: "Kostnad", actual: -1 }],
        operatingStatement: [{ activity: "Hemtjänst" }],
        objectMapping: [
          { dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" },
        ],
      },
    } as never)
  );
  const workbook = WorkbookState.fromSnapshot(await readSnapshotFromBuffer(bytes, NAME));
  const excel = new FakeExcel(workbook);
  const made = await pageEngine.importActuals(
    { fileName: NAME, bytes },
    new File([SIE], "huvudbok.se")
  );
  const preview = importPreview(NAME, made);

  await writeImportedCells(excel.run, preview.changes);

  expect(excel.syncs).toHaveLength(1);
  const written = excel.syncs[0].actions.filter((a) => a.action === "set values");
  expect(written).toHaveLength(2);
  for (const change of preview.changes) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(change.address)!;
    const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(workbook.sheet(change.sheet)?.cell(Number(row), column)?.value).toBe(-2.5);
  }
});
