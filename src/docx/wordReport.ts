/**
 * The report as .docx bytes, marked as Tertial's own (documentMarker.ts). The CLI calls it
 * directly; the task pane loads it with import() (src/page/pageEngine.ts), so the docx package is a
 * chunk of its own that only a click on Ladda ned som Word fetches.
 */
import { Packer } from "docx";
import type { ReportDoc } from "../core/report/reportDoc";
import { MARKER_PLACEHOLDER, REPORT_DOCUMENT_PROPERTY, withDocumentMarker } from "./documentMarker";
import { reportDocument } from "./reportDocument";

export async function reportDocumentBytes(doc: ReportDoc): Promise<Uint8Array> {
  const document = reportDocument(doc, [
    { name: REPORT_DOCUMENT_PROPERTY, value: MARKER_PLACEHOLDER },
  ]);
  const packed = new Uint8Array(await Packer.toArrayBuffer(document));
  return withDocumentMarker(packed, doc.about.organisation);
}
