/** Files the page must refuse, in Swedish and without leaving the last workbook's results on screen. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { CorruptWorkbookError, NotAWorkbookError } from "../../src/core/errors";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  dropFiles,
  errorMessage,
  EXAMPLE,
  findingsHeading,
  openTertial,
  ROOT,
  screenshot,
  startSession,
  type Session,
} from "./chromium";

const INVALID = path.join(ROOT, "test", "fixtures", "invalid");

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = await openTertial(session);
});

afterAll(() => session?.close());

it("says in Swedish that a corrupt workbook cannot be read, and shows nothing of the last one", async () => {
  await chooseWorkbook(page, EXAMPLE);
  await findingsHeading(page).waitFor();

  await chooseWorkbook(page, path.join(INVALID, "damaged-sheet.xlsx"));
  await errorMessage(page).waitFor();
  await expect(errorMessage(page).innerText()).resolves.toContain(
    new CorruptWorkbookError("damaged-sheet.xlsx").message
  );
  await expect(page.getByText("Arbetsbok: damaged-sheet.xlsx").isVisible()).resolves.toBe(true);
  await expect(findingsHeading(page).count()).resolves.toBe(0);
  await expect(page.getByText("Vård- och omsorgsnämnden").count()).resolves.toBe(0);
  await screenshot(page, "5-skadad-fil");
  expect(await seriousViolations(page, "skadad-fil")).toEqual([]);
});

it("names what a dropped file is when it is not an .xlsx", async () => {
  const bytes = await fs.readFile(path.join(INVALID, "old-format.xls"));
  await dropFiles(page, [{ name: "budget.xls", bytes }]);
  await expect(page.getByText("Arbetsbok: budget.xls").isVisible()).resolves.toBe(true);
  await expect(errorMessage(page).innerText()).resolves.toContain(
    new NotAWorkbookError("budget.xls", "xls").message
  );
});

it("offers Sammanställ when several are dropped, keeping the workbook open before", async () => {
  const bytes = await fs.readFile(EXAMPLE);
  await dropFiles(page, [
    { name: "a.xlsx", bytes },
    { name: "b.xlsx", bytes },
  ]);
  await page.getByRole("button", { name: "Sammanställ 2 arbetsböcker" }).waitFor();
  await expect(page.getByText("Arbetsbok: budget.xls").isVisible()).resolves.toBe(true);
});
