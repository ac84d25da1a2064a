/**
 * Sammanställ inside Excel: the consolidated workbook of three picked units opens through
 * Excel.createWorkbook (a recording fake: its base64 is decoded and read back with exceljs), the
 * open workbook is never changed, and an Excel without ExcelApi 1.8 gets a Swedish way forward
 * before any file is read.
 */
import { HostError } from "../../src/app/appHost";
import { templateUrl } from "../../src/app/templateFile";
import { consolidateUnits } from "../../src/app/consolidation";
import { pageEngine } from "../../src/page/pageEngine";
import { recordingDelivery } from "../helpers/recordingDelivery";
import { analyse } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { TODAY, UNITS } from "../core/consolidate/units";
import { makeSnapshot } from "../helpers/snapshot";
import { sheetRows } from "../helpers/sheetRows";
import { FakeExcel } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

const PAGE = "https://localhost:3000/taskpane.html";

async function unitFiles(): Promise<File[]> {
  const files = [];
  for (const unit of UNITS) {
    files.push(
      new File(
        [
          (await workbookBytes(
            buildWorkbook(LATEST_TEMPLATE, unit.content)
          )) as Uint8Array<ArrayBuffer>,
        ],
        unit.file
      )
    );
  }
  return files;
}

/** The pane's operations in Excel; `engine` counts the consolidations it makes. */
function operationsIn(
  isSetSupported: (name: string, version: string) => boolean,
  createWorkbook: (base64: string) => Promise<void>
) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
  let made = 0;
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported,
    createWorkbook: { templateUrl: templateUrl(PAGE), createWorkbook },
    operations: {
      engine: {
        ...pageEngine,
        consolidate: (input) => {
          made += 1;
          return pageEngine.consolidate(input);
        },
      },
      download: recordingDelivery().delivery,
      wordDocument: () => ({ kind: "download" }),
      pageUrl: PAGE,
    },
  });
  return { excel, operations: host.operations!, made: () => made };
}

function hostIn(apiVersions: readonly string[]) {
  const opened: string[] = [];
  const setup = operationsIn(
    (name, version) => name === "ExcelApi" && apiVersions.includes(version),
    async (base64) => void opened.push(base64)
  );
  return { ...setup, opened };
}

it("opens the consolidated workbook as a new workbook and leaves the open one unchanged", async () => {
  const { excel, operations, opened } = hostIn(["1.8", "1.9"]);
  const files = await unitFiles();
  const outcome = await consolidateUnits(operations, {
    units: files,
    organisation: "Socialnämnden",
    today: TODAY,
  });
  if ("refused" in outcome) throw outcome.refused;
  expect(outcome.delivered).toEqual({ how: "opened", fileName: expect.any(String) });
  const fileName = outcome.delivered!.fileName;

  expect(fileName).toBe("Socialnämnden 2024 T2 sammanställning.xlsx");
  expect(opened).toHaveLength(1);
  const bytes = new Uint8Array(Buffer.from(opened[0], "base64"));
  const nämnd = analyse(await readSnapshotFromBuffer(bytes, fileName), { today: TODAY });
  expect(nämnd.model.settings.values.organisation).toBe("Socialnämnden");
  expect(nämnd.findings.filter((f) => f.severity === "fel")).toEqual([]);
  expect(nämnd.rollup.incomeStatement.total.budget).toBe(-1127);
  expect(nämnd.rollup.incomeStatement.total.forecast).toBe(-1159);
  const rows = await sheetRows(bytes, "Sammanställning");
  expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(UNITS.map((u) => u.file)));
  // Nothing was written to the workbook open in Excel: no sync carried more than loads.
  expect(excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load")).toEqual([]);
});

it("explains in Swedish, pointing to browser mode, when Excel lacks ExcelApi 1.8, and reads no file", async () => {
  const { operations, opened, made } = hostIn([]);
  const attempt = consolidateUnits(operations, { units: await unitFiles(), today: TODAY });
  await expect(attempt).rejects.toThrow(HostError);
  await expect(attempt).rejects.toThrow(
    "Den här versionen av Excel kan inte öppna en ny arbetsbok åt Tertial (det kräver Excel " +
      "JavaScript API 1.8). Sammanställ i webbläsaren i stället: öppna " +
      "https://localhost:3000/taskpane.html, välj enheternas arbetsböcker där och välj " +
      "Sammanställ, så laddas den sammanställda arbetsboken ned."
  );
  expect(made()).toBe(0);
  expect(opened).toEqual([]);
});

it("says so in Swedish when Excel refuses to open the workbook", async () => {
  const { operations } = operationsIn(
    () => true,
    () => Promise.reject(new Error("GeneralException"))
  );
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const attempt = consolidateUnits(operations, { units: await unitFiles(), today: TODAY });
  await expect(attempt).rejects.toThrow(
    "Excel kunde inte öppna den sammanställda arbetsboken. Välj Sammanställ igen om en stund."
  );
});
