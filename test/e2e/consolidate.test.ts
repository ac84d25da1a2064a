/**
 * Sammanställ in browser mode: three units' workbooks dropped on the page (and picked with a lock
 * file and a broken file) become one consolidated workbook, downloaded and read back with
 * exceljs, and the pane's per-unit table says which units are not ready or could not be used;
 * with a workbook chosen under "Inställningar från", the download's thresholds are that one's.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { analyse } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { TODAY, UNITS } from "../core/consolidate/units";
import { sheetRows } from "../helpers/sheetRows";
import { seriousViolations } from "./axe";
import {
  dropFiles,
  nextFileChooser,
  openButton,
  openTertial,
  screenshot,
  startSession,
  type Session,
} from "./chromium";

let session: Session;
let page: Page;
let dir: string;
let units: { name: string; bytes: Buffer }[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-sammanstall-"));
  units = [];
  for (const unit of UNITS) {
    const bytes = Buffer.from(await workbookBytes(buildWorkbook(LATEST_TEMPLATE, unit.content)));
    await fs.writeFile(path.join(dir, unit.file), bytes);
    units.push({ name: unit.file, bytes });
  }
  await fs.writeFile(path.join(dir, "~$IFO.xlsx"), "Eva Ekonom");
  await fs.writeFile(path.join(dir, "Trasig.xlsx"), "inte en arbetsbok");
  const limits = { ...UNITS[1].content.settings, materialAmount: 5, materialPercent: 3 };
  await fs.writeFile(
    path.join(dir, "Nämndens gränser.xlsx"),
    await workbookBytes(buildWorkbook(LATEST_TEMPLATE, { settings: limits }))
  );
  session = await startSession();
  page = await openTertial(session);
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const consolidateButton = (p: Page, n: number) =>
  p.getByRole("button", { name: `Sammanställ ${n} arbetsböcker` });

/** The per-unit table as text: per row, its cells' text. */
function tableText(p: Page): Promise<string[][]> {
  return p.evaluate(() =>
    [...document.querySelectorAll("[data-consolidation-table] tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].map((cell) => (cell as HTMLElement).innerText.trim())
    )
  );
}

it("consolidates three dropped workbooks into a downloaded workbook of the units' sums", async () => {
  await dropFiles(page, units);
  await consolidateButton(page, 3).waitFor();
  await page.getByLabel("Organisation (valfritt)").fill("Socialnämnden");
  const download = page.waitForEvent("download");
  await consolidateButton(page, 3).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Socialnämnden 2024 T2 sammanställning.xlsx");
  const bytes = new Uint8Array(await fs.readFile(await file.path()));

  const nämnd = analyse(await readSnapshotFromBuffer(bytes, file.suggestedFilename()), {
    today: TODAY,
  });
  expect(nämnd.model.settings.values.organisation).toBe("Socialnämnden");
  expect(nämnd.rollup.incomeStatement.total.budget).toBe(-1127);
  expect(nämnd.rollup.incomeStatement.total.forecast).toBe(-1159);
  const summary = await sheetRows(bytes, "Sammanställning");
  expect(summary.map((r) => r[0])).toEqual(expect.arrayContaining(UNITS.map((u) => u.file)));

  await page.getByText("Sammanställningen är klar").waitFor();
  const main = await page.getByRole("main").innerText();
  expect(main).toContain(
    "3 av 3 filer sammanställda. 1 enhet är inte klarmarkerad. Budget helår −1\u00a0127,0\u00a0mnkr, " +
      "prognos helår −1\u00a0159,0\u00a0mnkr, avvikelse −32,0\u00a0mnkr."
  );
  expect(main).toContain("Den laddas ned som Socialnämnden 2024 T2 sammanställning.xlsx");
  const rows = await tableText(page);
  expect(rows.map((r) => r[0].split("\n"))).toEqual([
    ["Äldreomsorg", "Äldreomsorg.xlsx"],
    ["Individ- och familjeomsorg", "IFO.xlsx"],
    ["Funktionsstöd", "Funktionsstöd.xlsx"],
  ]);
  expect(rows[0][1]).toMatch(/^Klar\nKlarmarkerad av Eva Ekonom 2024-09-12\n0 fel/);
  expect(rows[2][1]).toMatch(/^Inte klarmarkerad\n0 fel och 0 varningar$/);
  expect(rows.map((r) => r[2])).toEqual(["−19,0\u00a0mnkr", "−3,0\u00a0mnkr", "−10,0\u00a0mnkr"]);
  await screenshot(page, "sammanstall-1-klar");
  expect(await seriousViolations(page, "sammanstall")).toEqual([]);
});

it("lists a picked lock file and a broken file as not usable, by name and reason", async () => {
  const chooser = await nextFileChooser(page);
  await openButton(page).click();
  await (
    await chooser.opened
  ).setFiles(
    [...UNITS.map((u) => path.join(dir, u.file)), "~$IFO.xlsx", "Trasig.xlsx"].map((f) =>
      path.isAbsolute(f) ? f : path.join(dir, f)
    )
  );
  const download = page.waitForEvent("download");
  await consolidateButton(page, 5).click();
  await download;
  await page.getByText("3 av 5 filer sammanställda. 2 filer kunde inte användas").waitFor();
  const rows = await tableText(page);
  expect(rows.slice(3).map((r) => r[0])).toEqual(["~$IFO.xlsx", "Trasig.xlsx"]);
  expect(rows[3][1]).toMatch(/^Kan inte användas\nExcels låsfil/);
  expect(rows[4][1]).toMatch(/^Kan inte användas\nTrasig\.xlsx är ingen Excel-arbetsbok/);
  await screenshot(page, "sammanstall-2-oanvandbara");
});

/** The "Inställningar från" choice's group and its file chooser. */
const settingsGroup = (p: Page) => p.getByRole("group", { name: "Inställningar från (valfritt)" });

async function chooseSettings(p: Page, file: string, button: string): Promise<void> {
  const chooser = await nextFileChooser(p);
  await settingsGroup(p).getByRole("button", { name: button }).click();
  await (await chooser.opened).setFiles(path.join(dir, file));
}

it("takes the thresholds from the workbook chosen under Inställningar från, and names it", async () => {
  await dropFiles(page, units);
  await consolidateButton(page, 3).waitFor();
  await expect(settingsGroup(page).innerText()).resolves.toContain(
    "Ingen vald: gränserna för väsentlig avvikelse och bedömningen av intern kontroll kommer från " +
      "den första enheten."
  );

  // A file that is no workbook: the consolidation is refused, naming it.
  await chooseSettings(page, "Trasig.xlsx", "Välj arbetsbok");
  await consolidateButton(page, 3).click();
  const refusal = page.getByText("Det gick inte att sammanställa");
  await refusal.waitFor();
  expect(await page.getByRole("main").innerText()).toContain(
    "skulle komma från Trasig.xlsx, men den kan inte användas: Trasig.xlsx är ingen Excel-arbetsbok"
  );

  await chooseSettings(page, "Nämndens gränser.xlsx", "Välj en annan arbetsbok");
  await refusal.waitFor({ state: "detached" });
  await expect(settingsGroup(page).innerText()).resolves.toContain("Vald: Nämndens gränser.xlsx.");
  await settingsGroup(page)
    .getByRole("button", { name: "Ta bort Nämndens gränser.xlsx som inställningar" })
    .waitFor();
  await screenshot(page, "sammanstall-3-installningar");
  expect(await seriousViolations(page, "sammanstall-installningar")).toEqual([]);

  const download = page.waitForEvent("download");
  await consolidateButton(page, 3).click();
  const bytes = new Uint8Array(await fs.readFile(await (await download).path()));
  const nämnd = analyse(await readSnapshotFromBuffer(bytes, "nämnd.xlsx"), { today: TODAY });
  expect(nämnd.model.settings.values.materialAmount).toBe(5);
  expect(nämnd.model.settings.values.materialPercent).toBe(3);
  const summary = (await sheetRows(bytes, "Sammanställning")).flat().map(String).join(" ");
  expect(summary).toContain("bedömningen av intern kontroll kommer från Nämndens gränser.xlsx.");
});
