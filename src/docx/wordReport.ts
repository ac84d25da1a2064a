/**
 * The report as .docx bytes, marked as Tertial's own (documentMarker.ts). The CLI calls it
 * directly; the task pane loads it with import() (src/page/pageEngine.ts), so the docx package is a
 * chunk of its own that only a click on Ladda ned som Word fetches. docx writes the document
 * around the tables; the tables' XML (reportTables.ts) goes into its body afterwards.
 */
import { Packer } from "docx";
import JSZip from "jszip";
import type { ReportDoc } from "../core/report/reportDoc";
import { MARKER_PLACEHOLDER, REPORT_DOCUMENT_PROPERTY, withDocumentMarker } from "./documentMarker";
import { checkWordDocumentSize } from "./documentSize";
import { reportDocument } from "./reportDocument";
import { TableSlots } from "./tableSlots";

const BODY = "word/document.xml";

/**
 * The document's bytes; a report too large for a Word document is refused first
 * (WordDocumentTooLargeError, naming `fileName`, by default the report's title).
 */
export async function reportDocumentBytes(
  doc: ReportDoc,
  fileName: string = doc.about.title
): Promise<Uint8Array> {
  checkWordDocumentSize(doc, fileName);
  const slots = new TableSlots();
  const document = reportDocument(doc, slots, [
    { name: REPORT_DOCUMENT_PROPERTY, value: MARKER_PLACEHOLDER },
  ]);
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(document));
  const body = await zip.file(BODY)!.async("string");
  const filled = slots.fill(body);
  return withDocumentMarker(zip, doc.about.organisation, [{ name: BODY, bytes: filled }]);
}
