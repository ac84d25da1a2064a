/**
 * The mark Tertial puts in every report workbook it writes, so that `tertial rapport` may replace
 * its own earlier report without --force but never a workbook someone else made, added to or
 * edited. The mark is a custom document property (File › Properties › Custom in Excel) holding a
 * digest of the sheets' content as written (reportContent.ts says what it covers): a user who
 * types in a cell, edits a header or adds a sheet and saves, in Excel or in LibreOffice (which
 * both keep the property), has a workbook whose content no longer matches, and it is theirs.
 * exceljs 4.4 cannot write custom properties (exceljs #2109), so the part is added to the
 * finished package. Reading the mark reads the package by position (../zip/packageAt.ts): the
 * directory, the property and the sheets, never the whole file.
 */
import { decodeXml, escapeXml } from "../xmlText";
import { bytesFile, packageParts, type RandomAccessFile } from "../zip/packageAt";
import type { ZipPart } from "../zip/zipParts";
import { reportContentDigest } from "./reportContent";

/** The custom property's name; its value is the digest of the sheets' content (`fnv1a:…`). */
export const REPORT_MARKER_PROPERTY = "Tertial-rapportblad";

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (ECMA-376 part 1, 22.3.2.2). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

function customPropertiesXml(digest: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<property fmtid="${USER_DEFINED_FMTID}" pid="2" name="${REPORT_MARKER_PROPERTY}">` +
    `<vt:lpwstr>${escapeXml(digest)}</vt:lpwstr></property></Properties>`
  );
}

/**
 * The marker for the stored package exceljs wrote (before any part is deflated): a new part
 * holding the digest of its sheets, and the edits of the two package parts that list it.
 */
export async function reportMarker(stored: Uint8Array): Promise<{
  readonly part: ZipPart;
  readonly edits: Readonly<Record<string, (xml: string) => string>>;
}> {
  const digest = await reportContentDigest(await packageParts(bytesFile(stored)));
  if (digest === null) throw new Error("The written report's sheets cannot be read back");
  return {
    part: { name: CUSTOM_PART, bytes: new TextEncoder().encode(customPropertiesXml(digest)) },
    edits: {
      "[Content_Types].xml": (xml) =>
        xml.replace(
          "</Types>",
          `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`
        ),
      "_rels/.rels": (xml) =>
        xml.replace(
          "</Relationships>",
          `<Relationship Id="rIdTertialRapport" Type="${CUSTOM_RELATIONSHIP}" Target="${CUSTOM_PART}"/></Relationships>`
        ),
    },
  };
}

const MARKER_VALUE = new RegExp(
  `<property\\b[^>]*\\bname="${REPORT_MARKER_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`
);
/**
 * True when the file is a report Tertial wrote whose sheets hold what Tertial wrote: the marker is
 * there and its digest is the content's. Anything unreadable is not Tertial's report.
 */
export async function isTertialReport(source: Uint8Array | RandomAccessFile): Promise<boolean> {
  try {
    const parts = await packageParts(source instanceof Uint8Array ? bytesFile(source) : source);
    const custom = await parts.part(CUSTOM_PART);
    if (custom === null) return false;
    const marked = MARKER_VALUE.exec(new TextDecoder().decode(custom))?.[1];
    if (marked === undefined) return false;
    return decodeXml(marked) === (await reportContentDigest(parts));
  } catch {
    return false;
  }
}
