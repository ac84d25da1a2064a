/**
 * Ladda ned som Word, a workbook operation (operation.ts): the report's content rendered as
 * `<arbetsbok>-rapport.docx` by the host's engine (the docx chunk, loaded on the first click) and
 * delivered, which in every host that offers it is a download. With a picked Word-mall, in the
 * kommun's own template (its styles, header and footer), as `tertial rapport --word-mall` does.
 */
import type { ReportDoc } from "../core/report/reportDoc";
import type { Delivered, Operations, OperationWords, PickedFile } from "./operation";
import { reportFileName } from "./reportFileName";

export const WORD_DOCUMENT_WORDS: OperationWords = {
  name: "Ladda ned som Word",
  withoutExcel: (pageUrl) =>
    "Öppna Tertial i webbläsaren, öppna arbetsboken där (spara den först) och välj Generera " +
    `rapport och sedan Ladda ned som Word. Tertials adress: ${pageUrl}`,
  openFailed: "Word-dokumentet kunde inte lämnas ut. Välj Ladda ned som Word igen.",
};

/** What the pane says beside its Word-mall picker. */
export const WORD_TEMPLATE_NOTE =
  "Valfritt: med kommunens Word-mall (.dotx eller .docx) får dokumentet mallens typsnitt, " +
  "rubriker, sidhuvud och sidfot med logotyp.";

export async function downloadWordDocument(
  operations: Operations,
  doc: ReportDoc,
  workbookName: string,
  template?: PickedFile
): Promise<Delivered> {
  const bytes = await operations.engine.wordDocument(doc, template);
  return operations.delivery.deliver(
    { fileName: reportFileName(workbookName, "docx"), bytes, type: "docx" },
    WORD_DOCUMENT_WORDS
  );
}
