/** A file the user picked or dropped on the page, read only when needed and never written. */
import { HostError } from "../app/appHost";
import type { PickedFile } from "../app/operation";
import { WorkbookTooLargeError } from "../core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../core/limits";

const openAgain = (name: string) =>
  new HostError(
    `${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du ` +
      `öppnade den? Välj Öppna arbetsbok och öppna den igen.`
  );

/**
 * The file's bytes, refused unread past the reader's limit; Validera, Ny period and Sammanställ
 * read this way. `gone` words the failure when the browser can no longer read the picked file.
 */
export async function readBytes(
  file: PickedFile,
  gone: (name: string) => Error = openAgain
): Promise<ArrayBuffer> {
  // A tab holds the whole file in memory: a multi-gigabyte drop must not be read to be refused.
  if (file.size > MAX_WORKBOOK_FILE_BYTES) {
    throw new WorkbookTooLargeError(file.name, {
      kind: "file",
      bytes: file.size,
      limitBytes: MAX_WORKBOOK_FILE_BYTES,
    });
  }
  try {
    return await file.arrayBuffer();
  } catch (error) {
    // Chromium refuses to read a picked file that was changed, moved or deleted since.
    console.error(error);
    throw gone(file.name);
  }
}
