/**
 * A package exceljs wrote stored (`writeBuffer({ zip: { compression: "STORE" } })`) → the finished
 * .xlsx: some parts rewritten, some added, everything deflated once by zipParts (the platform's
 * own deflate). Cheaper than letting exceljs deflate with JavaScript and then unpacking the parts
 * it cannot write correctly (a template's table formulas, a report's default font and marker).
 */
import { packedBytes } from "./unpackPart";
import { zipDirectory } from "./zipDirectory";
import { zipParts, type ZipPart } from "./zipParts";

/** The rewrite of a part's XML, or undefined to keep the part as written. */
export type PartEdit = (name: string) => ((xml: string) => string) | undefined;

export async function repackStored(
  stored: Uint8Array,
  edit: PartEdit,
  added: readonly ZipPart[] = []
): Promise<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const parts: ZipPart[] = [];
  for (const entry of zipDirectory(stored).entries()) {
    if (entry.name.endsWith("/")) continue; // JSZip's folder entries; Excel writes none
    if (entry.method !== 0) throw new Error(`exceljs packed ${entry.name}; expected it stored`);
    const bytes = packedBytes(stored, entry);
    const rewrite = edit(entry.name);
    parts.push(
      rewrite
        ? { name: entry.name, bytes: encoder.encode(rewrite(decoder.decode(bytes))) }
        : { name: entry.name, bytes, crc32: entry.crc32 }
    );
  }
  return zipParts([...parts, ...added], "deflate");
}

/** Bytes exceljs's writeBuffer gave: typed as ArrayBuffer, a Node Buffer (a Uint8Array) in Node. */
export function writtenBytes(written: unknown): Uint8Array {
  return written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
}
