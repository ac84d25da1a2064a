/** How the pane inside Excel offers the report as a Word document (Ladda ner som Word). */
import type { WordDocumentOffer } from "../app/appHost";
import type { IsSetSupported } from "./requirements";

/**
 * Excel on the web runs the pane in the browser, which downloads files. Excel on Windows and Mac
 * run it in an embedded web view without downloads (Microsoft's reason for openBrowserWindow), so
 * there the pane sends the user to Tertial in the web browser instead.
 */
export function wordDocumentOffer(isSetSupported: IsSetSupported): WordDocumentOffer {
  if (Office.context.platform === Office.PlatformType.OfficeOnline) return { kind: "download" };
  const page = new URL("taskpane.html", document.baseURI).href;
  return {
    kind: "elsewhere",
    explanation:
      "Excel kan inte spara filer från Tertials fönster här. Öppna Tertial i webbläsaren, " +
      "öppna arbetsboken där (spara den först) och välj Generera rapport och sedan Ladda ner " +
      `som Word. Tertials adress: ${page}`,
    ...(isSetSupported("OpenBrowserWindowApi", "1.1")
      ? {
          openBrowser: {
            label: "Öppna Tertial i webbläsaren",
            open: () => Office.context.ui.openBrowserWindow(page),
          },
        }
      : {}),
  };
}
