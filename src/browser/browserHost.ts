/**
 * The task pane's host in a plain browser: reads a workbook the user opened in the page (a File
 * from the picker or a drop) with exceljs, and renders the report into a NEW workbook that it
 * hands back as bytes for download. The user's file is only read, and only inside the page.
 */
import type { Snapshot } from "../core/snapshot";
import type { ReportDoc } from "../core/report/reportDoc";
import type { AppHost, NewWorkbookOffer } from "../app/appHost";
import type { MadeFile, Operations, PickedFile } from "../app/operation";
import { reportFileName } from "../app/reportFileName";
import { TEMPLATE_FILE_NAME, templateUrl } from "../app/templateFile";
import { startDownload } from "../page/download";
import { pageDownloads } from "../page/pageDelivery";
import { loadWorkbookIo, pageEngine } from "../page/pageEngine";
import { readBytes } from "../page/pickedFile";

/** Browser mode's workbook operations before any workbook is opened: Sammanställ on dropped files. */
export const browserOperations: Operations = {
  engine: pageEngine,
  delivery: pageDownloads,
  wordDocument: () => ({ kind: "download" }),
  picksUnits: "page",
};

/**
 * Ladda ned tom mall: the built template, downloaded from beside the page (no exceljs needed);
 * on the start page and beside a workbook that is not a Tertial workbook.
 */
export const DOWNLOAD_TEMPLATE: NewWorkbookOffer = {
  label: "Ladda ned tom mall",
  explanation:
    "Ladda ned tom mall hämtar Tertials tomma mall. Öppna den i Excel, för över uppgifterna, " +
    "spara och öppna arbetsboken här igen.",
  done: `Mallen laddas ned som ${TEMPLATE_FILE_NAME} (oftast till mappen Hämtade filer).`,
  create: async () =>
    startDownload({ fileName: TEMPLATE_FILE_NAME, url: templateUrl(document.baseURI) }),
};

/**
 * `onReport` receives each generated report; the caller offers it as a download. Each run reads
 * the file anew, so Validera after a change shows the change (or says to open the file again).
 */
export function createBrowserHost(
  workbook: PickedFile,
  onReport: (report: MadeFile) => void
): AppHost {
  return {
    reportInWorkbook: false,
    newWorkbook: DOWNLOAD_TEMPLATE,
    operations: {
      ...browserOperations,
      // Ny period reads the opened file as saved, and never writes it.
      readOpenWorkbook: async () => ({
        fileName: workbook.name,
        bytes: new Uint8Array(await readBytes(workbook)),
      }),
      savedFile: workbook.name,
    },
    async readSnapshot(): Promise<Snapshot> {
      const [io, bytes] = await Promise.all([loadWorkbookIo(), readBytes(workbook)]);
      return io.readSnapshotFromBuffer(bytes, workbook.name);
    },
    async writeReport(doc: ReportDoc): Promise<void> {
      const io = await loadWorkbookIo();
      onReport({
        fileName: reportFileName(workbook.name),
        bytes: await io.reportWorkbookBytes(doc),
        type: "xlsx",
      });
    },
  };
}
