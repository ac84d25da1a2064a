/** Any failure → the Swedish sentence the user sees. Stack traces go to the console only. */
import { MissingTableError, UnusableWorkbookError } from "../core/errors";
import { HostError } from "./appHost";

export const INTERNAL_ERROR_MESSAGE =
  "Internt fel i Tertial: åtgärden avbröts och arbetsboken ändrades inte. Försök igen. " +
  "Kvarstår felet, kontakta förvaltaren av Tertial och berätta vad du gjorde.";

export function userMessage(error: unknown): string {
  if (error instanceof UnusableWorkbookError || error instanceof HostError) return error.message;
  console.error(error);
  return INTERNAL_ERROR_MESSAGE;
}

/** A workbook without the template's tables: the pane offers a new one from the template. */
export function isNotTertialWorkbook(error: unknown): boolean {
  return error instanceof MissingTableError;
}
