/**
 * How large a Word document the report would make, estimated from the ReportDoc before anything is
 * rendered, and the refusal of one too large. Rendering holds the body's XML a few times over
 * (the tables' bytes, the body joined, the zip's input), and a body past the limit would take a
 * laptop's 2 GB heap; V8's "heap out of memory" cannot be caught once it happens, so the refusal
 * must come first. The 50,000-åtgärder benchmark workbook is about 80 MB by this estimate.
 */
import { UnusableWorkbookError } from "../core/errors";
import { exhaustive } from "../core/exhaustive";
import { formatNumber } from "../core/format";
import { boardSheets, type ReportDoc } from "../core/report/reportDoc";

/** The largest body Tertial writes, estimated bytes of WordprocessingML. */
export const MAX_WORD_BODY_BYTES = 250_000_000;

/** A table cell's XML around its text (properties, paragraph, run), bytes. */
const CELL_BYTES = 260;
/**
 * A block outside tables (a heading, a paragraph, a table's opening): its XML, and the objects
 * the docx package builds for it, which cost far more than the XML they write.
 */
const BLOCK_BYTES = 4_000;

/** The estimated size of the document's body in bytes of XML. */
export function wordBodyEstimate(doc: ReportDoc): number {
  let bytes = 0;
  for (const sheet of boardSheets(doc)) {
    for (const block of sheet.blocks) {
      bytes += BLOCK_BYTES;
      switch (block.kind) {
        case "table":
          for (const row of block.rows) {
            if (row.kind === "group") bytes += CELL_BYTES + row.text.length;
            else for (const cell of row.cells) bytes += CELL_BYTES + textLength(cell.value);
          }
          break;
        case "grid":
          for (const cells of block.rows)
            for (const cell of cells) bytes += CELL_BYTES + textLength(cell.value);
          break;
        case "text":
          bytes += block.heading.length + block.text.length;
          break;
        case "title":
        case "heading":
        case "paragraph":
          bytes += block.text.length;
          break;
        case "spacer":
        case "chart":
          break;
        default:
          exhaustive(block);
      }
    }
  }
  return bytes;
}

const textLength = (value: unknown) => (typeof value === "string" ? value.length : 16);

/** A report too large to write as a Word document; the workbook itself is usable. */
export class WordDocumentTooLargeError extends UnusableWorkbookError {
  readonly code = "word-for-stor";
  constructor(fileName: string, estimate: number) {
    const mb = (bytes: number) => formatNumber(bytes / 1e6, 0);
    super(
      `${fileName}: rapporten blir för stor för ett Word-dokument (omkring ${mb(estimate)} MB ` +
        `text och tabeller; Tertial skriver Word-dokument upp till ${mb(MAX_WORD_BODY_BYTES)} MB), ` +
        "så inget Word-dokument skrevs. Ta rapporten som Excel-arbetsbok i stället, eller dela upp " +
        "uppföljningen i en arbetsbok per enhet (de sammanställs med Sammanställ) och skriv ett " +
        "Word-dokument per enhet."
    );
  }
}

/** Refuses, before any rendering, a report whose Word document would be too large. */
export function checkWordDocumentSize(doc: ReportDoc, fileName: string): void {
  const estimate = wordBodyEstimate(doc);
  if (estimate > MAX_WORD_BODY_BYTES) throw new WordDocumentTooLargeError(fileName, estimate);
}
