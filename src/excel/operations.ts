/**
 * The workbook operations inside Excel: the open workbook's bytes (getFileAsync), and a `deliver`
 * that opens a made workbook with Excel.createWorkbook beside the open one, which is never
 * changed. A Word document is downloaded where the page can (Excel on the web). Each failure is
 * said in the operation's own Swedish words (src/app), with Tertial's page as the way forward.
 */
import { HostError } from "../app/appHost";
import type { Delivery, Operations, WorkbookEngine, WordDocumentOffer } from "../app/operation";
import { openAsNewWorkbook, requireCreateWorkbook, type OpenWorkbookDeps } from "./createWorkbook";
import { missingFileRequirement, readOpenWorkbook, type OfficeDocument } from "./workbookFile";

export interface ExcelOperationsDeps extends OpenWorkbookDeps {
  readonly engine: WorkbookEngine;
  /** The page's download, for the Word document. */
  readonly download: Delivery;
  readonly wordDocument: () => WordDocumentOffer;
  /** Office.context.document, asked only when the open workbook is read. */
  readonly document: () => OfficeDocument;
  /** The open workbook's name (workbook.name), for messages and the new file's name. */
  readonly workbookName: () => Promise<string>;
  /** The task pane's address, where browser mode runs what Excel cannot. */
  readonly pageUrl: string;
}

export function excelOperations(deps: ExcelOperationsDeps): Operations {
  const delivery: Delivery = {
    workbooks: "open",
    ready: (words) => requireCreateWorkbook(deps.isSetSupported, words.withoutExcel(deps.pageUrl)),
    deliver: async (file, words) => {
      if (file.type === "docx") return deps.download.deliver(file, words);
      await openAsNewWorkbook(deps, async () => file.bytes, {
        withoutApi: words.withoutExcel(deps.pageUrl),
        failed: words.openFailed,
      });
      return { how: "opened", fileName: file.fileName };
    },
    release: (delivered) => deps.download.release(delivered),
  };
  return {
    engine: deps.engine,
    delivery,
    wordDocument: deps.wordDocument,
    picksUnits: "pane",
    async readOpenWorkbook(words) {
      const missing = missingFileRequirement(deps.isSetSupported);
      if (missing !== null) {
        throw new HostError(
          "Den här versionen av Excel kan inte lämna ut arbetsbokens fil till Tertial (det " +
            `kräver API-uppsättningen ${missing}), så ${words.name} går inte här. ` +
            words.withoutExcel(deps.pageUrl)
        );
      }
      const fileName = await deps.workbookName();
      const readAgain = words.readAgain?.(deps.pageUrl) ?? words.withoutExcel(deps.pageUrl);
      return { fileName, bytes: await readOpenWorkbook(deps.document(), fileName, readAgain) };
    },
  };
}
