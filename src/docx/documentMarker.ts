/**
 * The mark Tertial puts in every report document it writes, so that `tertial rapport` may replace
 * its own earlier .docx without --force, but never a document someone has edited since. The mark
 * is a custom document property (File › Egenskaper › Anpassade in Word) holding a digest of the
 * document's body as Tertial wrote it: saving the document in Word or LibreOffice rewrites the
 * body, so an edited document no longer matches and is the user's.
 */
import JSZip from "jszip";
import { xmlSafeText } from "../core/text/xmlSafe";
import { decodeXml, escapeXml } from "../xlsx/xmlText";

/** The custom property's name; its value is `fnv1a:<digest>:<length>` of word/document.xml. */
export const REPORT_DOCUMENT_PROPERTY = "Tertial-rapportdokument";

/** What docx writes as the property's value, replaced by the digest once the body exists. */
export const MARKER_PLACEHOLDER = "tertial-digest-pending";

const BODY = "word/document.xml";
const CUSTOM = "docProps/custom.xml";
const APP = "docProps/app.xml";

/** FNV-1a over the text's UTF-16 units with its length: tells an edit apart, not an attack. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fnv1a:${hash.toString(16).padStart(8, "0")}:${text.length}`;
}

async function part(zip: JSZip, name: string): Promise<string> {
  const xml = await zip.file(name)?.async("string");
  if (xml === undefined) throw new Error(`${name} is missing from the rendered document`);
  return xml;
}

/**
 * The packed document with the marker's digest filled in and the organisation as the document's
 * Company (docProps/app.xml, which docx leaves empty).
 */
export async function withDocumentMarker(
  bytes: Uint8Array,
  organisation: string | null
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const body = await part(zip, BODY);
  const custom = await part(zip, CUSTOM);
  if (!custom.includes(MARKER_PLACEHOLDER)) throw new Error("The marker property is missing");
  zip.file(CUSTOM, custom.replace(MARKER_PLACEHOLDER, digest(body)));
  const app = await part(zip, APP);
  const company = organisation ? `<Company>${escapeXml(xmlSafeText(organisation))}</Company>` : "";
  zip.file(
    APP,
    app.replace(
      /<Properties([^>]*)\/>/,
      `<Properties$1><Application>Tertial</Application>${company}</Properties>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const MARKER_VALUE = new RegExp(
  `<property\\b[^>]*\\bname="${REPORT_DOCUMENT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`
);

/**
 * True when the bytes are a report document Tertial wrote and nobody has saved since: the marker
 * is there and matches the body. Anything unreadable is not Tertial's document.
 */
export async function isTertialDocument(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const custom = await zip.file(CUSTOM)?.async("string");
    const body = await zip.file(BODY)?.async("string");
    if (custom === undefined || body === undefined) return false;
    const marked = MARKER_VALUE.exec(custom)?.[1];
    return marked !== undefined && decodeXml(marked) === digest(body);
  } catch {
    return false;
  }
}
