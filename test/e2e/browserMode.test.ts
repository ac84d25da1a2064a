/**
 * Browser mode end to end, on the example workbook: the page outside Office, the findings of
 * `tertial validera --json`, the report of `tertial rapport` as a download, and no request that
 * carries the workbook.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Finding } from "../../src/core/findings";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  EXAMPLE,
  findingsHeading,
  generateButton,
  OFFICE_JS_URL,
  openButton,
  openTertial,
  screenshot,
  shownFindings,
  startSession,
  type Session,
} from "./chromium";
import { runTertial } from "./cli";
import { dumpWorkbook } from "./workbookDump";

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-"));
  session = await startSession();
  page = await openTertial(session);
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("opens in browser mode when office.js cannot load", async () => {
  expect(session.requests.map((r) => r.url)).toContain(OFFICE_JS_URL);
  await expect(openButton(page).isVisible()).resolves.toBe(true);
  await expect(page.getByText("Ingen arbetsbok är öppen.").isVisible()).resolves.toBe(true);
  await screenshot(page, "1-start");
  expect(await seriousViolations(page, "start")).toEqual([]);
});

it("shows where to drop while a file is dragged over the page", async () => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["x"], "exempel.xlsx"));
    return transfer;
  });
  const main = page.getByRole("main");
  await main.dispatchEvent("dragenter", { dataTransfer });
  await page.getByText("Släpp arbetsboken för att öppna den.").waitFor();
  await screenshot(page, "1-dra-hit");
  await main.dispatchEvent("dragleave", { dataTransfer });
  await page.getByText("eller dra en arbetsbok (.xlsx) hit.").waitFor();
  await dataTransfer.dispose();
});

it("lists the findings of tertial validera --json, by sheet with cell", async () => {
  await chooseWorkbook(page, EXAMPLE);
  await findingsHeading(page).waitFor();

  const cli = runTertial(["validera", "--json", EXAMPLE]);
  expect(cli.status).toBe(1); // the example has fel on purpose
  const expected = (JSON.parse(cli.stdout) as Finding[]).map(
    ({ sheet, severity, cell, message }) => ({ sheet, severity, cell, message })
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(await shownFindings(page)).toEqual(expected);

  const fel = expected.filter((f) => f.severity === "fel").length;
  const varningar = expected.length - fel;
  await expect(findingsHeading(page).textContent()).resolves.toBe(
    `Fynd: ${fel} fel och ${varningar} varningar`
  );
  await expect(page.getByText("Vård- och omsorgsnämnden").isVisible()).resolves.toBe(true);
  await screenshot(page, "2-fynd");
  expect(await seriousViolations(page, "fynd")).toEqual([]);
});

it("downloads the report of tertial rapport, cell for cell", async () => {
  const download = page.waitForEvent("download");
  await generateButton(page).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("exempel-2024-T2-rapport.xlsx");
  const browserReport = await fs.readFile(await file.path());

  const cliReport = path.join(dir, "cli-rapport.xlsx");
  expect(runTertial(["rapport", EXAMPLE, "-o", cliReport]).status).toBe(1);
  const expected = await dumpWorkbook(await fs.readFile(cliReport));
  expect(expected.map((sheet) => sheet.name)).toEqual([
    "Rapport Ekonomi",
    "Rapport Riskbild",
    "Rapport Internkontroll",
    "Kontrollresultat",
  ]);
  expect(await dumpWorkbook(browserReport)).toEqual(expected);

  // The example has fel, so the report is a draft (UTKAST), and the pane says so.
  await page.getByText("Rapporten är skapad som utkast", { exact: true }).waitFor();
  const fel = (await shownFindings(page)).filter((f) => f.severity === "fel").length;
  await expect(page.getByRole("main").innerText()).resolves.toContain(
    `Kontrollen hittade ${fel} fel, som listas på bladet Kontrollresultat i rapporten och under Fynd nedan.`
  );
  await expect(page.getByText("Rapporten är klar").count()).resolves.toBe(0);
  await expect(page.getByText("Summa totalt, prognos helår").isVisible()).resolves.toBe(true);
  await expect(generateButton(page).isEnabled()).resolves.toBe(true);
  await screenshot(page, "3-rapport");
  expect(await seriousViolations(page, "rapport")).toEqual([]);
});

it("sends the workbook nowhere: only GETs for the page, and office.js refused", async () => {
  const workbook = await fs.readFile(EXAMPLE);
  // Slices from the start, the middle and the end: any upload, whole or in parts, would hold one.
  const probes = [0, Math.floor(workbook.length / 2), workbook.length - 64].map((at) =>
    workbook.subarray(at, at + 64)
  );
  for (const request of session.requests) {
    expect({ url: request.url, method: request.method, body: request.body }).toEqual({
      url: request.url,
      method: "GET",
      body: null,
    });
    const local = request.url.startsWith(session.url) || request.url.startsWith("blob:");
    if (!local) expect(request.url).toBe(OFFICE_JS_URL);
    for (const probe of probes) {
      expect(Buffer.from(request.url).includes(probe)).toBe(false);
    }
  }
});
