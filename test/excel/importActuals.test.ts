/**
 * Importera utfall in Excel, on the recording Office.js fake: the preview is made from the open
 * workbook's bytes (getFileAsync) and a picked SIE file, and nothing is written until the user
 * confirms; then the previewed cells go into the open workbook in one write batch, after one read
 * that checks the workbook still is what was previewed. "Skapa kopia först" opens the workbook as
 * it was (Excel.createWorkbook) before anything is written.
 */
import { HostError } from "../../src/app/appHost";
import { applyImport, previewImport, type ImportPreview } from "../../src/app/importActuals";
import type { ImportStep } from "../../src/app/progress";
import { columnNumber } from "../../src/core/snapshot";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import { pageEngine } from "../../src/page/pageEngine";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { recordingDelivery } from "../helpers/recordingDelivery";
import { FakeExcel } from "./fake/fakeExcel";
import { FakeOfficeDocument, installOffice, removeOffice } from "./fake/fakeOfficeDocument";
import { typeIn, WorkbookState } from "./fake/workbookState";

const NAME = "nämnd.xlsx";
const ALL_SETS = ["ExcelApi 1.8", "ExcelApi 1.9", "File 1.1", "CompressedFile 1.1"];
const SIE = [
  "#RAR 0 20240101 20241231",
  "#PSALDO 0 202403 5011 {} 2500000.00",
  '#PSALDO 0 202403 5011 {1 "110"} 2500000.00',
  "#PSALDO 0 202402 3110 {} -500000.00",
  '#PSALDO 0 202402 3110 {1 "110"} -500000.00',
].join("\r\n");

beforeEach(installOffice);
afterEach(() => {
  removeOffice();
  jest.restoreAllMocks();
});

async function openInExcel(options: { failCopy?: boolean } = {}) {
  const bytes = await workbookBytes(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: { organisation: "Nämnden", year: 2024, period: "T1", unit: "mnkr" },
      tables: {
        incomeStatement: [
          { post: "Taxor och avgifter", type: "Intäkt", actual: 7 },
          { post: "Personalkostnader", type: "Kostnad" },
        ],
        operatingStatement: [{ activity: "Hemtjänst", actual: -1 }],
        objectMapping: [
          { dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" },
        ],
      },
    } as never)
  );
  const workbook = WorkbookState.fromSnapshot(await readSnapshotFromBuffer(bytes, NAME));
  const excel = new FakeExcel(workbook);
  const writes = () => excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load");
  const copies: { base64: string; writesBefore: number }[] = [];
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => ALL_SETS.includes(`${name} ${version}`),
    createWorkbook: {
      createWorkbook: async (base64) => {
        if (options.failCopy) throw new Error("createWorkbook failed");
        copies.push({ base64, writesBefore: writes().length });
      },
    },
    operations: {
      document: new FakeOfficeDocument(bytes),
      pageUrl: "https://tertial.kommun.se/addin/taskpane.html",
      engine: pageEngine,
      download: recordingDelivery().delivery,
      wordDocument: () => ({ kind: "download" }),
    },
  });
  const cellOf = (sheet: string, address: string) => {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return workbook.sheet(sheet)!.touch(Number(row), columnNumber(letters));
  };
  return { bytes, excel, writes, copies, operations: host.operations!, cellOf };
}

const steps = () => {
  const seen: ImportStep[] = [];
  return { seen, onStep: (step: ImportStep) => void seen.push(step) };
};

/** The preview's cells as [name, the value it writes]. */
const afterValues = (preview: ImportPreview) => preview.changes.map((c) => [c.name, c.after]);

it("writes nothing before confirmation; then the previewed cells in one write batch", async () => {
  const { excel, writes, copies, operations, cellOf } = await openInExcel();
  const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);

  expect(writes()).toEqual([]);
  expect(copies).toEqual([]);
  expect(preview.rows.map((r) => [r.name, r.header, r.before, r.after])).toEqual([
    ["Taxor och avgifter", "Utfall period", "7\u00a0mnkr", "0,5\u00a0mnkr"],
    ["Personalkostnader", "Utfall period", "tom", "−2,5\u00a0mnkr"],
    ["Hemtjänst", "Utfall period", "−1\u00a0mnkr", "−2\u00a0mnkr"],
  ]);
  const syncsBefore = excel.syncs.length;
  const { seen, onStep } = steps();

  const applied = await applyImport(operations, preview, false, onStep);

  expect(applied).toEqual({ kind: "written", copy: null });
  expect(seen).toEqual(["importCells"]);
  const after = excel.syncs.slice(syncsBefore);
  // One read (the check), one write: every previewed cell, nothing else.
  expect(after.map((s) => s.actions.some((a) => a.action !== "load"))).toEqual([false, true]);
  expect(after[1].actions.map((a) => a.action)).toEqual(preview.changes.map(() => "set values"));
  expect(preview.changes.map((c) => [c.name, cellOf(c.sheet, c.address).value])).toEqual(
    afterValues(preview)
  );
  expect(copies).toEqual([]);
});

it("Skapa kopia först opens the workbook as it was before anything is written", async () => {
  const { bytes, writes, copies, operations, cellOf } = await openInExcel();
  const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
  const { seen, onStep } = steps();

  const applied = await applyImport(operations, preview, true, onStep);

  expect(seen).toEqual(["copy", "importCells"]);
  expect(applied).toEqual({
    kind: "written",
    copy: { how: "opened", fileName: "nämnd före import.xlsx" },
  });
  expect(copies).toHaveLength(1);
  expect(copies[0].writesBefore).toBe(0);
  expect(Buffer.from(copies[0].base64, "base64").equals(Buffer.from(bytes))).toBe(true);
  expect(writes()).toHaveLength(preview.changes.length);
  expect(preview.changes.map((c) => [c.name, cellOf(c.sheet, c.address).value])).toEqual(
    afterValues(preview)
  );
});

it("writes nothing when the copy cannot be opened", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { writes, operations } = await openInExcel({ failCopy: true });
  const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);

  await expect(applyImport(operations, preview, true, steps().onStep)).rejects.toThrow(
    "Excel kunde inte öppna kopian av arbetsboken, så inget importerades"
  );
  expect(writes()).toEqual([]);
});

describe("refuses, writing nothing, when the workbook changed after the preview", () => {
  it("a previewed cell typed over", async () => {
    const { writes, operations, cellOf } = await openInExcel();
    const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
    const typedOver = preview.changes[1];
    typeIn(cellOf(typedOver.sheet, typedOver.address), 42);

    const failure = applyImport(operations, preview, false, steps().onStep);

    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toThrow(
      `Arbetsboken har ändrats sedan förhandsvisningen (bladet Resultaträkning, cell ` +
        `${typedOver.address} (Personalkostnader, Utfall period) har ändrats), så inget skrevs.`
    );
    expect(writes()).toEqual([]);
  });

  it("but not for a number the file and Excel hold a last digit apart", async () => {
    const { writes, operations, cellOf } = await openInExcel();
    const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
    const [first] = preview.changes;
    typeIn(cellOf(first.sheet, first.address), 7 + 7 * 2 ** -52);

    await applyImport(operations, preview, false, steps().onStep);

    expect(writes()).toHaveLength(preview.changes.length);
  });

  it("rows sorted: a row no longer holds its Post", async () => {
    const { writes, operations, cellOf } = await openInExcel();
    const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
    const [first, second] = preview.changes;
    typeIn(cellOf(first.sheet, first.nameAddress), "Personalkostnader");
    typeIn(cellOf(second.sheet, second.nameAddress), "Taxor och avgifter");

    await expect(applyImport(operations, preview, false, steps().onStep)).rejects.toThrow(
      `cell ${first.nameAddress} är inte längre "Taxor och avgifter"`
    );
    expect(writes()).toEqual([]);
  });
});
