/**
 * A custom document property (File › Egenskaper › Anpassade in Excel) as a package part, written
 * and read by Tertial itself: exceljs 4.4 cannot write custom properties (exceljs #2109). Excel
 * and LibreOffice keep such a property when the user opens and saves the file, so Tertial's
 * marks travel with it: the report's digest (render/reportMarker.ts) and a consolidation's record
 * of its units (consolidate/sourcesMarker.ts). A package holds one such part, so one property.
 */
import { decodeXml, escapeXml } from "./xmlText";
import type { ZipPart } from "./zip/zipParts";

export const CUSTOM_PROPERTIES_PART = "docProps/custom.xml";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (ECMA-376 part 1, 22.3.2.2). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

/**
 * A part exceljs cannot write, with the rewrites of the package parts that must list it
 * ([Content_Types].xml, _rels/.rels).
 */
export interface AddedPart {
  readonly part: ZipPart;
  readonly edits: Readonly<Record<string, (xml: string) => string>>;
}

/** The part holding one text property `name` = `value`, and the edits that list it. */
export function customPropertyPart(name: string, value: string): AddedPart {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<property fmtid="${USER_DEFINED_FMTID}" pid="2" name="${escapeXml(name)}">` +
    `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property></Properties>`;
  return {
    part: { name: CUSTOM_PROPERTIES_PART, bytes: new TextEncoder().encode(xml) },
    edits: {
      "[Content_Types].xml": (types) =>
        types.replace(
          "</Types>",
          `<Override PartName="/${CUSTOM_PROPERTIES_PART}" ContentType="${CONTENT_TYPE}"/></Types>`
        ),
      "_rels/.rels": (rels) =>
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdTertialEgenskap" Type="${RELATIONSHIP}" Target="${CUSTOM_PROPERTIES_PART}"/></Relationships>`
        ),
    },
  };
}

/** The text value of property `name` in a custom properties part, or undefined. */
export function customPropertyValue(part: Uint8Array, name: string): string | undefined {
  const pattern = new RegExp(
    `<property\\b[^>]*\\bname="${escapeXml(name)}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`
  );
  const value = pattern.exec(new TextDecoder().decode(part))?.[1];
  return value === undefined ? undefined : decodeXml(value);
}
