/**
 * The command line's own way forward for an unusable workbook. The core's messages are worded for
 * every host (no commands, no table names); here the CLI adds what its users can do.
 */
import { MissingTableError, type UnusableWorkbookError } from "../core/errors";
import { WordDocumentTooLargeError } from "../docx/documentSize";

/** A sentence to print after the error's message, with a leading space, or "". */
export function cliAdvice(error: UnusableWorkbookError): string {
  if (error instanceof MissingTableError) {
    return (
      ` Skapa en ny arbetsbok med \`tertial mall\` och för över uppgifterna, ` +
      `eller återställ tabellen ${error.tableName} på bladet ${error.sheet}.`
    );
  }
  if (error instanceof WordDocumentTooLargeError) {
    return " Skriv rapporten som Excel-arbetsbok med --format xlsx.";
  }
  return "";
}
