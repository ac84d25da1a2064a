/**
 * The open workbook's own bytes, through the Common API's Document.getFileAsync in the
 * compressed (Office Open XML) format: what Ny period reads in Excel, so that it runs the same
 * code as the CLI and browser mode. Needs the requirement sets File and CompressedFile; the file
 * is closed in every case (Office keeps at most two such files open, and fails the next call).
 */
import { HostError } from "../app/appHost";
import { WorkbookTooLargeError } from "../core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../core/limits";
import type { IsSetSupported } from "./requirements";

/** Office allows slices of up to 4 MB (64 KB on iPad, where Excel has no compressed file). */
export const SLICE_BYTES = 4 * 1024 * 1024;

/** The Common API requirement sets getFileAsync(Office.FileType.Compressed) needs. */
export const FILE_REQUIREMENTS: readonly string[] = ["File", "CompressedFile"];

/** An Office.AsyncResult, as far as it is read here. */
export interface OfficeResult<T> {
  readonly status: Office.AsyncResultStatus;
  readonly value: T;
  readonly error?: { readonly code: number; readonly message: string };
}

/** Office.File, as far as it is used here. */
export interface OfficeFile {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(
    sliceIndex: number,
    callback: (result: OfficeResult<{ readonly data: ArrayLike<number> }>) => void
  ): void;
  closeAsync(callback?: (result: OfficeResult<void>) => void): void;
}

/** Office.context.document, as far as it is used here. */
export interface OfficeDocument {
  getFileAsync(
    fileType: Office.FileType,
    options: Office.GetFileOptions,
    callback: (result: OfficeResult<OfficeFile>) => void
  ): void;
}

/** The missing requirement set, or null when getFileAsync can hand out the workbook. */
export function missingFileRequirement(isSetSupported: IsSetSupported): string | null {
  return FILE_REQUIREMENTS.find((name) => !isSetSupported(name, "1.1")) ?? null;
}

const failed = (result: OfficeResult<unknown>) =>
  result.status !== Office.AsyncResultStatus.Succeeded;

/** Office's own words after the code, for the one who helps the user. */
const officeDetail = (error: OfficeResult<unknown>["error"]) =>
  error ? ` (felkod ${error.code}: ${error.message})` : "";

function openFile(document: OfficeDocument, sliceSize: number, notReadable: string) {
  return new Promise<OfficeFile>((resolve, reject) =>
    document.getFileAsync(Office.FileType.Compressed, { sliceSize }, (result) => {
      if (!failed(result)) return resolve(result.value);
      console.error(result.error);
      reject(
        new HostError(
          `Excel lämnade inte ut arbetsboken${officeDetail(result.error)}. ${notReadable}`
        )
      );
    })
  );
}

function slice(file: OfficeFile, index: number, notReadable: string) {
  return new Promise<ArrayLike<number>>((resolve, reject) =>
    file.getSliceAsync(index, (result) => {
      if (!failed(result)) return resolve(result.value.data);
      console.error(result.error);
      reject(
        new HostError(
          `Excel slutade lämna ut arbetsboken mitt i${officeDetail(result.error)}. ${notReadable}`
        )
      );
    })
  );
}

/** Never fails: a file Excel would not close is logged, and the outcome is the read's. */
function close(file: OfficeFile): Promise<void> {
  return new Promise((resolve) =>
    file.closeAsync((result) => {
      if (failed(result)) console.error(result.error);
      resolve();
    })
  );
}

/**
 * The open workbook as .xlsx bytes, all slices in order. `notReadable` is the way forward when
 * Excel fails to hand it out. The caller checks the requirement sets first.
 */
export async function readOpenWorkbook(
  document: OfficeDocument,
  fileName: string,
  notReadable: string,
  sliceSize = SLICE_BYTES
): Promise<Uint8Array> {
  const file = await openFile(document, sliceSize, notReadable);
  try {
    if (file.size > MAX_WORKBOOK_FILE_BYTES) {
      throw new WorkbookTooLargeError(fileName, {
        kind: "file",
        bytes: file.size,
        limitBytes: MAX_WORKBOOK_FILE_BYTES,
      });
    }
    // Excel on the web has been seen to answer "succeeded" with an empty file (office-js#5473).
    if (file.size === 0) throw new HostError(`Excel lämnade ut en tom fil. ${notReadable}`);
    const bytes = new Uint8Array(file.size);
    let at = 0;
    for (let index = 0; index < file.sliceCount; index++) {
      const data = await slice(file, index, notReadable);
      if (at + data.length > bytes.length) break;
      bytes.set(data, at);
      at += data.length;
    }
    if (at !== bytes.length) {
      throw new HostError(`Excel lämnade ut arbetsboken ofullständigt. ${notReadable}`);
    }
    return bytes;
  } finally {
    await close(file);
  }
}
