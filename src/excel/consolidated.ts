/**
 * Sammanställ inside Excel: the consolidated workbook opens as a new workbook beside the open one
 * (Excel.createWorkbook, ExcelApi 1.8), which is never changed. Without ExcelApi 1.8 the pane
 * points to browser mode, which downloads the same workbook.
 */
import { openAsNewWorkbook, type OpenWorkbookDeps } from "./createWorkbook";

/** `siblingUrl`: any file beside the pane's page (the template), to name the page by. */
export function openConsolidated(
  deps: OpenWorkbookDeps,
  bytes: () => Promise<Uint8Array>,
  siblingUrl: string
): Promise<void> {
  const page = new URL("taskpane.html", siblingUrl).href;
  return openAsNewWorkbook(deps, bytes, {
    withoutApi:
      `Sammanställ i webbläsaren i stället: öppna ${page}, välj enheternas arbetsböcker där och ` +
      "välj Sammanställ, så laddas den sammanställda arbetsboken ned.",
    failed:
      "Excel kunde inte öppna den sammanställda arbetsboken. Välj Sammanställ igen om en stund.",
  });
}
