/** A made file as a download: an object URL the page keeps, so the user can download it again. */
import type { MadeFile } from "../app/operation";

const MIME: Readonly<Record<MadeFile["type"], string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface Download {
  readonly fileName: string;
  /** A blob: URL in this page; nothing is uploaded. Valid until revokeDownload(). */
  readonly url: string;
}

export function createDownload(file: MadeFile): Download {
  // Bytes come from exceljs's writeBuffer or JSZip: an ArrayBuffer, never a SharedArrayBuffer.
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: MIME[file.type] });
  return { fileName: file.fileName, url: URL.createObjectURL(blob) };
}

/** Starts the browser's download, as a click on a download link does. */
export function startDownload(download: Download): void {
  const link = document.createElement("a");
  link.href = download.url;
  link.download = download.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function revokeDownload(download: Download): void {
  URL.revokeObjectURL(download.url);
}
