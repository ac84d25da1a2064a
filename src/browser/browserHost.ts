/**
 * The task pane's host in a plain browser: reads a workbook the user opened in the page (a File
 * from the picker or a drop) with exceljs, and renders the report into a NEW workbook that it
 * hands back as bytes for download. The user's file is only read, and only inside the page.
 */
import { WorkbookTooLargeError } from "../core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../core/limits";
import type { Snapshot } from "../core/snapshot";
import type { ReportDoc } from "../core/report/reportDoc";
import { HostError, type AppHost, type NewWorkbookOffer } from "../app/appHost";
import { TEMPLATE_FILE_NAME, templateUrl } from "../app/templateFile";
import { startDownload, type ReportFile } from "./download";
import { reportFileName } from "./reportFileName";

/** What the host needs of a File: its name and its bytes (read again for each run). */
export interface OpenedWorkbook {
  readonly name: string;
  /** Bytes, known before reading: a file past the reader's limit is refused unread. */
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

// ReportFile lives with the download it feeds, below this module, so the two do not import each other.
export type { ReportFile } from "./download";

type WorkbookIo = typeof import("./workbookIo");

/** Starts loading the exceljs chunk; the page calls it as browser mode starts, so it works offline. */
export function loadWorkbookIo(): Promise<WorkbookIo> {
  return import(/* webpackChunkName: "exceljs" */ "./workbookIo").catch((error: unknown) => {
    console.error(error);
    throw new HostError(
      "Tertial kunde inte ladda delen som läser och skriver Excel-filer. " +
        "Kontrollera nätverket och ladda om sidan (F5)."
    );
  });
}

/**
 * The file's bytes, refused unread past the reader's limit; Validera, Ny period and Sammanställ
 * read this way. `gone` words the failure when the browser can no longer read the picked file.
 */
export async function readBytes(
  workbook: OpenedWorkbook,
  gone: (name: string) => Error = openAgain
): Promise<ArrayBuffer> {
  // A tab holds the whole file in memory: a multi-gigabyte drop must not be read to be refused.
  if (workbook.size > MAX_WORKBOOK_FILE_BYTES) {
    throw new WorkbookTooLargeError(workbook.name, {
      kind: "file",
      bytes: workbook.size,
      limitBytes: MAX_WORKBOOK_FILE_BYTES,
    });
  }
  try {
    return await workbook.arrayBuffer();
  } catch (error) {
    // Chromium refuses to read a picked file that was changed, moved or deleted since.
    console.error(error);
    throw gone(workbook.name);
  }
}

const openAgain = (name: string) =>
  new HostError(
    `${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du ` +
      `öppnade den? Välj Öppna arbetsbok och öppna den igen.`
  );

/** Ladda ner tom mall: the built template, downloaded from beside the page (no exceljs needed). */
const DOWNLOAD_TEMPLATE: NewWorkbookOffer = {
  label: "Ladda ner tom mall",
  explanation:
    "Ladda ner tom mall hämtar Tertials tomma mall. Öppna den i Excel, för över uppgifterna, " +
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
  workbook: OpenedWorkbook,
  onReport: (report: ReportFile) => void
): AppHost {
  return {
    reportInWorkbook: false,
    newWorkbook: DOWNLOAD_TEMPLATE,
    wordDocument: () => ({ kind: "download" }),
    async readSnapshot(): Promise<Snapshot> {
      const [io, bytes] = await Promise.all([loadWorkbookIo(), readBytes(workbook)]);
      return io.readSnapshotFromBuffer(bytes, workbook.name);
    },
    async writeReport(doc: ReportDoc): Promise<void> {
      const io = await loadWorkbookIo();
      onReport({
        fileName: reportFileName(workbook.name),
        bytes: await io.reportWorkbookBytes(doc),
      });
    },
  };
}
