/**
 * The ribbon's function file. Without a shared runtime (VersionOverrides 1.0) a function command
 * cannot open the task pane, so after the run it opens a dialog with the outcome; the pane shows
 * the same stored outcome when it is opened, or at once if it is already open.
 */
import { createOfficeHost } from "../excel/officeHost";
import { outcomeDialogUrl } from "../app/outcomeDialog";
import { GENERATE_REPORT_FUNCTION } from "./functionNames";
import { ribbonGenerate } from "./ribbonGenerate";

/** Opens the outcome dialog and resolves once the user has closed it (or it could not open). */
function showOutcomeDialog(documentUrl: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      outcomeDialogUrl(window.location.href, documentUrl),
      { height: 50, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = result.value;
        const close = () => {
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        // Also fired when the user closes the dialog with its own X.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}

async function genereraRapport(event: Office.AddinCommands.Event): Promise<void> {
  const documentUrl = Office.context.document.url ?? "";
  try {
    await ribbonGenerate({
      host: createOfficeHost(),
      storage: window.localStorage,
      documentUrl,
      now: () => new Date(),
    });
    await showOutcomeDialog(documentUrl);
  } finally {
    event.completed();
  }
}

// Office requires onReady to be called; this file has nothing to wait for, so its promise runs on its own.
void Office.onReady(() => undefined);
// Office ignores what a command returns: the run's outcome is stored and shown in the dialog, and
// event.completed() is called either way; what fails past that (storage full) is logged, not lost.
Office.actions.associate(GENERATE_REPORT_FUNCTION, (event: Office.AddinCommands.Event) => {
  genereraRapport(event).catch((error: unknown) => console.error(error));
});
