/**
 * Debian's Chromium driven by playwright-core, on the built page served from dist/addin/. Nothing
 * is downloaded: no browser, and no request leaves the machine — every request that is not to the
 * local server is aborted (office.js's CDN among them) and recorded.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type FileChooser, type Page } from "playwright-core";
import { serveDirectory } from "../../scripts/staticServer";

export const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
export const SCREENSHOTS = path.join(ROOT, "test-output", "e2e");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  /** The request body, if it had one. */
  readonly body: Buffer | null;
}

export interface Session {
  readonly context: BrowserContext;
  /** The local server, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Every request any page of the session made, in order. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A fresh Chromium profile on a fresh server, in Swedish time. */
export async function startSession(): Promise<Session> {
  const server = await serveDirectory(path.join(ROOT, "dist", "addin"), 0);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    viewport: { width: 1024, height: 800 },
  });
  const requests: RecordedRequest[] = [];
  context.on("request", (request) =>
    requests.push({ url: request.url(), method: request.method(), body: request.postDataBuffer() })
  );
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => route.abort("internetdisconnected")
  );
  return {
    context,
    url: server.url,
    requests,
    close: async () => {
      await context.close();
      await server.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page and waits for browser mode. */
export async function openTertial(session: Session, page?: Page): Promise<Page> {
  const tab = page ?? (await session.context.newPage());
  await tab.goto(session.url);
  await openButton(tab).waitFor();
  return tab;
}

/** A session with the pane open in browser mode and a scratch folder, as a test file uses them. */
export interface Pane {
  readonly session: Session;
  readonly page: Page;
  readonly dir: string;
}

/**
 * The pane a test file drives: opened before its tests in a fresh session, with a fresh folder
 * named `tmpPrefix`…, and both gone after them. Its fields are set once the tests run.
 */
export function paneInBrowser(tmpPrefix: string): Pane {
  const pane: { -readonly [K in keyof Pane]?: Pane[K] } = {};
  beforeAll(async () => {
    pane.dir = await fs.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
    pane.session = await startSession();
    pane.page = await openTertial(pane.session);
  });
  afterAll(async () => {
    await pane.session?.close();
    if (pane.dir !== undefined) await fs.rm(pane.dir, { recursive: true, force: true });
  });
  return {
    get session() {
      return pane.session!;
    },
    get page() {
      return pane.page!;
    },
    get dir() {
      return pane.dir!;
    },
  };
}

export const openButton = (page: Page) => page.getByRole("button", { name: "Öppna arbetsbok" });
export const validateButton = (page: Page) => page.getByRole("button", { name: "Validera" });
export const generateButton = (page: Page) =>
  page.getByRole("button", { name: "Generera rapport" });
/** The findings heading, "Fynd: 3 fel och 2 varningar", once a workbook has been checked. */
export const findingsHeading = (page: Page) =>
  page.getByRole("heading", { level: 2, name: /^Fynd:/ });
/** The error message bar ("Det gick inte" and the message). */
export const errorMessage = (page: Page) =>
  page.locator(".fui-MessageBar").filter({ hasText: "Det gick inte" });

/**
 * The next file chooser, once the browser is sure to report it: Playwright asks Chromium to
 * intercept choosers when a listener is added, and that request may still be on its way when the
 * test presses a key (about one run in ten, the chooser opened unseen). A round trip to the page
 * after it puts the request before any later input.
 */
export async function nextFileChooser(page: Page): Promise<{ opened: Promise<FileChooser> }> {
  const opened = page.waitForEvent("filechooser");
  await page.evaluate(() => undefined);
  return { opened };
}

/** Opens a workbook through Öppna arbetsbok and the browser's file chooser. */
export async function chooseWorkbook(page: Page, file: string): Promise<void> {
  const chooser = await nextFileChooser(page);
  await openButton(page).click();
  await (await chooser.opened).setFiles(file);
}

/**
 * Drops files on the page as a drag from the desktop would: dragenter, dragover, drop, with the
 * files in the DataTransfer. Returns once the drop event has been dispatched.
 */
export async function dropFiles(
  page: Page,
  files: readonly { name: string; bytes: Buffer }[]
): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      return transfer;
    },
    files.map(({ name, bytes }) => ({ name, base64: bytes.toString("base64") }))
  );
  // The page takes files dropped anywhere on it; the drop zone's text changes while dragging.
  const target = page.getByRole("main");
  for (const type of ["dragenter", "dragover", "drop"]) {
    await target.dispatchEvent(type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

export interface ShownFinding {
  readonly sheet: string;
  readonly severity: "fel" | "varning";
  readonly cell: string;
  readonly message: string;
}

/** The findings as the page lists them: sheet headings, then per finding "Fel · D7" and the message. */
export function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.evaluate(() => {
    const heading = [...document.querySelectorAll("h2")].find((h) =>
      h.textContent?.startsWith("Fynd:")
    );
    const panel = heading?.closest("section");
    if (!panel) throw new Error("no findings panel");
    return [...panel.querySelectorAll("section")].flatMap((group) => {
      const sheet = group.querySelector("h3")?.firstChild?.textContent?.trim() ?? "";
      return [...group.querySelectorAll("li")].map((item) => {
        const [label, message] = [...item.querySelectorAll("span > span")].map(
          (span) => span.textContent ?? ""
        );
        const [word, cell] = label.split(" · ");
        return {
          sheet,
          severity: word === "Fel" ? ("fel" as const) : ("varning" as const),
          cell,
          message,
        };
      });
    });
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
