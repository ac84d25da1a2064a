/** The report as a download: an object URL the page keeps, so the user can download it again. */

/** A report file (workbook or Word document), ready to be offered as a download. */
export interface ReportFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface Download {
  readonly fileName: string;
  /** A blob: URL in this page; nothing is uploaded. Valid until revokeDownload(). */
  readonly url: string;
}

export function createDownload(report: ReportFile, type = XLSX_MIME): Download {
  // Report bytes come from exceljs's writeBuffer or JSZip: an ArrayBuffer, never a SharedArrayBuffer.
  const blob = new Blob([report.bytes as Uint8Array<ArrayBuffer>], { type });
  return { fileName: report.fileName, url: URL.createObjectURL(blob) };
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
