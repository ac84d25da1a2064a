/** How the pane inside Excel offers the report as a Word document (Ladda ned som Word). */
import type { WordDocumentOffer } from "../app/operation";
import type { IsSetSupported } from "./requirements";

export interface WordOfferDeps {
  /** Excel on the web (`Office.context.platform` is `Office.PlatformType.OfficeOnline`). */
  readonly onTheWeb: boolean;
  readonly isSetSupported: IsSetSupported;
  /** Tertial's page, which outside Office is browser mode. */
  readonly pageUrl: string;
  /** `Office.context.ui.openBrowserWindow` (OpenBrowserWindowApi 1.1). */
  readonly openBrowserWindow: (url: string) => void;
}

/**
 * Excel on the web runs the pane in the browser, which downloads files. Excel on Windows and Mac
 * run it in an embedded web view without downloads (Microsoft's reason for openBrowserWindow), so
 * there the pane sends the user to Tertial in the web browser instead.
 */
export function wordDocumentOffer(deps: WordOfferDeps): WordDocumentOffer {
  if (deps.onTheWeb) return { kind: "download" };
  return {
    kind: "elsewhere",
    explanation:
      "Excel kan inte spara filer från Tertials fönster här. Öppna Tertial i webbläsaren, " +
      "öppna arbetsboken där (spara den först) och välj Generera rapport och sedan Ladda ned " +
      `som Word. Tertials adress: ${deps.pageUrl}`,
    ...(deps.isSetSupported("OpenBrowserWindowApi", "1.1")
      ? {
          openBrowser: {
            label: "Öppna Tertial i webbläsaren",
            open: () => deps.openBrowserWindow(deps.pageUrl),
          },
        }
      : {}),
  };
}
