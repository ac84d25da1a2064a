/**
 * Browser mode end to end, on the example workbook: the page outside Office, the findings of
 * `tertial validera --json`, the report of `tertial rapport` as a download, and no request that
 * carries the workbook.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/findings";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  EXAMPLE,
  findingsHeading,
  generateButton,
  OFFICE_JS_URL,
  openButton,
  paneInBrowser,
  screenshot,
  shownFindings,
} from "./chromium";
import { runTertial } from "./cli";
import { dumpWorkbook } from "./workbookDump";

const pane = paneInBrowser("tertial-e2e-");

it("opens in browser mode when office.js cannot load", async () => {
  expect(pane.session.requests.map((r) => r.url)).toContain(OFFICE_JS_URL);
  await expect(openButton(pane.page).isVisible()).resolves.toBe(true);
  await expect(pane.page.getByText("Ingen arbetsbok är öppen.").isVisible()).resolves.toBe(true);
  await screenshot(pane.page, "1-start");
  expect(await seriousViolations(pane.page, "start")).toEqual([]);
});

it("shows where to drop while a file is dragged over the page", async () => {
  const dataTransfer = await pane.page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["x"], "exempel.xlsx"));
    return transfer;
  });
  const main = pane.page.getByRole("main");
  await main.dispatchEvent("dragenter", { dataTransfer });
  await pane.page.getByText("Släpp arbetsboken för att öppna den.").waitFor();
  await screenshot(pane.page, "1-dra-hit");
  await main.dispatchEvent("dragleave", { dataTransfer });
  await pane.page.getByText("eller dra en arbetsbok (.xlsx) hit.").waitFor();
  await dataTransfer.dispose();
});

it("lists the findings of tertial validera --json, by sheet with cell", async () => {
  await chooseWorkbook(pane.page, EXAMPLE);
  await findingsHeading(pane.page).waitFor();

  const cli = runTertial(["validera", "--json", EXAMPLE]);
  expect(cli.status).toBe(1); // the example has fel on purpose
  const expected = (JSON.parse(cli.stdout) as Finding[]).map(
    ({ sheet, severity, cell, message }) => ({ sheet, severity, cell, message })
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(await shownFindings(pane.page)).toEqual(expected);

  const fel = expected.filter((f) => f.severity === "fel").length;
  const varningar = expected.length - fel;
  await expect(findingsHeading(pane.page).textContent()).resolves.toBe(
    `Fynd: ${fel} fel och ${varningar} varningar`
  );
  await expect(pane.page.getByText("Vård- och omsorgsnämnden").isVisible()).resolves.toBe(true);
  await screenshot(pane.page, "2-fynd");
  expect(await seriousViolations(pane.page, "fynd")).toEqual([]);
});

it("downloads the report of tertial rapport, cell for cell", async () => {
  const download = pane.page.waitForEvent("download");
  await generateButton(pane.page).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("exempel-2024-T2-rapport.xlsx");
  const browserReport = await fs.readFile(await file.path());

  const cliReport = path.join(pane.dir, "cli-rapport.xlsx");
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
  await pane.page.getByText("Rapporten är skapad som utkast", { exact: true }).waitFor();
  const fel = (await shownFindings(pane.page)).filter((f) => f.severity === "fel").length;
  await expect(pane.page.getByRole("main").innerText()).resolves.toContain(
    `Kontrollen hittade ${fel} fel, som listas på bladet Kontrollresultat i rapporten och under Fynd nedan.`
  );
  await expect(pane.page.getByText("Rapporten är klar").count()).resolves.toBe(0);
  await expect(pane.page.getByText("Summa totalt, prognos helår").isVisible()).resolves.toBe(true);
  await expect(generateButton(pane.page).isEnabled()).resolves.toBe(true);
  await screenshot(pane.page, "3-rapport");
  expect(await seriousViolations(pane.page, "rapport")).toEqual([]);
});

it("sends the workbook nowhere: only GETs for the page, and office.js refused", async () => {
  const workbook = await fs.readFile(EXAMPLE);
  // Slices from the start, the middle and the end: any upload, whole or in parts, would hold one.
  const probes = [0, Math.floor(workbook.length / 2), workbook.length - 64].map((at) =>
    workbook.subarray(at, at + 64)
  );
  for (const request of pane.session.requests) {
    expect({ url: request.url, method: request.method, body: request.body }).toEqual({
      url: request.url,
      method: "GET",
      body: null,
    });
    const local = request.url.startsWith(pane.session.url) || request.url.startsWith("blob:");
    if (!local) expect(request.url).toBe(OFFICE_JS_URL);
    for (const probe of probes) {
      expect(Buffer.from(request.url).includes(probe)).toBe(false);
    }
  }
});
