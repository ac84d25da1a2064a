/**
 * What a consolidated workbook records of the units it was made from (Consolidation.sources:
 * file, name, Organisation, content digest), so that a later run refuses it together with one
 * of them. A custom document property (File › Egenskaper › Anpassade in Excel), like the report's
 * marker: Excel and LibreOffice keep it when the nämnd's controller opens and saves the workbook,
 * and reading it takes one small part through the zip directory, never the workbook. exceljs
 * cannot write custom properties (exceljs #2109), so the part is added where the package is
 * completed (completePackage.ts), in the same pass.
 */
import type { UnitSource } from "../../core/consolidate/unitReport";
import {
  CUSTOM_PROPERTIES_PART,
  customPropertyPart,
  customPropertyValue,
  type AddedPart,
} from "../customProperty";
import { unpackPart, type Inflate } from "../zip/unpackPart";
import { zipDirectory } from "../zip/zipDirectory";

/** The custom property's name; its value is the JSON array of the sources. */
export const SOURCES_PROPERTY = "Tertial-sammanstallning";

/** Hundreds of units' records are tens of kilobytes; a larger part is not Tertial's. */
const MAX_CUSTOM_PART_BYTES = 4 * 1024 * 1024;

/**
 * JSON with every character outside printable ASCII, and `_`, as `\uXXXX`: no file name can put
 * a character XML cannot hold, nor an `_xHHHH_` escape a reader would decode, into the part.
 */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[^\x20-\x5e\x60-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );

/** The record as a part of the package, and the rewrites of the parts that must list it. */
export function sourcesPart(sources: readonly UnitSource[]): AddedPart {
  return customPropertyPart(SOURCES_PROPERTY, asciiJson(sources));
}

const isSource = (s: unknown): s is UnitSource => {
  const r = s as Record<string, unknown> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.file === "string" &&
    typeof r.name === "string" &&
    (r.organisation === null || typeof r.organisation === "string") &&
    typeof r.digest === "string"
  );
};

/**
 * The sources a consolidated workbook records, or [] when it records none (written before
 * Tertial recorded them, or the property was removed or damaged).
 */
export async function readSources(bytes: Uint8Array, inflate?: Inflate): Promise<UnitSource[]> {
  try {
    const entry = zipDirectory(bytes)
      .entries()
      .find((e) => e.name === CUSTOM_PROPERTIES_PART);
    const part = entry ? await unpackPart(bytes, entry, MAX_CUSTOM_PART_BYTES, inflate) : null;
    const value = part ? customPropertyValue(part, SOURCES_PROPERTY) : undefined;
    if (value === undefined) return [];
    const sources: unknown = JSON.parse(value);
    return Array.isArray(sources) && sources.every(isSource) ? sources : [];
  } catch {
    return [];
  }
}
