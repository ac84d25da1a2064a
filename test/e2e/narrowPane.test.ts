/**
 * The pane at the width of Excel's task pane (360 px), in browser mode: the start page, Ny period
 * done, and the files Tertial cannot report from (a CSV, a workbook off another template, a report
 * Tertial made). Each: no horizontal overflow, one primary button, and no report action left to
 * choose on a file that cannot be reported from. Screenshots go to test-output/e2e/smal-*.png.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { analyse, generateReport } from "../../src/core/pipeline";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import {
  chooseWorkbook,
  errorMessage,
  findingsHeading,
  generateButton,
  openButton,
  ROOT,
  screenshot,
  startSession,
  type Session,
} from "./chromium";

const T2 = path.join(ROOT, "templates", "exempel-2024-ar", "T2.xlsx");
const NO_TABLES = path.join(ROOT, "test", "fixtures", "invalid", "no-tables.xlsx");
const WIDTH = 360;

let session: Session;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-smal-"));
  session = await startSession();
  page = await session.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 800 });
  // Fluent's buttons then change colour at once, so a button is read at rest, not mid-transition.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(session.url);
  await openButton(page).waitFor();
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Pane-wide checks at 360 px, the mouse away so no button shows its hover colour. */
async function checkNarrowPane(): Promise<{ primary: string[] }> {
  await page.mouse.move(WIDTH - 1, 799);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
  // An enabled primary button is the only one whose text is white on the brand colour; a pressed
  // filter chip (Fel, Varningar) looks alike but is a toggle, not an action.
  const primary = await page
    .getByRole("button")
    .evaluateAll((buttons) =>
      buttons
        .filter(
          (b) =>
            !b.hasAttribute("aria-pressed") && getComputedStyle(b).color === "rgb(255, 255, 255)"
        )
        .map((b) => (b as HTMLElement).innerText.trim())
    );
  return { primary };
}

/** Nothing that reports from the file is left to choose. */
async function expectNoReportAction(): Promise<void> {
  await expect(generateButton(page).count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Ny period" }).count()).resolves.toBe(0);
  await expect(page.getByText(/Ny period (gör|skapar)/).count()).resolves.toBe(0);
}

it("start page: Öppna arbetsbok is the one primary button, beside Ladda ned tom mall, Hjälp and a favicon", async () => {
  await expect(page.getByRole("button", { name: "Ladda ned tom mall" }).isVisible()).resolves.toBe(
    true
  );
  const help = page.getByRole("link", { name: "Hjälp: så använder du Tertial" });
  expect(await help.getAttribute("href")).toBe("hjalp.html");
  for (const file of ["hjalp.html", "favicon.ico"]) {
    const response = await page.request.get(new URL(file, session.url).href);
    expect([file, response.status()]).toEqual([file, 200]);
  }
  expect((await checkNarrowPane()).primary).toEqual(["Öppna arbetsbok"]);
  await screenshot(page, "smal-startsida");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Ladda ned tom mall" }).click();
  expect((await download).suggestedFilename()).toBe("tertialuppfoljning-v3.xlsx");
});

it("Ny period done: the message wraps within 360 px", async () => {
  await chooseWorkbook(page, T2);
  await findingsHeading(page).waitFor();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Ny period" }).click();
  await download;
  const done = page.locator("[data-new-period] .fui-MessageBar");
  await done.getByText("Arbetsboken för Helår 2024 är skapad").waitFor();
  // The long file name in the message is the line that once made the pane 947 px wide.
  expect(await done.innerText()).toContain("Vård- och omsorgsnämnden 2024 Helår.xlsx");
  expect((await checkNarrowPane()).primary).toEqual(["Generera rapport"]);
  await screenshot(page, "smal-ny-period-klar");
});

it("a CSV: says why, no report action, Öppna arbetsbok the one primary button", async () => {
  const csv = path.join(dir, "utfall.csv");
  await fs.writeFile(csv, "Konto;Belopp\n4010;-1200\n");
  await chooseWorkbook(page, csv);
  await errorMessage(page).waitFor();
  await expect(errorMessage(page).innerText()).resolves.toContain("utfall.csv");
  await expectNoReportAction();
  expect((await checkNarrowPane()).primary).toEqual(["Öppna arbetsbok"]);
  await screenshot(page, "smal-csv");
});

it("a workbook off another template: the template offered as the one primary button", async () => {
  await chooseWorkbook(page, NO_TABLES);
  await page.getByRole("region", { name: "Ingen tertialarbetsbok" }).waitFor();
  await expectNoReportAction();
  expect((await checkNarrowPane()).primary).toEqual(["Ladda ned tom mall"]);
  await screenshot(page, "smal-annan-arbetsbok");
});

it("a report Tertial made: named as a report, with the way to its workbook", async () => {
  const snapshot = await readSnapshotFromBuffer(await fs.readFile(T2), "T2.xlsx");
  const report = path.join(dir, "T2-rapport.xlsx");
  await fs.writeFile(report, await reportWorkbookBytes(generateReport(analyse(snapshot)).doc));
  await chooseWorkbook(page, report);
  await errorMessage(page).waitFor();
  const text = await errorMessage(page).innerText();
  expect(text).toContain("Det här är en rapport från Tertial; öppna arbetsboken den gjordes från.");
  expect(text).not.toContain("bygger inte på Tertials mall");
  await expect(page.getByRole("region", { name: "Ingen tertialarbetsbok" }).count()).resolves.toBe(
    0
  );
  await expectNoReportAction();
  expect((await checkNarrowPane()).primary).toEqual(["Öppna arbetsbok"]);
  await screenshot(page, "smal-tertialrapport");
});
