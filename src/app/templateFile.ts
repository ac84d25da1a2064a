/**
 * The empty template as the built page serves it: webpack copies templates/tertialuppfoljning-v3.xlsx
 * beside the page, so both hosts take it from the page's own origin (allowed by the page's
 * connect-src 'self') and the Excel pane needs no exceljs to make one.
 */

/** The file name, also the name the browser saves it under. */
export const TEMPLATE_FILE_NAME = "tertialuppfoljning-v3.xlsx";

/** The template's address beside the page at `pageUrl` (document.baseURI in the page). */
export function templateUrl(pageUrl: string): string {
  return new URL(TEMPLATE_FILE_NAME, pageUrl).href;
}
