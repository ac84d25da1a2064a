/**
 * The mark Tertial puts in every report workbook it writes, so that `tertial rapport` may replace
 * its own earlier report without --force but never a workbook someone else made or added to.
 * The mark is a custom document property (File › Properties › Custom in Excel) listing the sheets
 * Tertial wrote. exceljs 4.4 cannot write custom properties (exceljs #2109), so the part is added
 * to the finished package; reading it needs only two small parts, never the workbook.
 */
import JSZip from "jszip";
import { decodeXml, escapeXml } from "../xmlText";
import type { ZipPart } from "../zip/zipParts";

/** The custom property's name; its value is the JSON array of the sheet names Tertial wrote. */
export const REPORT_MARKER_PROPERTY = "Tertial-rapportblad";

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (ECMA-376 part 1, 22.3.2.2). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

function customPropertiesXml(sheetNames: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<property fmtid="${USER_DEFINED_FMTID}" pid="2" name="${REPORT_MARKER_PROPERTY}">` +
    `<vt:lpwstr>${escapeXml(JSON.stringify(sheetNames))}</vt:lpwstr></property></Properties>`
  );
}

/** The marker property naming `sheetNames`: a new part and the two package parts that list it. */
export function reportMarker(sheetNames: readonly string[]): {
  readonly part: ZipPart;
  readonly edits: Readonly<Record<string, (xml: string) => string>>;
} {
  return {
    part: { name: CUSTOM_PART, bytes: new TextEncoder().encode(customPropertiesXml(sheetNames)) },
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
const SHEET_NAME = /<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g;

/** The sheet names the marker lists, or null when the property is missing or not a name list. */
function markedSheets(customXml: string): string[] | null {
  const value = MARKER_VALUE.exec(customXml)?.[1];
  if (value === undefined) return null;
  try {
    const names: unknown = JSON.parse(decodeXml(value));
    return Array.isArray(names) && names.every((n) => typeof n === "string") ? names : null;
  } catch {
    return null;
  }
}

/**
 * True when the bytes are a report Tertial wrote that holds nothing but its own sheets: the marker
 * is there and every sheet in the workbook is one it lists. A sheet a user added, or renamed,
 * makes it the user's workbook. Anything unreadable is not Tertial's report.
 */
export async function isTertialReport(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const customXml = await zip.file(CUSTOM_PART)?.async("string");
    const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
    if (customXml === undefined || workbookXml === undefined) return false;
    const marked = markedSheets(customXml);
    if (marked === null) return false;
    const sheets = [...workbookXml.matchAll(SHEET_NAME)].map((m) => decodeXml(m[1]));
    return sheets.length > 0 && sheets.every((name) => marked.includes(name));
  } catch {
    return false;
  }
}
