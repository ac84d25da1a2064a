/**
 * Klarmarkera in browser mode, in a 360 px pane: a clean workbook opened, the name typed,
 * Klarmarkera clicked; the download is the marked copy (Ja, the name, the seal), it validates
 * clean, its seal is the one `tertial klarmarkera` writes for the same file, and the opened file
 * is unchanged. A workbook with fel is refused and nothing is downloaded.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { analyse } from "../../src/core/pipeline";
import { calendarDay } from "../../src/core/validate";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { sealableBytes, UNMARKED_T1 } from "../helpers/sealable";
import { seriousViolations } from "./axe";
import { chooseWorkbook, openTertial, screenshot, startSession, type Session } from "./chromium";
import { runTertial } from "./cli";

let session: Session;
let dir: string;

const markButton = (p: Page) => p.getByRole("button", { name: "Klarmarkera", exact: true });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const settingOf = async (bytes: Uint8Array, label: string) =>
  (await readSnapshotFromBuffer(bytes, "x.xlsx")).tables
    .find((t) => t.name === "tblInstallningar")!
    .rows.find((r) => r[0] === label)?.[1];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-klarmarkera-"));
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function narrowPage(file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await openTertial(session, page);
  await chooseWorkbook(page, file);
  await markButton(page).waitFor();
  return page;
}

it("browser mode downloads the marked copy, the one tertial klarmarkera writes", async () => {
  const file = path.join(dir, "ÄO T1.xlsx");
  await fs.writeFile(file, await sealableBytes());
  const before = sha256(await fs.readFile(file));
  const page = await narrowPage(file);
  await page.getByLabel("Klarmarkerad av").fill("Eva Ekonom");
  const download = page.waitForEvent("download");
  await markButton(page).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("ÄO T1-klarmarkerad.xlsx");
  const bytes = new Uint8Array(await fs.readFile(await saved.path()));
  await page.getByText("Arbetsboken är klarmarkerad").waitFor();
  await screenshot(page, "klarmarkera-klar-360");
  expect(await seriousViolations(page, "klarmarkera")).toEqual([]);
  // The pane stays 360 px wide: the message wraps.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const today = calendarDay(new Date());
  expect(analyse(await readSnapshotFromBuffer(bytes, "kopia.xlsx"), { today }).findings).toEqual(
    []
  );
  expect(await settingOf(bytes, "Klarmarkerad")).toBe("Ja");
  expect(await settingOf(bytes, "Klarmarkerad av")).toBe("Eva Ekonom");
  expect(sha256(await fs.readFile(file))).toBe(before);

  const out = path.join(dir, "cli.xlsx");
  expect(runTertial(["klarmarkera", file, "--av", "Eva Ekonom", "-o", out]).status).toBe(0);
  const cliSeal = await settingOf(
    new Uint8Array(await fs.readFile(out)),
    "Klarmarkerad kontrollsumma"
  );
  expect(await settingOf(bytes, "Klarmarkerad kontrollsumma")).toBe(cliSeal);
  await page.close();
});

it("refuses a workbook with fel: the count and what to do, and no download", async () => {
  const file = path.join(dir, "ÄO utan period.xlsx");
  await fs.writeFile(
    file,
    await sealableBytes({ ...UNMARKED_T1, settings: { ...UNMARKED_T1.settings, period: null } })
  );
  const page = await narrowPage(file);
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  await page.getByLabel("Klarmarkerad av").fill("Eva Ekonom");
  await markButton(page).click();
  await page.getByText("Arbetsboken klarmarkerades inte").waitFor();
  await expect(
    page.getByText(/ÄO utan period\.xlsx har \d+ fel och kan inte klarmarkeras/).count()
  ).resolves.toBe(1);
  await screenshot(page, "klarmarkera-fel-360");
  expect(downloads).toEqual([]);
  await page.close();
});
