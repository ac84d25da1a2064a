/**
 * Office.js from Microsoft's CDN, loaded by the page itself rather than by a blocking <script> in
 * <head>: outside Office — offline, or behind a firewall that lets the request hang — the page
 * must not wait for it. Microsoft's Script Lab loads Office.js the same way.
 */

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * How long the page waits for Office.js and Office.onReady before it opens in browser mode. It
 * still switches to Excel if Office answers later (a slow first load inside Excel).
 */
export const OFFICE_WAIT_MS = 4000;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

/**
 * The Office application the page runs in, or null outside Office: Office.onReady reports no
 * host, or Office.js did not load. Never rejects; may never settle (Office.onReady waits forever
 * when Office.js loads but its own dependencies do not, office-js #6040).
 */
export async function officeHost(): Promise<Office.HostType | null> {
  try {
    await loadScript(OFFICE_JS_URL);
    const info = await Office.onReady();
    return info.host ?? null;
  } catch {
    return null;
  }
}
