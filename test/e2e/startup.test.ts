/**
 * How the page decides where it runs: office.js refused, hanging, loaded outside Office, reporting
 * Excel (the pane then loads no exceljs) or reporting Excel late; and that browser mode keeps
 * working offline once the page has loaded.
 */
import { promises as fs } from "node:fs";
import type { Page, Route } from "playwright-core";
import { OFFICE_WAIT_MS } from "../../src/taskpane/loadOffice";
import {
  dropFiles,
  EXAMPLE,
  findingsHeading,
  generateButton,
  OFFICE_JS_URL,
  openButton,
  startSession,
  validateButton,
  type Session,
} from "./chromium";

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(() => session?.close());

/** A stand-in for office.js that reports `host` from Office.onReady. */
const officeStub = (host: string | null) => `
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    context: { document: { url: "https://kommun.example/exempel.xlsx" } },
    onReady: () => Promise.resolve({ host: ${JSON.stringify(host)}, platform: null }),
  };`;

const fulfil = (route: Route, script: string) =>
  route.fulfill({ status: 200, contentType: "text/javascript", body: script });

/** Opens the page with office.js answered by `answer`; returns the page and ms until browser mode. */
async function openWith(answer: (route: Route) => void): Promise<{ page: Page; ms: number }> {
  const page = await session.context.newPage();
  await page.route(OFFICE_JS_URL, answer);
  const started = Date.now();
  // A script still loading holds back the load event, not the page: wait for the DOM only.
  await page.goto(session.url, { waitUntil: "domcontentloaded" });
  await openButton(page).waitFor();
  return { page, ms: Date.now() - started };
}

it("opens in browser mode at once when office.js loads outside Office", async () => {
  const { page, ms } = await openWith((route) => void fulfil(route, officeStub(null)));
  expect(ms).toBeLessThan(OFFICE_WAIT_MS);
  await page.close();
});

it("opens in browser mode after a few seconds when office.js never answers", async () => {
  const { page, ms } = await openWith(() => undefined);
  expect(ms).toBeGreaterThanOrEqual(OFFICE_WAIT_MS - 200);
  expect(ms).toBeLessThan(OFFICE_WAIT_MS + 5000);
  await page.close();
});

it("opens the Excel pane inside Excel, without loading exceljs", async () => {
  const page = await session.context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => scripts.push(new URL(request.url()).pathname));
  await page.route(OFFICE_JS_URL, (route) => void fulfil(route, officeStub("Excel")));
  await page.goto(session.url);
  await page.getByText("Välj Validera för att läsa arbetsboken.").waitFor();
  await page.waitForLoadState("networkidle");
  expect(scripts).toEqual(["/", "/taskpane.js", new URL(OFFICE_JS_URL).pathname]);
  await page.close();
});

it("switches to the Excel pane when Office reports Excel after the wait", async () => {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const { page } = await openWith((route) => {
    setTimeout(() => void fulfil(route, officeStub("Excel")).then(answer), OFFICE_WAIT_MS + 500);
  });
  await answered;
  await page.getByText("Välj Validera för att läsa arbetsboken.").waitFor();
  await expect(validateButton(page).isVisible()).resolves.toBe(true);
  await expect(openButton(page).count()).resolves.toBe(0);
  await page.close();
});

it("works offline once loaded: a dropped workbook is checked and its report downloaded", async () => {
  const page = await session.context.newPage();
  const chunk = page.waitForResponse((response) => response.url().endsWith("/exceljs.js"));
  await page.goto(session.url);
  await openButton(page).waitFor();
  await chunk;
  await session.context.setOffline(true);
  try {
    const probe = (url: string) =>
      fetch(url).then(
        () => "online",
        () => "offline"
      );
    await expect(page.evaluate(probe, session.url)).resolves.toBe("offline");
    await dropFiles(page, [{ name: "exempel-2024-T2.xlsx", bytes: await fs.readFile(EXAMPLE) }]);
    await findingsHeading(page).waitFor();
    const download = page.waitForEvent("download");
    await generateButton(page).click();
    expect((await download).suggestedFilename()).toBe("exempel-2024-T2-rapport.xlsx");
  } finally {
    await session.context.setOffline(false);
  }
  await page.close();
});
