/** The address of the dialog in which the ribbon command shows its outcome: the pane's page in another view. */

const VIEW_PARAM = "visa";
const VIEW = "utfall";
const DOCUMENT_PARAM = "dokument";

/** `…/taskpane.html?visa=utfall&dokument=<document URL>`, relative to the page that opens it. */
export function outcomeDialogUrl(currentPage: string, documentUrl: string): string {
  const url = new URL("taskpane.html", currentPage);
  url.searchParams.set(VIEW_PARAM, VIEW);
  url.searchParams.set(DOCUMENT_PARAM, documentUrl);
  return url.href;
}

/** The document whose outcome to show when the page was opened as that dialog; null otherwise. */
export function outcomeDialogDocument(search: string): string | null {
  const params = new URLSearchParams(search);
  return params.get(VIEW_PARAM) === VIEW ? (params.get(DOCUMENT_PARAM) ?? "") : null;
}
