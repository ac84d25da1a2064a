/**
 * The report as a Word document in the page: the docx renderer is loaded with import() only when
 * the user asks for Word, so webpack makes it the chunk `docx.js` that neither the Excel pane nor
 * browser mode loads before. Used by both (Ladda ner som Word).
 */
import { HostError } from "../app/appHost";
import type { ReportDoc } from "../core/report/reportDoc";
import type { ReportFile } from "./browserHost";
import { reportFileName } from "./reportFileName";

type WordReport = typeof import("../docx/wordReport");

function loadWordReport(): Promise<WordReport> {
  return import(/* webpackChunkName: "docx" */ "../docx/wordReport").catch((error: unknown) => {
    console.error(error);
    throw new HostError(
      "Tertial kunde inte ladda delen som skriver Word-dokument. " +
        "Kontrollera nätverket och ladda om sidan (F5)."
    );
  });
}

/** `<arbetsbok>-rapport.docx`, rendered from the report's content. */
export async function wordDocumentFile(doc: ReportDoc, workbookName: string): Promise<ReportFile> {
  const { reportDocumentBytes } = await loadWordReport();
  return {
    fileName: reportFileName(workbookName, "docx"),
    bytes: await reportDocumentBytes(doc),
  };
}
