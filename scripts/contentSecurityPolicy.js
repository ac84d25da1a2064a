/**
 * The task pane page's Content-Security-Policy: webpack writes it into the page as a <meta> and
 * `npm run serve` (scripts/staticServer.ts) sends it as a header. CommonJS, so that
 * webpack.config.js can require it as it is.
 *
 * - Scripts: the page's own bundles and Office.js from Microsoft's CDN, nothing inline, no eval.
 * - Styles: Fluent UI's Griffel injects <style> elements at runtime, and Office.js's Excel on the
 *   web script sets inline styles (office-js #1687). A nonce would need a server that rewrites the
 *   page on every response; the page is static, so 'unsafe-inline' (styles only).
 * - Connections: the page's own origin (the template and the exceljs chunk) and the telemetry
 *   endpoint Office.js posts to; no list from Microsoft exists (office-js #1005), this is what
 *   that thread found. The workbook itself is never sent anywhere.
 * - Frames: Office.js's telemetry proxy page.
 * - frame-ancestors (header only: browsers ignore it in a <meta>): the page itself (the ribbon's
 *   dialog) and the Office on the web hosts that frame an add-in (Excel on the web at
 *   officeapps.live.com and *.cloud.microsoft, files opened from SharePoint/OneDrive; see
 *   office-js-docs-pr #4911). Excel on Windows and Mac show the pane at the top of a webview.
 */

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

const PAGE_DIRECTIVES = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https://browser.pipe.aria.microsoft.com",
  "frame-src 'self' https://telemetryservice.firstpartyapps.oaspapps.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

const FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.sharepoint.com",
];

/** For the page's <meta http-equiv="Content-Security-Policy">. */
const PAGE_POLICY = PAGE_DIRECTIVES.join("; ");

/** For the Content-Security-Policy header: the same, and who may frame the page. */
const HEADER_POLICY = [...PAGE_DIRECTIVES, `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`].join(
  "; "
);

module.exports = { OFFICE_JS_ORIGIN, PAGE_POLICY, HEADER_POLICY };
