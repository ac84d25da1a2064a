/**
 * The report as .docx bytes, marked as Tertial's own (documentMarker.ts). The CLI calls it
 * directly; the task pane loads it with import() (src/page/pageEngine.ts), so the docx package is a
 * chunk of its own that only a click on Ladda ned som Word fetches. docx writes the document
 * around the tables; the tables' XML (reportTables.ts) goes into its body afterwards, and a
 * kommun's Word template (wordTemplate.ts) its styles and page frame (templateFrame.ts).
 */
import { Packer } from "docx";
import JSZip from "jszip";
import type { ReportDoc } from "../core/report/reportDoc";
import { MARKER_PLACEHOLDER, REPORT_DOCUMENT_PROPERTY, withDocumentMarker } from "./documentMarker";
import { checkWordDocumentSize } from "./documentSize";
import { reportDocument } from "./reportDocument";
import { TableSlots } from "./tableSlots";
import { applyWordTemplate, ownFrame } from "./templateFrame";
import type { WordTemplate } from "./wordTemplate";

const BODY = "word/document.xml";

/**
 * The document's bytes; a report too large for a Word document is refused first
 * (WordDocumentTooLargeError, naming `fileName`, by default the report's title). With a kommun's
 * `template` (readWordTemplate), its styles, header and footer.
 */
export async function reportDocumentBytes(
  doc: ReportDoc,
  fileName: string = doc.about.title,
  template?: WordTemplate
): Promise<Uint8Array> {
  checkWordDocumentSize(doc, fileName);
  const slots = new TableSlots();
  const document = reportDocument(
    doc,
    slots,
    [{ name: REPORT_DOCUMENT_PROPERTY, value: MARKER_PLACEHOLDER }],
    ownFrame(template)
  );
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(document));
  const written = await zip.file(BODY)!.async("string");
  const body = template
    ? await applyWordTemplate(zip, written, template, doc.draft !== null)
    : written;
  const filled = slots.fill(body);
  return withDocumentMarker(zip, doc.about.organisation, [{ name: BODY, bytes: filled }]);
}
