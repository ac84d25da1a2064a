/**
 * The mark Tertial puts in every report document it writes, so that `tertial rapport` may replace
 * its own earlier .docx without --force, but never a document someone has edited since. The mark
 * is a custom document property (File › Egenskaper › Anpassade in Word) holding a digest of every
 * part under `word/` as Tertial wrote it: the body, the page header and footer, styles, settings
 * and their relationships. An edit anywhere in them (a header typed over, a comment, a style)
 * changes the digest, and Word and LibreOffice rewrite these parts on every save, so a document
 * saved since is the user's. Reading the mark reads the package by position
 * (../xlsx/zip/packageAt.ts), only the property and the `word/` parts, never the whole file.
 */
import JSZip from "jszip";
import { MAX_UNPACKED_TOTAL_BYTES } from "../core/limits";
import { xmlSafeText } from "../core/text/xmlSafe";
import { MarkerDigest } from "../xlsx/markerDigest";
import { decodeXml, escapeXml } from "../xlsx/xmlText";
import { bytesFile, packageParts, type RandomAccessFile } from "../xlsx/zip/packageAt";
import { zipParts, type ZipPart } from "../xlsx/zip/zipParts";

const encoder = new TextEncoder();

/** The custom property's name; its value is `fnv1a:<digest>:<length>` of the `word/` parts. */
export const REPORT_DOCUMENT_PROPERTY = "Tertial-rapportdokument";

/** What docx writes as the property's value, replaced by the digest once the body exists. */
export const MARKER_PLACEHOLDER = "tertial-digest-pending";

const CUSTOM = "docProps/custom.xml";
const APP = "docProps/app.xml";
/** The parts the digest covers: everything a document's content, look and layout is in. */
const COVERED = /^word\//;

/** The digest of the covered parts' bytes, by name in a fixed order. */
function digest(parts: readonly { readonly name: string; readonly bytes: Uint8Array }[]): string {
  const result = new MarkerDigest();
  const sorted = [...parts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, bytes } of sorted) result.add(name).addBytes(bytes);
  return result.toString();
}

async function part(zip: JSZip, name: string): Promise<string> {
  const xml = await zip.file(name)?.async("string");
  if (xml === undefined) throw new Error(`${name} is missing from the rendered document`);
  return xml;
}

/**
 * The document's package, packed, with the marker's digest filled in and the organisation as the
 * document's Company (docProps/app.xml, which docx leaves empty). `written` are parts given as
 * bytes, in place of the zip's (the body with its tables: JSZip would copy 22 MB in 16 kB steps).
 */
export async function withDocumentMarker(
  zip: JSZip,
  organisation: string | null,
  written: readonly ZipPart[] = []
): Promise<Uint8Array> {
  const custom = await part(zip, CUSTOM);
  if (!custom.includes(MARKER_PLACEHOLDER)) throw new Error("The marker property is missing");
  const app = await part(zip, APP);
  const company = organisation ? `<Company>${escapeXml(xmlSafeText(organisation))}</Company>` : "";
  zip.file(
    APP,
    app.replace(
      /<Properties([^>]*)\/>/,
      `<Properties$1><Application>Tertial</Application>${company}</Properties>`
    )
  );
  const given = new Map(written.map((p) => [p.name, p]));
  const parts: ZipPart[] = await Promise.all(
    zip
      .filter((_, file) => !file.dir)
      .map(
        async (file) =>
          given.get(file.name) ?? { name: file.name, bytes: await file.async("uint8array") }
      )
  );
  const marked = encoder.encode(
    custom.replace(MARKER_PLACEHOLDER, digest(parts.filter((p) => COVERED.test(p.name))))
  );
  // Packed by the platform's deflate (zipParts.ts), as the .xlsx report is: JSZip's JavaScript
  // deflate and CRC took three times the CPU on a 22 MB body, for a file twice the size.
  return zipParts(
    parts.map((p) => (p.name === CUSTOM ? { name: CUSTOM, bytes: marked } : p)),
    "deflate"
  );
}

const MARKER_VALUE = new RegExp(
  `<property\\b[^>]*\\bname="${REPORT_DOCUMENT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`
);

/**
 * True when the file is a report document Tertial wrote and nobody has saved since: the marker is
 * there and matches the `word/` parts. Anything unreadable is not Tertial's document.
 */
export async function isTertialDocument(source: Uint8Array | RandomAccessFile): Promise<boolean> {
  try {
    const parts = await packageParts(source instanceof Uint8Array ? bytesFile(source) : source);
    const custom = await parts.part(CUSTOM);
    if (custom === null) return false;
    const marked = MARKER_VALUE.exec(new TextDecoder().decode(custom))?.[1];
    if (marked === undefined) return false;
    let budget = MAX_UNPACKED_TOTAL_BYTES;
    const covered: { name: string; bytes: Uint8Array }[] = [];
    for (const name of parts.names.filter((n) => COVERED.test(n) && !n.endsWith("/"))) {
      const bytes = await parts.part(name, budget);
      if (bytes === null) return false;
      budget -= bytes.length;
      covered.push({ name, bytes });
    }
    return decodeXml(marked) === digest(covered);
  } catch {
    return false;
  }
}
