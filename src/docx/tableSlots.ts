/**
 * Tables written as XML (reportTables.ts) in a document the docx package builds: docx writes a
 * placeholder paragraph where each table goes, and once it has written the body, each placeholder
 * is replaced by its table's bytes. The placeholder's mark holds U+FFFF, a character XML cannot
 * hold and `xmlSafeText` turns into U+FFFD, so no text from the workbook can look like one.
 */
import { Paragraph, TextRun } from "docx";

const MARK = "\uFFFF";
const PLACEHOLDER = new RegExp(
  `<w:p><w:r><w:t xml:space="preserve">${MARK}(\\d+)${MARK}</w:t></w:r></w:p>`,
  "g"
);
const encoder = new TextEncoder();

export class TableSlots {
  private readonly tables: (readonly Uint8Array[])[] = [];

  /** The paragraph that stands where the table goes. */
  slot(table: readonly Uint8Array[]): Paragraph {
    this.tables.push(table);
    return new Paragraph({ children: [new TextRun(`${MARK}${this.tables.length - 1}${MARK}`)] });
  }

  /** document.xml as docx wrote it, each placeholder replaced by its table, as UTF-8. */
  fill(documentXml: string): Uint8Array {
    const pieces: Uint8Array[] = [];
    let from = 0;
    let next = 0;
    for (const match of documentXml.matchAll(PLACEHOLDER)) {
      // Placeholders come in the order they were made, each once: anything else is a bug here.
      if (Number(match[1]) !== next) throw new Error(`Table placeholder ${match[1]} out of order`);
      pieces.push(encoder.encode(documentXml.slice(from, match.index)), ...this.tables[next]);
      from = match.index + match[0].length;
      next++;
    }
    if (next !== this.tables.length) {
      throw new Error(`${this.tables.length - next} table placeholders were not written`);
    }
    pieces.push(encoder.encode(documentXml.slice(from)));
    const bytes = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const piece of pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    this.tables.length = 0;
    return bytes;
  }
}
