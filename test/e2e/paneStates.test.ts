/**
 * The pane's states beside the happy path, in browser mode: the severity filters, a workbook that
 * is not a Tertial workbook (with the way forward), and a re-read that fails.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { MissingTableError } from "../../src/core/errors";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  errorMessage,
  EXAMPLE,
  findingsHeading,
  paneInBrowser,
  ROOT,
  screenshot,
  shownFindings,
  validateButton,
} from "./chromium";

const TEMPLATE = path.join(ROOT, "templates", "tertialuppfoljning-v3.xlsx");
const NO_TABLES = path.join(ROOT, "test", "fixtures", "invalid", "no-tables.xlsx");

const pane = paneInBrowser("tertial-e2e-");

const chip = (name: "Fel" | "Varningar") =>
  pane.page
    .getByRole("group", { name: "Visa:" })
    .getByRole("button", { name: new RegExp(`^${name} `) });

it("filters the findings: a pressed chip shows its severity, an unpressed one hides it", async () => {
  await chooseWorkbook(pane.page, EXAMPLE);
  await findingsHeading(pane.page).waitFor();
  const all = await shownFindings(pane.page);
  const fel = all.filter((f) => f.severity === "fel").length;
  const varningar = all.length - fel;
  expect(fel).toBeGreaterThan(0);
  expect(varningar).toBeGreaterThan(0);
  await expect(chip("Fel").getAttribute("aria-pressed")).resolves.toBe("true");
  await expect(chip("Varningar").getAttribute("aria-pressed")).resolves.toBe("true");
  await expect(chip("Fel").innerText()).resolves.toBe(`Fel (${fel})`);
  await screenshot(pane.page, "filter-1-alla-visas");

  await chip("Fel").click();
  await expect(chip("Fel").getAttribute("aria-pressed")).resolves.toBe("false");
  const onlyWarnings = await shownFindings(pane.page);
  expect(onlyWarnings).toEqual(all.filter((f) => f.severity === "varning"));
  // The pressed and unpressed chips look different, not only to screen readers.
  const background = (name: "Fel" | "Varningar") =>
    chip(name).evaluate((button) => getComputedStyle(button).backgroundColor);
  expect(await background("Fel")).not.toBe(await background("Varningar"));
  await screenshot(pane.page, "filter-2-fel-dolda");
  expect(await seriousViolations(pane.page, "filter")).toEqual([]);

  await chip("Varningar").click();
  await pane.page.getByText("Inga fynd med vald allvarlighet.").waitFor();
  await chip("Fel").click();
  await chip("Varningar").click();
  await expect(shownFindings(pane.page)).resolves.toEqual(all);
});

it("offers the empty template on a workbook that is not a Tertial workbook", async () => {
  await chooseWorkbook(pane.page, NO_TABLES);
  const notTertial = pane.page.getByRole("region", { name: "Ingen tertialarbetsbok" });
  await notTertial.waitFor();
  const text = await notTertial.innerText();
  expect(text).toContain("Det här är ingen tertialarbetsbok");
  expect(text).toContain(
    new MissingTableError("no-tables.xlsx", "tblInstallningar", "Inställningar").message
  );
  // Neither a command to run nor an internal table name.
  expect(text).not.toMatch(/tertial mall|tbl[A-Z]/);
  // Nothing of the workbook open before is left on screen.
  await expect(findingsHeading(pane.page).count()).resolves.toBe(0);
  await expect(errorMessage(pane.page).count()).resolves.toBe(0);
  await screenshot(pane.page, "ingen-tertialarbetsbok-1");

  const download = pane.page.waitForEvent("download");
  await notTertial.getByRole("button", { name: "Ladda ned tom mall" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("tertialuppfoljning-v3.xlsx");
  const bytes = await fs.readFile(await file.path());
  expect(bytes.equals(await fs.readFile(TEMPLATE))).toBe(true);
  await notTertial.getByText("Mallen laddas ned som tertialuppfoljning-v3.xlsx").waitFor();
  await screenshot(pane.page, "ingen-tertialarbetsbok-2-mallen-hamtad");
  expect(await seriousViolations(pane.page, "ingen-tertialarbetsbok")).toEqual([]);
});

it("clears the last results when a re-read fails, instead of showing both", async () => {
  const copy = path.join(pane.dir, "T2.xlsx");
  await fs.copyFile(EXAMPLE, copy);
  await chooseWorkbook(pane.page, copy);
  await findingsHeading(pane.page).waitFor();
  await expect(pane.page.getByText("Vård- och omsorgsnämnden").isVisible()).resolves.toBe(true);

  // The file changes on disk after it was picked: Chromium refuses to read it again.
  await fs.writeFile(copy, "inte längre en arbetsbok");
  await validateButton(pane.page).click();
  await errorMessage(pane.page).waitFor();
  await expect(errorMessage(pane.page).innerText()).resolves.toContain("T2.xlsx kunde inte läsas.");
  await expect(findingsHeading(pane.page).count()).resolves.toBe(0);
  await expect(pane.page.getByText("Vård- och omsorgsnämnden").count()).resolves.toBe(0);
  await screenshot(pane.page, "omlasning-misslyckades");
});
