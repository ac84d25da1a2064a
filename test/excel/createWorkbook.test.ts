/**
 * Skapa tertialarbetsbok in Excel: on a workbook that is not a Tertial workbook, the pane's host
 * opens a new workbook from the built template through Excel.createWorkbook (ExcelApi 1.8).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { MissingTableError } from "../../src/core/errors";
import { analyse } from "../../src/core/pipeline";
import type { Snapshot } from "../../src/core/snapshot";
import { toBase64 } from "../../src/excel/createWorkbook";
import { createOfficeHost } from "../../src/excel/officeHost";
import { HostError } from "../../src/app/appHost";
import { templateUrl } from "../../src/app/templateFile";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { makeSnapshot } from "../helpers/snapshot";
import { FakeExcel } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

const TEMPLATE = path.join(__dirname, "..", "..", "templates", "tertialuppfoljning-v3.xlsx");
const PAGE = "https://localhost:3000/taskpane.html";

/** A workbook with the template's sheets but none of its tables: what a plain workbook looks like. */
function notTertial(): Snapshot {
  return { ...makeSnapshot(), tables: [] };
}

/** Serves the built template as the add-in's origin does, recording each URL asked for. */
function templateServer() {
  const fetched: string[] = [];
  return {
    fetched,
    fetchBytes: async (url: string) => {
      fetched.push(url);
      if (url !== templateUrl(PAGE)) throw new Error(`404 ${url}`);
      const bytes = await fs.readFile(TEMPLATE);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  };
}

/** Excel.createWorkbook as Office.js has it: a global, recording the workbooks it opened. */
function installExcel(): string[] {
  const opened: string[] = [];
  (globalThis as { Excel?: unknown }).Excel = {
    createWorkbook: async (base64: string) => void opened.push(base64),
  };
  return opened;
}

afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

function hostOn(snapshot: Snapshot, apiVersions: readonly string[] = ["1.8", "1.9"]) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  const server = templateServer();
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: (name, version) => name === "ExcelApi" && apiVersions.includes(version),
    createWorkbook: { templateUrl: templateUrl(PAGE), fetchBytes: server.fetchBytes },
  });
  return { excel, host, server };
}

it("opens a new workbook from the built template, one Tertial can read", async () => {
  const opened = installExcel();
  const { host, server, excel } = hostOn(notTertial());
  await expect(host.readSnapshot().then(analyse)).rejects.toThrow(MissingTableError);

  expect(host.newWorkbook?.label).toBe("Skapa tertialarbetsbok");
  await host.newWorkbook!.create();

  expect(server.fetched).toEqual(["https://localhost:3000/tertialuppfoljning-v3.xlsx"]);
  expect(opened).toHaveLength(1);
  const bytes = Buffer.from(opened[0], "base64");
  expect(bytes.equals(await fs.readFile(TEMPLATE))).toBe(true);
  const analysis = analyse(await readSnapshotFromBuffer(bytes, "Ny arbetsbok.xlsx"));
  expect(analysis.model.settings.values.templateVersion).toBe(3);
  // The user's own workbook is left as it was: no sync wrote to it.
  expect(excel.syncs.flatMap((s) => s.actions).filter((a) => a.action !== "load")).toEqual([]);
});

it("explains in Swedish, with the template's address, when Excel lacks ExcelApi 1.8", async () => {
  const opened = installExcel();
  const { host, server } = hostOn(notTertial(), []);
  const attempt = host.newWorkbook!.create();
  await expect(attempt).rejects.toThrow(HostError);
  await expect(attempt).rejects.toThrow(
    /kan inte öppna en ny arbetsbok åt Tertial \(det kräver Excel JavaScript API 1\.8\)\. Hämta mallen från https:\/\/localhost:3000\/tertialuppfoljning-v3\.xlsx/
  );
  expect(server.fetched).toEqual([]);
  expect(opened).toEqual([]);
});

it("says the template could not be fetched, and opens nothing", async () => {
  const opened = installExcel();
  const excel = new FakeExcel(WorkbookState.fromSnapshot(notTertial()));
  const host = createOfficeHost({
    run: excel.run,
    isSetSupported: () => true,
    createWorkbook: {
      templateUrl: "https://localhost:3000/saknas.xlsx",
      fetchBytes: templateServer().fetchBytes,
    },
  });
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  await expect(host.newWorkbook!.create()).rejects.toThrow(
    "Tertials mall kunde inte hämtas. Kontrollera nätverket och välj Skapa tertialarbetsbok igen."
  );
  expect(opened).toEqual([]);
});

it("encodes a file larger than one slice as base64", () => {
  const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
  expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
});
