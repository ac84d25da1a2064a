/**
 * The task pane page, and the one place that composes the hosts: the pane's components reach
 * them only through src/app (a lint rule keeps src/browser, src/excel and src/page out of them).
 * Inside Excel it runs the App on the Office.js host; opened by the ribbon
 * command as a dialog (`?visa=utfall`) it shows that command's outcome; inside another Office
 * application it says where Tertial runs. Outside Office it is Tertial's browser mode: the same
 * pane on a workbook the user opens, read and written with exceljs in the page.
 */
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { outcomeDialogDocument } from "../app/outcomeDialog";
import { loadOutcome } from "../app/storedOutcome";
import { browserOperations, createBrowserHost, DOWNLOAD_TEMPLATE } from "../browser/browserHost";
import { createOfficeHost } from "../excel/officeHost";
import { wordDocumentOffer } from "../excel/wordOffer";
import { pageDownloads } from "../page/pageDelivery";
import { loadWorkbookIo, pageEngine } from "../page/pageEngine";
import { App } from "./components/App";
import { BrowserApp } from "./components/BrowserApp";
import { OutcomeDialog } from "./components/OutcomeDialog";
import { OFFICE_WAIT_MS, officeHost } from "./loadOffice";

const root = createRoot(document.getElementById("root")!);

function render(node: ReactNode): void {
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

function OutsideExcel() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Tertial körs i Excel</MessageBarTitle>
        <Body1>Öppna arbetsboken i Excel och välj Start › Visa Tertial.</Body1>
      </MessageBarBody>
    </MessageBar>
  );
}

function showOffice(host: Office.HostType): void {
  const dialogDocument = outcomeDialogDocument(window.location.search);
  if (dialogDocument !== null) {
    render(
      <OutcomeDialog
        outcome={loadOutcome(window.localStorage, dialogDocument)}
        onClose={() => Office.context.ui.messageParent("stäng")}
      />
    );
  } else if (host === Office.HostType.Excel) {
    const ribbon = {
      storage: window.localStorage,
      documentUrl: Office.context.document.url ?? "",
    };
    const wordDocument = () =>
      wordDocumentOffer({
        onTheWeb: Office.context.platform === Office.PlatformType.OfficeOnline,
        isSetSupported: (name, version) =>
          Office.context.requirements.isSetSupported(name, version),
        pageUrl: new URL("taskpane.html", document.baseURI).href,
        openBrowserWindow: (url) => Office.context.ui.openBrowserWindow(url),
      });
    const host = createOfficeHost({
      operations: { engine: pageEngine, download: pageDownloads, wordDocument },
    });
    render(<App host={host} ribbon={ribbon} />);
  } else {
    render(<OutsideExcel />);
  }
}

function showBrowserMode(): void {
  // Fetched now, not at the first file: the page must work offline once it has loaded.
  loadWorkbookIo().catch(() => undefined);
  document.title = "Tertial i webbläsaren";
  render(
    <BrowserApp
      operations={browserOperations}
      openWorkbook={createBrowserHost}
      template={DOWNLOAD_TEMPLATE}
    />
  );
}

async function start(): Promise<void> {
  render(<Spinner label="Startar Tertial …" />);
  const office = officeHost();
  const timedOut = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), OFFICE_WAIT_MS)
  );
  const early = await Promise.race([office, timedOut]);
  if (early === "timeout") {
    showBrowserMode();
    const late = await office;
    if (late !== null) showOffice(late);
  } else if (early === null) {
    showBrowserMode();
  } else {
    showOffice(early);
  }
}

void start();
