/**
 * Ny period in the page: the next period's workbook made by the shared path in the exceljs chunk.
 * Browser mode reads the opened file and downloads the result; the Excel pane borrows
 * `nextPeriodInPage` (the chunk loads on its first Ny period).
 */
import type { NewPeriodHost, NextPeriodFile, WorkbookBytes } from "../app/newPeriod";
import { loadWorkbookIo, readBytes, type OpenedWorkbook } from "./browserHost";
import { createDownload, revokeDownload, startDownload, type Download } from "./download";

export async function nextPeriodInPage(workbook: WorkbookBytes): Promise<NextPeriodFile> {
  const io = await loadWorkbookIo();
  return io.nextPeriodWorkbook(workbook.bytes, workbook.fileName);
}

/** Browser mode's Ny period on the opened file: it is read as saved, and never written. */
export function browserNewPeriod(workbook: OpenedWorkbook): NewPeriodHost {
  // The last download's URL stays valid until the next one, so a slow download is never cut off.
  let last: Download | null = null;
  return {
    delivery: "download",
    note:
      `Ny period gör nästa periods arbetsbok av ${workbook.name} och laddar ned den. Tertial ` +
      "läser filen som den är sparad (spara i Excel först) och ändrar ingenting i den.",
    readWorkbook: async () => ({
      fileName: workbook.name,
      bytes: new Uint8Array(await readBytes(workbook)),
    }),
    nextWorkbook: nextPeriodInPage,
    deliver: async (file) => {
      const download = createDownload({ fileName: file.fileName, bytes: file.bytes });
      startDownload(download);
      if (last) revokeDownload(last);
      last = download;
    },
  };
}
