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
import {
  CUSTOM_PROPERTIES_PART,
  customPropertyPart,
  customPropertyValue,
  type AddedPart,
} from "../customProperty";
import { bytesFile, packageParts, type RandomAccessFile } from "../zip/packageAt";
import { reportContentDigest } from "./reportContent";

/** The custom property's name; its value is the digest of the sheets' content (`fnv1a:…`). */
export const REPORT_MARKER_PROPERTY = "Tertial-rapportblad";

/**
 * The marker for the stored package exceljs wrote (before any part is deflated): a new part
 * holding the digest of its sheets, and the edits of the two package parts that list it.
 */
export async function reportMarker(stored: Uint8Array): Promise<AddedPart> {
  const digest = await reportContentDigest(await packageParts(bytesFile(stored)));
  if (digest === null) throw new Error("The written report's sheets cannot be read back");
  return customPropertyPart(REPORT_MARKER_PROPERTY, digest);
}

/**
 * True when the file is a report Tertial wrote whose sheets hold what Tertial wrote: the marker is
 * there and its digest is the content's. Anything unreadable is not Tertial's report.
 */
export async function isTertialReport(source: Uint8Array | RandomAccessFile): Promise<boolean> {
  try {
    const parts = await packageParts(source instanceof Uint8Array ? bytesFile(source) : source);
    const custom = await parts.part(CUSTOM_PROPERTIES_PART);
    if (custom === null) return false;
    const marked = customPropertyValue(custom, REPORT_MARKER_PROPERTY);
    return marked !== undefined && marked === (await reportContentDigest(parts));
  } catch {
    return false;
  }
}
