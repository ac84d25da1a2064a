/**
 * Sammanställ inside Excel: the consolidated workbook of three picked units opens through
 * Excel.createWorkbook (a recording fake: its base64 is decoded and read back with exceljs), the
 * open workbook is never changed, and an Excel without ExcelApi 1.8 gets a Swedish way forward
 * before any file is read.
 */
import { HostError } from "../../src/app/appHost";
import { templateUrl } from "../../src/app/templateFile";
import { consolidateWorkbooks } from "../../src/browser/consolidation";
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

function hostIn(apiVersions: readonly string[]) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
  const opened: string[] = [];
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => name === "ExcelApi" && apiVersions.includes(version),
    createWorkbook: {
      templateUrl: templateUrl(PAGE),
      createWorkbook: async (base64) => void opened.push(base64),
    },
  });
  return { excel, host, opened };
}

it("opens the consolidated workbook as a new workbook and leaves the open one unchanged", async () => {
  const { excel, host, opened } = hostIn(["1.8", "1.9"]);
  const files = await unitFiles();
  let fileName = "";
  await host.openConsolidated!(async () => {
    const outcome = await consolidateWorkbooks(files, {
      organisation: "Socialnämnden",
      today: TODAY,
    });
    if ("refused" in outcome) throw outcome.refused;
    fileName = outcome.file.fileName;
    return outcome.file.bytes;
  });

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
  const { host, opened } = hostIn([]);
  let made = false;
  const attempt = host.openConsolidated!(async () => {
    made = true;
    return new Uint8Array();
  });
  await expect(attempt).rejects.toThrow(HostError);
  await expect(attempt).rejects.toThrow(
    "Den här versionen av Excel kan inte öppna en ny arbetsbok åt Tertial (det kräver Excel " +
      "JavaScript API 1.8). Sammanställ i webbläsaren i stället: öppna " +
      "https://localhost:3000/taskpane.html, välj enheternas arbetsböcker där och välj " +
      "Sammanställ, så laddas den sammanställda arbetsboken ned."
  );
  expect(made).toBe(false);
  expect(opened).toEqual([]);
});

it("says so in Swedish when Excel refuses to open the workbook", async () => {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: () => true,
    createWorkbook: {
      templateUrl: templateUrl(PAGE),
      createWorkbook: () => Promise.reject(new Error("GeneralException")),
    },
  });
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  await expect(host.openConsolidated!(async () => new Uint8Array([1]))).rejects.toThrow(
    "Excel kunde inte öppna den sammanställda arbetsboken. Välj Sammanställ igen om en stund."
  );
});
