/**
 * The browser host on real files, run in Node (which has File and Blob): it reads a picked file
 * into the same Snapshot as the CLI's reader, hands back a NEW report workbook named after the
 * file, and turns a file that can no longer be read into a Swedish message.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { MadeFile } from "../../src/app/operation";
import { reportFileName } from "../../src/app/reportFileName";
import { createBrowserHost } from "../../src/browser/browserHost";
import { analyse, generateReport } from "../../src/core/pipeline";
import { reportSheets } from "../../src/core/layout/layout";
import { HostError } from "../../src/app/appHost";
import { userMessage } from "../../src/app/errorMessage";
import { generateWorkbookReport } from "../../src/app/workflow";
import { loadXlsx } from "../../src/xlsx/exceljsShim";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { isTertialReport } from "../../src/xlsx/render/reportMarker";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

async function exampleFile(): Promise<File> {
  return new File([await fs.readFile(EXAMPLE)], "exempel-2024-T2.xlsx");
}

afterEach(() => jest.restoreAllMocks());

const noReport = () => {
  throw new Error("no report expected");
};

it("reads a picked file into the Snapshot the CLI reads from disk", async () => {
  const host = createBrowserHost(await exampleFile(), noReport);
  expect(host.reportInWorkbook).toBe(false);
  expect(await host.readSnapshot()).toEqual(await readSnapshotFromFile(EXAMPLE));
});

it("hands Generera rapport's sheets back as a new workbook named <fil>-rapport.xlsx", async () => {
  const reports: MadeFile[] = [];
  const host = createBrowserHost(await exampleFile(), (report) => reports.push(report));
  const generated = await generateWorkbookReport(host, () => undefined);

  expect(reports.map((r) => r.fileName)).toEqual(["exempel-2024-T2-rapport.xlsx"]);
  const workbook = await loadXlsx(new ExcelJS.Workbook(), reports[0].bytes, {});
  expect(workbook.worksheets.map((s) => s.name)).toEqual(generated.sheetNames);
  // The download carries the same marker: `tertial rapport` may later replace it while unchanged.
  expect(await isTertialReport(reports[0].bytes)).toBe(true);
  // The CLI's content; findings are plain text, not links into the user's workbook.
  const expected = generateReport(analyse(await readSnapshotFromFile(EXAMPLE)));
  const findings = workbook.getWorksheet("Kontrollresultat")!;
  const grid = reportSheets(expected.doc).find((s) => s.name === "Kontrollresultat")!;
  let compared = 0;
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.value == null) return; // empty, or covered by a merge
      expect(findings.getCell(r + 1, c + 1).value).toEqual(cell.value);
      compared++;
    })
  );
  expect(compared).toBeGreaterThan(20);
});

it("says which file could not be read when it changed or vanished since it was opened", async () => {
  const gone = {
    name: "budget.xlsx",
    size: 1000,
    arrayBuffer: () => Promise.reject(new DOMException("changed", "NotReadableError")),
  };
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const error = await createBrowserHost(gone, noReport)
    .readSnapshot()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect(userMessage(error)).toMatch(/^budget\.xlsx kunde inte läsas\. .*Öppna arbetsbok/);
});

it.each([
  ["exempel-2024-T2.xlsx", "exempel-2024-T2-rapport.xlsx"],
  ["Budget.XLSX", "Budget-rapport.xlsx"],
  ["vo.nämnd.2024.xlsx", "vo.nämnd.2024-rapport.xlsx"],
  ["utan-ändelse", "utan-ändelse-rapport.xlsx"],
  [".xlsx", ".xlsx-rapport.xlsx"],
])("names the report of %s %s", (input, expected) => {
  expect(reportFileName(input)).toBe(expected);
});
