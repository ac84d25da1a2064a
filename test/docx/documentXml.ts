/**
 * Reads a .docx the way a test needs it: its parts, and document.xml's paragraphs (style and
 * text) and table cells (text) in order. Regular expressions suffice: Tertial's documents nest
 * no tables, and docx writes every element in the same form.
 */
import JSZip from "jszip";

export interface DocxParagraph {
  /** pStyle, e.g. `Heading1`; null for Normal. */
  readonly style: string | null;
  readonly text: string;
}

export async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) parts[name] = await zip.file(name)!.async("string");
  }
  return parts;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of an element's runs: w:t as is, w:br as a line break, w:tab as a tab. */
function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
    .map((m) => (m[0] === "<w:br/>" ? "\n" : m[0] === "<w:tab/>" ? "\t" : decode(m[1])))
    .join("");
}

export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]*)"\/>/.exec(m[1])?.[1] ?? null,
    text: runText(m[1]),
  }));
}

/** Each table cell's text, its paragraphs joined by line breaks, in document order. */
export function tableCells(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) =>
    paragraphs(m[1])
      .map((p) => p.text)
      .join("\n")
  );
}

/** The document's table rows as XML, in order. */
export function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr(?: [^>]*)?>(.*?)<\/w:tr>/gs)].map((m) => m[1]);
}
