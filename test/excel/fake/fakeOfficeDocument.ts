/**
 * A recording fake of the Common API's Document.getFileAsync, the part src/excel/workbookFile.ts
 * uses: the open workbook's real bytes handed out in slices of the requested size, asynchronously,
 * as Office does. Like Office it keeps at most two files open (the next getFileAsync fails until
 * one is closed), and it can be told to fail the open or a slice. `installOffice()` sets the
 * Office.js enums the code compares with, with their runtime (string) values.
 */
import type { OfficeDocument, OfficeFile, OfficeResult } from "../../../src/excel/workbookFile";

export interface OfficeFailure {
  readonly code: number;
  readonly message: string;
}

export interface FakeDocumentOptions {
  /** getFileAsync fails with this error. */
  readonly failOpen?: OfficeFailure;
  /** getSliceAsync fails for this slice index. */
  readonly failSlice?: number;
  /** getFileAsync succeeds with an empty file, as Excel on the web has been seen to. */
  readonly empty?: boolean;
}

const SUCCEEDED = "succeeded" as unknown as Office.AsyncResultStatus;
const FAILED = "failed" as unknown as Office.AsyncResultStatus;

const later = (work: () => void) => void setTimeout(work, 0);

function result<T>(value: T, error?: OfficeFailure): OfficeResult<T> {
  return error ? { status: FAILED, value, error } : { status: SUCCEEDED, value };
}

export class FakeOfficeDocument implements OfficeDocument {
  /** Every call, in order: `getFileAsync compressed 4194304`, `getSliceAsync 0`, `closeAsync`. */
  readonly calls: string[] = [];
  openFiles = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly options: FakeDocumentOptions = {}
  ) {}

  getFileAsync(
    fileType: Office.FileType,
    options: Office.GetFileOptions,
    callback: (result: OfficeResult<OfficeFile>) => void
  ): void {
    const sliceSize = options.sliceSize ?? 4 * 1024 * 1024;
    this.calls.push(`getFileAsync ${String(fileType)} ${sliceSize}`);
    const failure =
      this.options.failOpen ??
      (this.openFiles >= 2
        ? { code: 5001, message: "An internal error has occurred." } // what Office says then
        : String(fileType) !== "compressed"
          ? { code: 5001, message: "unsupported file type" }
          : undefined);
    if (failure) return later(() => callback(result(undefined as never, failure)));
    this.openFiles++;
    later(() => callback(result(this.file(sliceSize))));
  }

  private file(sliceSize: number): OfficeFile {
    const { calls, options } = this;
    const bytes = options.empty ? new Uint8Array(0) : this.bytes;
    let open = true;
    return {
      size: bytes.length,
      sliceCount: Math.ceil(bytes.length / sliceSize),
      getSliceAsync: (index, callback) => {
        calls.push(`getSliceAsync ${index}`);
        if (!open) throw new Error("slice of a closed file");
        const failure =
          index === options.failSlice
            ? { code: 11001, message: "A network problem has prevented retrieval of the file." }
            : undefined;
        // Desktop Excel hands a slice out as a plain array of byte values.
        const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
        later(() => callback(result({ data }, failure)));
      },
      closeAsync: (callback) => {
        calls.push("closeAsync");
        if (open) this.openFiles--;
        open = false;
        later(() => callback?.(result(undefined)));
      },
    };
  }
}

type OfficeGlobal = { Office?: unknown };

/** The Office.js enums the code reads, as Office.js defines them at runtime. */
export function installOffice(): void {
  (globalThis as OfficeGlobal).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
  };
}

export function removeOffice(): void {
  delete (globalThis as OfficeGlobal).Office;
}
