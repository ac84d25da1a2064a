/**
 * Checks that bytes are an .xlsx package of a size Tertial reads before exceljs sees them, so that
 * every unusable file ends in a Swedish message that says what it is, and hands exceljs only what
 * the reader needs (readablePackage.ts) — which also repairs what real writers do that exceljs
 * cannot read: absolute relationship targets (openpyxl, System.IO.Packaging; exceljs #1468) and
 * comments it cannot map.
 */
import {
  CorruptWorkbookError,
  EncryptedWorkbookError,
  NotAWorkbookError,
  WorkbookTooLargeError,
  type UnusableWorkbookError,
} from "../../core/errors";
import {
  MAX_PACKAGE_PARTS,
  MAX_PART_UNPACKED_BYTES,
  MAX_UNPACKED_TOTAL_BYTES,
  MAX_WORKBOOK_FILE_BYTES,
} from "../../core/limits";
import { compoundFileStreamNames, hasCfbSignature } from "./compoundFile";
import { partLabel, readablePackage, WORKBOOK_PART } from "./readablePackage";
import { streamInflate, unpackPart, type Inflate } from "../zip/unpackPart";
import { zipDirectory, type ZipEntry } from "../zip/zipDirectory";

/** A zip's first local file header: "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
const BINARY_WORKBOOK_PART = /^\/?xl\/workbook\.bin$/;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
/** An .ods names itself in a short `mimetype` part; nothing longer is read to find out. */
const MAX_MIMETYPE_BYTES = 1024;

/** Why a compound (OLE2) file is not usable: encrypted .xlsx, old .xls, or something else. */
function compoundFileRefusal(bytes: Uint8Array, fileName: string): UnusableWorkbookError {
  let streams: string[];
  try {
    streams = compoundFileStreamNames(bytes);
  } catch {
    return new CorruptWorkbookError(fileName);
  }
  if (streams.includes("EncryptionInfo") || streams.includes("EncryptedPackage")) {
    return new EncryptedWorkbookError(fileName);
  }
  // BIFF8 (Excel 97–2003) keeps its data in `Workbook`, BIFF5 (Excel 5/95) in `Book`.
  if (streams.includes("Workbook") || streams.includes("Book")) {
    return new NotAWorkbookError(fileName, "xls");
  }
  return new NotAWorkbookError(fileName);
}

async function foreignZipRefusal(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  inflate: Inflate
): Promise<NotAWorkbookError> {
  if (entries.some((entry) => BINARY_WORKBOOK_PART.test(entry.name))) {
    return new NotAWorkbookError(fileName, "xlsb");
  }
  const entry = entries.find((e) => e.name === "mimetype");
  const mimetype =
    entry && (await unpackPart(bytes, entry, MAX_MIMETYPE_BYTES, inflate).catch(() => null));
  const isOds = mimetype && new TextDecoder().decode(mimetype).trim() === ODS_MIMETYPE;
  return new NotAWorkbookError(fileName, isOds ? "ods" : undefined);
}

/** The central directory's entries, their sizes checked against the limits before anything is unpacked. */
function checkedEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    const directory = zipDirectory(bytes);
    if (directory.entryCount > MAX_PACKAGE_PARTS) {
      throw new WorkbookTooLargeError(fileName, {
        kind: "parts",
        count: directory.entryCount,
        limit: MAX_PACKAGE_PARTS,
      });
    }
    entries = directory.entries();
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    throw new CorruptWorkbookError(fileName);
  }
  let total = 0;
  let largest = entries[0];
  for (const entry of entries) {
    if (entry.uncompressedBytes > MAX_PART_UNPACKED_BYTES) {
      throw new WorkbookTooLargeError(fileName, {
        kind: "part",
        part: partLabel(entry.name),
        limitBytes: MAX_PART_UNPACKED_BYTES,
      });
    }
    total += entry.uncompressedBytes;
    if (entry.uncompressedBytes > largest.uncompressedBytes) largest = entry;
  }
  if (total > MAX_UNPACKED_TOTAL_BYTES) {
    throw new WorkbookTooLargeError(fileName, {
      kind: "unpacked",
      bytes: total,
      limitBytes: MAX_UNPACKED_TOTAL_BYTES,
      part: partLabel(largest.name),
    });
  }
  return entries;
}

/**
 * The bytes of an .xlsx package ready for exceljs (readablePackage.ts). Throws
 * WorkbookTooLargeError past a limit of core/limits.ts, and NotAWorkbookError,
 * EncryptedWorkbookError or CorruptWorkbookError for anything else. `inflate` unpacks deflated
 * parts (default: the platform's DecompressionStream).
 */
export async function xlsxPackageForExceljs(
  bytes: Uint8Array,
  fileName: string,
  inflate: Inflate = streamInflate
): Promise<Uint8Array> {
  if (bytes.length === 0) throw new CorruptWorkbookError(fileName);
  if (bytes.length > MAX_WORKBOOK_FILE_BYTES) {
    throw new WorkbookTooLargeError(fileName, {
      kind: "file",
      bytes: bytes.length,
      limitBytes: MAX_WORKBOOK_FILE_BYTES,
    });
  }
  if (hasCfbSignature(bytes)) throw compoundFileRefusal(bytes, fileName);
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new NotAWorkbookError(fileName);

  const entries = checkedEntries(bytes, fileName);
  if (!entries.some((entry) => entry.name.replace(/^\//, "") === WORKBOOK_PART)) {
    throw await foreignZipRefusal(bytes, entries, fileName, inflate);
  }
  try {
    return await readablePackage(bytes, entries, fileName, inflate);
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    throw new CorruptWorkbookError(fileName);
  }
}
