/**
 * The task pane page. Inside Excel it runs the App on the Office.js host; opened by the ribbon
 * command as a dialog (`?visa=utfall`) it shows that command's outcome; anywhere else it says
 * where Tertial runs.
 */
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../excel/officeHost";
import { App } from "./components/App";
import { OutcomeDialog } from "./components/OutcomeDialog";
import { outcomeDialogDocument } from "./outcomeDialog";
import { loadOutcome } from "./state/storedOutcome";

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

if (typeof Office === "undefined") {
  render(<OutsideExcel />);
} else {
  void Office.onReady((info) => {
    const dialogDocument = outcomeDialogDocument(window.location.search);
    if (dialogDocument !== null) {
      render(
        <OutcomeDialog
          outcome={loadOutcome(window.localStorage, dialogDocument)}
          onClose={() => Office.context.ui.messageParent("stäng")}
        />
      );
    } else if (info.host === Office.HostType.Excel) {
      const ribbon = {
        storage: window.localStorage,
        documentUrl: Office.context.document.url ?? "",
      };
      render(<App host={createOfficeHost()} ribbon={ribbon} />);
    } else {
      render(<OutsideExcel />);
    }
  });
}
