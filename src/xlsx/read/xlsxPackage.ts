/**
 * Checks that bytes are an .xlsx package before exceljs sees them, so that every unusable file ends
 * in a Swedish message that says what it is, and repairs the one thing real writers do that exceljs
 * cannot read: absolute relationship targets (openpyxl, System.IO.Packaging; exceljs #1468).
 */
import JSZip from "jszip";
import {
  CorruptWorkbookError,
  EncryptedWorkbookError,
  NotAWorkbookError,
  type UnusableWorkbookError,
} from "../../core/errors";
import { compoundFileStreamNames, hasCfbSignature } from "./compoundFile";
import { tableColumnsForExceljs } from "./tableColumns";

/** A zip's first local file header: "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
const WORKBOOK_PART = /^\/?xl\/workbook\.xml$/;
const BINARY_WORKBOOK_PART = /^\/?xl\/workbook\.bin$/;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
const WORKSHEET_RELS = /^\/?xl\/worksheets\/_rels\/[^/]+\.rels$/;
const TABLE_PART = /^\/?xl\/tables\/[^/]+\.xml$/;
const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const ABSOLUTE_XL_TARGET = /\bTarget=(["'])\/xl\/(.*?)\1/;
const COMMENTS_TYPE = /\bType="[^"]*\/comments"/;
/** The only comments target exceljs resolves: a `../commentsN.xml` part beside the worksheets. */
const EXCELJS_COMMENTS_TARGET = /\bTarget=(["'])\.\.\/comments\d+\.xml\1/;

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

async function foreignZipRefusal(zip: JSZip, fileName: string): Promise<NotAWorkbookError> {
  const names = Object.keys(zip.files);
  if (names.some((name) => BINARY_WORKBOOK_PART.test(name))) {
    return new NotAWorkbookError(fileName, "xlsb");
  }
  const mimetype = await zip
    .file("mimetype")
    ?.async("string")
    .catch(() => null);
  return new NotAWorkbookError(fileName, mimetype?.trim() === ODS_MIMETYPE ? "ods" : undefined);
}

/**
 * A worksheet's relationships as exceljs can resolve them: absolute `/xl/…` targets made relative
 * to `xl/worksheets/`, and comments relationships exceljs cannot map dropped (it throws on them and
 * the reader does not need comments). Null when nothing needs to change.
 */
export function relationshipsForExceljs(rels: string): string | null {
  let changed = false;
  const fixed = rels.replace(RELATIONSHIP, (element) => {
    let result = element;
    if (!/\bTargetMode=["']External["']/.test(result) && ABSOLUTE_XL_TARGET.test(result)) {
      result = result.replace(ABSOLUTE_XL_TARGET, "Target=$1../$2$1");
    }
    if (COMMENTS_TYPE.test(result) && !EXCELJS_COMMENTS_TARGET.test(result)) result = "";
    changed ||= result !== element;
    return result;
  });
  return changed ? fixed : null;
}

/**
 * The package with its worksheet relationships and table columns fixed for exceljs, or null when
 * none needed it.
 */
async function repackedForExceljs(zip: JSZip): Promise<Uint8Array | null> {
  let repaired = false;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const repair = WORKSHEET_RELS.test(file.name)
      ? relationshipsForExceljs
      : TABLE_PART.test(file.name)
        ? tableColumnsForExceljs
        : null;
    if (!repair) continue;
    const fixed = repair(await file.async("string"));
    if (fixed !== null) {
      zip.file(file.name, fixed);
      repaired = true;
    }
  }
  // DEFLATE lets JSZip copy every unchanged entry's compressed bytes as they are (STORE would
  // inflate them all: 40 ms instead of 9 ms for a 10,000-row table).
  return repaired ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : null;
}

/**
 * The bytes of an .xlsx package ready for exceljs: the input itself, or a repaired copy.
 * Throws NotAWorkbookError, EncryptedWorkbookError or CorruptWorkbookError for anything else.
 */
export async function xlsxPackageForExceljs(
  bytes: Uint8Array,
  fileName: string
): Promise<Uint8Array> {
  if (bytes.length === 0) throw new CorruptWorkbookError(fileName);
  if (hasCfbSignature(bytes)) throw compoundFileRefusal(bytes, fileName);
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new NotAWorkbookError(fileName);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new CorruptWorkbookError(fileName);
  }
  if (!Object.keys(zip.files).some((name) => WORKBOOK_PART.test(name))) {
    throw await foreignZipRefusal(zip, fileName);
  }
  try {
    return (await repackedForExceljs(zip)) ?? bytes;
  } catch {
    throw new CorruptWorkbookError(fileName);
  }
}
