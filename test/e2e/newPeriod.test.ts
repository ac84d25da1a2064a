/**
 * Ny period in the page. Browser mode: the example T2 opened, Ny period clicked, the download is
 * the Helår workbook `tertial ny-period` writes (every table cell), and the T2 file, the findings
 * and the page's requests show that nothing else changed. The Excel pane (office.js stubbed with
 * getFileAsync over the same file): the exceljs chunk loads only on the click, and
 * Excel.createWorkbook receives the same Helår workbook.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { countBySeverity } from "../../src/core/findings";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse } from "../../src/core/pipeline";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  findingsHeading,
  OFFICE_JS_URL,
  ROOT,
  screenshot,
  shownFindings,
  startSession,
  openTertial,
  type Session,
} from "./chromium";
import { withOneFel } from "../helpers/withOneFel";
import { runTertial } from "./cli";

/** The example T2 with one fel put back (it is klar-able), written in beforeAll. */
let T2: string;
const HELAR = "Vård- och omsorgsnämnden 2024 Helår.xlsx";

let session: Session;
let dir: string;
let cliHelar: Buffer;

const newPeriodButton = (p: Page) => p.getByRole("button", { name: "Ny period" });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const modelOf = async (bytes: Uint8Array, name: string) =>
  parseModel(await readSnapshotFromBuffer(bytes, name));
/** Every sheet and every table cell, as Tertial's reader (exceljs) reads them. */
const tablesOf = async (bytes: Uint8Array) => {
  const { sheetNames, tables } = await readSnapshotFromBuffer(bytes, HELAR);
  return { sheetNames, tables };
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-ny-period-"));
  T2 = path.join(dir, "T2.xlsx");
  await fs.writeFile(
    T2,
    await withOneFel(path.join(ROOT, "templates", "exempel-2024-ar", "T2.xlsx"))
  );
  session = await startSession();
  const out = path.join(dir, "cli.xlsx");
  expect(runTertial(["ny-period", T2, "-o", out]).status).toBe(1); // T2 has a fel on purpose
  cliHelar = await fs.readFile(out);
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("browser mode downloads the next period's workbook, the one tertial ny-period writes", async () => {
  const before = sha256(await fs.readFile(T2));
  const page = await openTertial(session);
  await chooseWorkbook(page, T2);
  await findingsHeading(page).waitFor();
  const findings = await shownFindings(page);
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));

  const download = page.waitForEvent("download");
  await newPeriodButton(page).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(HELAR);
  const bytes = await fs.readFile(await file.path());

  // Read back with exceljs: Helår 2024, T2's forecasts carried into Prognos föregående tertial.
  const input = await modelOf(await fs.readFile(T2), "T2.xlsx");
  const next = await modelOf(bytes, HELAR);
  expect([next.settings.values.year, next.settings.values.period]).toEqual([2024, "Helår"]);
  expect(next.incomeStatement.map((r) => r.cells.previousForecast.value)).toEqual(
    input.incomeStatement.map((r) => r.cells.forecast.value)
  );
  expect(next.investments.map((r) => r.cells.previousForecast.value)).toEqual(
    input.investments.map((r) => r.cells.forecast.value)
  );
  expect(await tablesOf(bytes)).toEqual(await tablesOf(cliHelar));

  const done = page.locator("[data-new-period] .fui-MessageBar");
  await done.getByText("Arbetsboken för Helår 2024 är skapad").waitFor();
  const text = await done.innerText();
  expect(text).toContain(`Den laddas ned som ${HELAR} (oftast till mappen Hämtade filer).`);
  expect(text).toContain("T2 2024 är stängd: Historik fick");
  const fel = countBySeverity(
    analyse(await readSnapshotFromBuffer(await fs.readFile(T2), "T2.xlsx")).findings
  ).fel;
  expect(text).toContain(`T2.xlsx har ${fel} fel. Värdena förs över som de står`);
  expect(text).toContain("T2.xlsx ändrades inte.");

  // Nothing else changed: the file, the findings shown, one download, no upload.
  expect(sha256(await fs.readFile(T2))).toBe(before);
  expect(await shownFindings(page)).toEqual(findings);
  expect(downloads).toEqual([HELAR]);
  expect(session.requests.filter((r) => r.method !== "GET" || r.body !== null)).toEqual([]);
  await screenshot(page, "ny-period");
  expect(await seriousViolations(page, "ny-period")).toEqual([]);
  await page.close();
});

/** office.js inside Excel: getFileAsync hands out `base64`'s bytes; createWorkbook records. */
const excelStub = (base64: string) => `
  const bytes = Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));
  const later = (f) => setTimeout(f, 0);
  window.openedWorkbooks = [];
  window.fileCalls = [];
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
    context: {
      platform: "PC",
      requirements: { isSetSupported: () => true },
      document: {
        url: "C:\\\\Ekonomi\\\\T2.xlsx",
        getFileAsync(type, options, callback) {
          fileCalls.push("getFileAsync " + type);
          const size = options.sliceSize;
          later(() => callback({ status: "succeeded", value: {
            size: bytes.length,
            sliceCount: Math.ceil(bytes.length / size),
            getSliceAsync(i, cb) {
              fileCalls.push("getSliceAsync " + i);
              later(() => cb({ status: "succeeded", value: { data: Array.from(bytes.subarray(i * size, (i + 1) * size)) } }));
            },
            closeAsync(cb) { fileCalls.push("closeAsync"); later(() => cb && cb({ status: "succeeded" })); },
          } }));
        },
      },
    },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  };
  window.Excel = {
    // Opening waits for the test (window.finishOpening), so it can look at the pane meanwhile.
    createWorkbook: (b64) => new Promise((resolve) => {
      openedWorkbooks.push(b64);
      window.finishOpening = resolve;
    }),
    run: async (options, batch) => batch({
      workbook: { name: "T2.xlsx", load() {} },
      sync: async () => undefined,
    }),
  };`;

it("the Excel pane loads exceljs only on Ny period and opens the next workbook in Excel", async () => {
  const page = await session.context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => scripts.push(new URL(request.url()).pathname));
  const t2 = await fs.readFile(T2);
  await page.route(OFFICE_JS_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      body: excelStub(t2.toString("base64")),
    })
  );
  await page.goto(session.url);
  await newPeriodButton(page).waitFor();
  await page.waitForLoadState("networkidle");
  expect(scripts.filter((s) => s.endsWith(".js"))).not.toContain("/exceljs.js");
  await expect(page.getByText("också ändringar som inte är sparade").isVisible()).resolves.toBe(
    true
  );

  const validera = page.getByRole("button", { name: "Validera" });
  await expect(validera.getAttribute("aria-disabled")).resolves.not.toBe("true");
  await newPeriodButton(page).click();
  await page.waitForFunction(() => "finishOpening" in window);
  // While Ny period runs, Validera and Generera rapport wait for it.
  await expect(validera.getAttribute("aria-disabled")).resolves.toBe("true");
  await page.evaluate(() => (window as unknown as { finishOpening: () => void }).finishOpening());
  await page.getByText("Arbetsboken för Helår 2024 är skapad").waitFor();
  await expect(validera.getAttribute("aria-disabled")).resolves.not.toBe("true");
  expect(scripts).toContain("/exceljs.js");
  expect(
    await page.evaluate(() => (window as unknown as { fileCalls: string[] }).fileCalls)
  ).toEqual(["getFileAsync compressed", "getSliceAsync 0", "closeAsync"]);
  const opened = await page.evaluate(
    () => (window as unknown as { openedWorkbooks: string[] }).openedWorkbooks
  );
  expect(opened).toHaveLength(1);
  expect(await tablesOf(Buffer.from(opened[0], "base64"))).toEqual(await tablesOf(cliHelar));
  await expect(page.locator("[data-new-period]").innerText()).resolves.toContain(
    `Den är öppnad i Excel som en ny arbetsbok: spara den som ${HELAR}.`
  );
  await screenshot(page, "ny-period-excel");
  await page.close();
});
