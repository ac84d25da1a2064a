/** Ladda ned som Word inside Excel: a download on the web, the way to the browser elsewhere. */
import { wordDocumentOffer, type WordOfferDeps } from "../../src/excel/wordOffer";

const PAGE = "https://tertial.kommun.se/addin/taskpane.html";

function deps(onTheWeb: boolean, openBrowserApi: boolean, opened: string[] = []): WordOfferDeps {
  return {
    onTheWeb,
    isSetSupported: (name, version) =>
      openBrowserApi && name === "OpenBrowserWindowApi" && version === "1.1",
    pageUrl: PAGE,
    openBrowserWindow: (url) => opened.push(url),
  };
}

it("downloads in Excel on the web", () => {
  expect(wordDocumentOffer(deps(true, false))).toEqual({ kind: "download" });
});

it("in Excel on Windows and Mac explains in Swedish and opens Tertial in the browser", () => {
  const opened: string[] = [];
  const offer = wordDocumentOffer(deps(false, true, opened));
  if (offer.kind !== "elsewhere") throw new Error("expected the way to the browser");
  expect(offer.explanation).toBe(
    "Excel kan inte spara filer från Tertials fönster här. Öppna Tertial i webbläsaren, öppna " +
      "arbetsboken där (spara den först) och välj Generera rapport och sedan Ladda ned som Word. " +
      `Tertials adress: ${PAGE}`
  );
  expect(offer.openBrowser?.label).toBe("Öppna Tertial i webbläsaren");
  offer.openBrowser?.open();
  expect(opened).toEqual([PAGE]);
});

it("gives the address alone where OpenBrowserWindowApi 1.1 is missing", () => {
  const offer = wordDocumentOffer(deps(false, false));
  expect(offer.kind).toBe("elsewhere");
  expect(offer.kind === "elsewhere" && offer.openBrowser).toBe(undefined);
});
