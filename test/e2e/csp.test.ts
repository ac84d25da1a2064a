/**
 * The page's Content-Security-Policy: sent as a header by the server and written into the page
 * as a <meta>, and in force: a script from another origin, or inline, does not run. (The rest of
 * the e2e suite runs under the same policy, which shows the page works with it.)
 */
import type { Page } from "playwright-core";
import { HEADER_POLICY, PAGE_POLICY } from "../../scripts/contentSecurityPolicy";
import { openButton, startSession, type Session } from "./chromium";

let session: Session;
let page: Page;
let headerPolicy: string | undefined;

beforeAll(async () => {
  session = await startSession();
  page = await session.context.newPage();
  const response = await page.goto(session.url);
  headerPolicy = response?.headers()["content-security-policy"];
  await openButton(page).waitFor();
});

afterAll(() => session?.close());

it("comes as a header, with frame-ancestors, and as a meta in the page", async () => {
  expect(headerPolicy).toBe(HEADER_POLICY);
  expect(headerPolicy).toContain("frame-ancestors 'self' https://*.officeapps.live.com");
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta.getAttribute("content")).resolves.toBe(PAGE_POLICY);
  // Browsers ignore frame-ancestors in a meta, and warn about it.
  expect(PAGE_POLICY).not.toContain("frame-ancestors");
  // The meta comes before any script, so it governs them all.
  const firstScriptOrMeta = await page.evaluate(
    () => document.head.querySelector("script, meta[http-equiv]")?.tagName
  );
  expect(firstScriptOrMeta).toBe("META");
});

/** Adds a script to the page and resolves with the CSP violation it causes (or null in 2 s). */
function injectScript(target: Page, script: { src?: string; text?: string }) {
  return target.evaluate(
    ({ src, text }) =>
      new Promise<{ blockedURI: string; directive: string } | null>((resolve) => {
        document.addEventListener(
          "securitypolicyviolation",
          (event) => resolve({ blockedURI: event.blockedURI, directive: event.effectiveDirective }),
          { once: true }
        );
        setTimeout(() => resolve(null), 2000);
        const element = document.createElement("script");
        if (src) element.src = src;
        if (text) element.textContent = text;
        document.head.appendChild(element);
      }),
    script
  );
}

it("blocks a script from another origin before it reaches the network", async () => {
  const foreign = "https://cdn.example.org/inject.js";
  const failed = page.waitForEvent("requestfailed", (request) => request.url() === foreign);
  await expect(injectScript(page, { src: foreign })).resolves.toEqual({
    blockedURI: foreign,
    directive: "script-src-elem",
  });
  // Chromium refused it for the CSP ("csp"), not the test's offline routing (net::ERR_INTERNET_DISCONNECTED).
  expect((await failed).failure()?.errorText).toBe("csp");
  await expect(page.evaluate(() => "injected" in window)).resolves.toBe(false);
});

it("blocks an inline script", async () => {
  await expect(injectScript(page, { text: "window.injected = true;" })).resolves.toEqual({
    blockedURI: "inline",
    directive: "script-src-elem",
  });
  await expect(page.evaluate(() => "injected" in window)).resolves.toBe(false);
});
