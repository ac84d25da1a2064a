/**
 * Browser mode's figures: the gzip size of the page's JavaScript, and in headless Chromium the
 * time from dropping a workbook to its findings on screen and from Generera rapport to the
 * download starting, and from Ladda ned som Word to the document's download (its chunk fetched on
 * that first click) — for the example workbook and the large benchmark workbook. Each run is a
 * fresh tab; the figures are the median of the runs. Times are taken inside the page.
 * Usage: npm run build && npx tsx bench/browser.ts [--runs 3]
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import {
  dropFiles,
  EXAMPLE,
  findingsHeading,
  generateButton,
  openTertial,
  ROOT,
  startSession,
  type Session,
} from "../test/e2e/chromium";
import { LARGE, largeContent } from "./largeContent";

const DIST = path.join(ROOT, "dist", "addin");

async function scriptSizes(): Promise<void> {
  // docx.js and jszip.js load only on Ladda ned som Word (jszip.js is shared with exceljs.js).
  for (const name of ["taskpane.js", "exceljs.js", "docx.js", "jszip.js"]) {
    const bytes = await fs.readFile(path.join(DIST, name));
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `${name.padEnd(12)} ${kb(bytes.length)} minified, ${kb(gzipSync(bytes).length)} gzip, ` +
        `${kb(gzipSync(bytes, { level: 9 }).length)} gzip -9`
    );
  }
}

async function largeWorkbook(): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(LATEST_TEMPLATE, largeContent()).xlsx.writeBuffer());
}

interface PageTimes {
  /** performance.now() at the drop, when the findings heading appeared, at the Generera click, at the download. */
  dropAt?: number;
  findingsAt?: number;
  generateAt?: number;
  downloadAt?: number;
  /** At the Ladda ned som Word click, and when its download started. */
  wordAt?: number;
  wordDownloadAt?: number;
}

/** Records the moments in the page itself, so that Playwright's polling is not counted. */
function instrument(page: Page): Promise<void> {
  return page.evaluate(() => {
    const times: PageTimes = {};
    (window as unknown as { benchTimes: PageTimes }).benchTimes = times;
    window.addEventListener("drop", () => (times.dropAt = performance.now()), { capture: true });
    document.addEventListener(
      "click",
      (event) => {
        const target = event.target as HTMLElement;
        const button = target.closest("button")?.textContent ?? "";
        if (target.closest("a[download]")) {
          if (times.wordAt === undefined) times.downloadAt ??= performance.now();
          else times.wordDownloadAt ??= performance.now();
        } else if (button.includes("Generera rapport")) times.generateAt = performance.now();
        else if (button.includes("Ladda ned som Word")) times.wordAt = performance.now();
      },
      { capture: true }
    );
    new MutationObserver(() => {
      if (times.findingsAt !== undefined) return;
      const heading = [...document.querySelectorAll("h2")].find((h) =>
        h.textContent?.startsWith("Fynd:")
      );
      if (heading) times.findingsAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function oneRun(session: Session, name: string, bytes: Buffer) {
  const page = await session.context.newPage();
  const chunk = page.waitForResponse((response) => response.url().endsWith("/exceljs.js"));
  await openTertial(session, page);
  await chunk; // loaded as browser mode starts; a user's drop comes later
  await instrument(page);
  await dropFiles(page, [{ name, bytes }]);
  await findingsHeading(page).waitFor({ timeout: 600_000 });
  const download = page.waitForEvent("download", { timeout: 600_000 });
  await generateButton(page).click();
  const file = await download;
  const reportBytes = (await fs.stat(await file.path())).size;
  const word = page.waitForEvent("download", { timeout: 600_000 });
  await page.getByRole("button", { name: "Ladda ned som Word" }).click();
  const documentBytes = (await fs.stat(await (await word).path())).size;
  const t = await page.evaluate(() => (window as unknown as { benchTimes: PageTimes }).benchTimes);
  const findings = (await findingsHeading(page).textContent()) ?? "";
  await page.close();
  return {
    findingsMs: t.findingsAt! - t.dropAt!,
    reportMs: t.downloadAt! - t.generateAt!,
    wordMs: t.wordDownloadAt! - t.wordAt!,
    findings,
    reportBytes,
    documentBytes,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf("--runs");
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  await scriptSizes();
  const inputs = [
    { name: "exempel-2024-T2.xlsx", bytes: await fs.readFile(EXAMPLE) },
    { name: `large-${LARGE.actions}.xlsx`, bytes: await largeWorkbook() },
  ];
  const session = await startSession();
  try {
    for (const { name, bytes } of inputs) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await oneRun(session, name, bytes));
      const findingsMs = median(results.map((r) => r.findingsMs));
      const reportMs = median(results.map((r) => r.reportMs));
      const wordMs = median(results.map((r) => r.wordMs));
      console.log(
        `\n${name} (${(bytes.length / 1e6).toFixed(2)} MB; ${results[0].findings}; report ` +
          `${(results[0].reportBytes / 1e6).toFixed(2)} MB), median of ${runs}:\n` +
          `  drop → findings shown            ${seconds(findingsMs)}   (runs: ${results.map((r) => seconds(r.findingsMs)).join(", ")})\n` +
          `  Generera rapport → download      ${seconds(reportMs)}   (runs: ${results.map((r) => seconds(r.reportMs)).join(", ")})\n` +
          `  drop → findings → download       ${seconds(findingsMs + reportMs)}\n` +
          `  Ladda ned som Word → download    ${seconds(wordMs)}   (runs: ${results.map((r) => seconds(r.wordMs)).join(", ")}; ` +
          `document ${(results[0].documentBytes / 1e6).toFixed(2)} MB)`
      );
    }
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
