/**
 * Klarmarkera in Excel, on the recording fake holding a real workbook's tables: the pane writes
 * the four ready-mark Värde cells and nothing else, in one batch; the workbook then validates
 * clean; one cell edited afterwards is a fel at the seal (the same rule `tertial validera` runs),
 * and a workbook with fel is refused with nothing written.
 */
import { markReady, markReadyMessage } from "../../src/app/markReady";
import type { MarkReadyStep } from "../../src/app/progress";
import { analyse } from "../../src/core/pipeline";
import { sealDigest } from "../../src/core/seal/sealDigest";
import { cellAddress } from "../../src/core/snapshot";
import { createOfficeHost } from "../../src/excel/officeHost";
import { parseCell } from "../../src/excel/addresses";
import { pageEngine } from "../../src/page/pageEngine";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { recordingDelivery } from "../helpers/recordingDelivery";
import { sealableBytes, T1_TODAY, UNMARKED_T1 } from "../helpers/sealable";
import { FakeOfficeDocument } from "./fake/fakeOfficeDocument";
import { FakeExcel } from "./fake/fakeExcel";
import { typeIn, WorkbookState } from "./fake/workbookState";

const NAME = "Äldreomsorg T1.xlsx";
const ALL_SETS = ["ExcelApi 1.8", "ExcelApi 1.9", "File 1.1", "CompressedFile 1.1"];

async function excelWith(content = UNMARKED_T1) {
  const bytes = await sealableBytes(content);
  const snapshot = await readSnapshotFromBuffer(bytes, NAME);
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => ALL_SETS.includes(`${name} ${version}`),
    operations: {
      document: new FakeOfficeDocument(bytes),
      pageUrl: "https://tertial.kommun.se/addin/taskpane.html",
      engine: pageEngine,
      download: recordingDelivery().delivery,
      wordDocument: () => ({ kind: "download" }),
    },
  });
  const steps: MarkReadyStep[] = [];
  const writes = () => excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load");
  const findings = async () => analyse(await host.readSnapshot(), { today: T1_TODAY }).findings;
  /** The Värde address of an Inställningar row, where the reader found it. */
  const settingCell = (label: string) => {
    const t = snapshot.tables.find((x) => x.name === "tblInstallningar")!;
    return cellAddress(
      t.headerRow + 1 + t.rows.findIndex((r) => r[0] === label),
      t.firstColumn + 1
    );
  };
  const mark = () => markReady(host, "Eva Ekonom", T1_TODAY, (step) => steps.push(step));
  return { excel, host, steps, writes, findings, settingCell, snapshot, mark };
}

it("writes the four ready-mark cells, and only them, in one batch; the workbook then validates clean", async () => {
  const setup = await excelWith();
  expect(await setup.findings()).toEqual([]);
  // The same seal from Office.js's values (dates as serial numbers) as from the package's.
  const fromOffice = analyse(await setup.host.readSnapshot()).model;
  expect(sealDigest(fromOffice)).toBe(sealDigest(analyse(setup.snapshot).model));
  setup.excel.resetRecording();
  const outcome = await setup.mark();
  expect(outcome.kind).toBe("marked");
  if (outcome.kind !== "marked") return;
  expect(setup.steps).toEqual(["read", "check", "markCells"]);
  const writes = setup.writes();
  const labels = [
    "Klarmarkerad",
    "Klarmarkerad av",
    "Klarmarkerad datum",
    "Klarmarkerad kontrollsumma",
  ];
  expect(writes.map((w) => w.path)).toEqual(
    labels.map((l) => `worksheets.getItem("Inställningar").getRange(${setup.settingCell(l)})`)
  );
  expect(writes.every((w) => w.action === "set values")).toBe(true);
  expect(writes.map((w) => w.value)).toEqual([
    [["'Ja"]],
    [["'Eva Ekonom"]],
    [["'2024-05-15"]],
    [[`'${outcome.values.readyDigest}`]],
  ]);
  const batches = setup.excel.syncs.filter((s) => s.actions.some((a) => a.action !== "load"));
  expect(batches).toHaveLength(1);
  expect(await setup.findings()).toEqual([]);
  expect(markReadyMessage(outcome)).toEqual([
    `${NAME} är klarmarkerad av Eva Ekonom 2024-05-15.`,
    "Spara arbetsboken. Ändras uppgifterna efter det visar Validera och Sammanställ att den är ändrad efter klarmarkering.",
  ]);
});

it("one cell edited after marking is a fel at Klarmarkerad kontrollsumma", async () => {
  const setup = await excelWith();
  expect((await setup.mark()).kind).toBe("marked");
  const actions = setup.snapshot.tables.find((t) => t.name === "tblAtgarder")!;
  const owner = actions.headers.indexOf("Ansvarig");
  const sheet = setup.excel.workbook.sheets.find((s) => s.name === "Åtgärder")!;
  typeIn(sheet.touch(actions.headerRow + 1, actions.firstColumn + owner), "Ekonomichef");
  const found = await setup.findings();
  const seal = parseCell(setup.settingCell("Klarmarkerad kontrollsumma"));
  expect(found).toEqual([
    expect.objectContaining({
      code: "andrad-efter-klarmarkering",
      severity: "fel",
      cell: cellAddress(seal.row, seal.column),
    }),
  ]);
});

it("refuses a workbook with fel and writes nothing", async () => {
  const setup = await excelWith({
    ...UNMARKED_T1,
    settings: { ...UNMARKED_T1.settings, period: null },
  });
  setup.excel.resetRecording();
  const outcome = await setup.mark();
  expect(outcome).toEqual({
    kind: "refused",
    message: expect.stringMatching(
      /^Äldreomsorg T1\.xlsx har \d+ fel och kan inte klarmarkeras\. Rätta felen och klarmarkera igen\. Validera visar var de finns\.$/
    ),
  });
  expect(setup.writes()).toEqual([]);
});
