/**
 * Ny period in Excel: the open workbook's bytes (getFileAsync), the next period's workbook made
 * by the shared path (the exceljs chunk, loaded on the first run), opened with
 * Excel.createWorkbook. The open workbook is only read: no Excel batch writes to it.
 */
import { HostError } from "../app/appHost";
import type { NewPeriodHost, NextPeriodFile, WorkbookBytes } from "../app/newPeriod";
import { openAsNewWorkbook, requireCreateWorkbook, type OpenWorkbookDeps } from "./createWorkbook";
import { missingFileRequirement, readOpenWorkbook, type OfficeDocument } from "./workbookFile";

export interface ExcelNewPeriodDeps extends OpenWorkbookDeps {
  /** Office.context.document. */
  readonly document: OfficeDocument;
  /** The open workbook's name (workbook.name), for messages and the new file's name. */
  readonly workbookName: () => Promise<string>;
  /** The shared path: bytes → the next period's workbook. */
  readonly nextWorkbook: (workbook: WorkbookBytes) => Promise<NextPeriodFile>;
  /** The task pane's address, where browser mode runs Ny period on a saved file. */
  readonly pageUrl: string;
}

/** Where Excel cannot do it: the same in browser mode or on the command line, from the saved file. */
const fromSavedFile = (pageUrl: string) =>
  "gör nästa period från den sparade filen: i Tertial i webbläsaren " +
  `(${pageUrl}: öppna filen och välj Ny period) eller med kommandot ` +
  "npx tertial ny-period <fil.xlsx>.";

export const EXCEL_NEW_PERIOD_NOTE =
  "Ny period gör nästa periods arbetsbok av den här och öppnar den som en ny arbetsbok i Excel. " +
  "Tertial läser arbetsboken som Excel har den nu, också ändringar som inte är sparade, och " +
  "ändrar ingenting i den.";

export function excelNewPeriod(deps: ExcelNewPeriodDeps): NewPeriodHost {
  const elsewhere = fromSavedFile(deps.pageUrl);
  const withoutApi = `Spara arbetsboken och ${elsewhere}`;
  return {
    delivery: "open",
    note: EXCEL_NEW_PERIOD_NOTE,
    async readWorkbook() {
      // Both checks before any work: an old Excel hears it at once, not after the roll.
      const missing = missingFileRequirement(deps.isSetSupported);
      if (missing !== null) {
        throw new HostError(
          "Den här versionen av Excel kan inte lämna ut arbetsbokens fil till Tertial (det " +
            `kräver API-uppsättningen ${missing}), så Ny period går inte här. ${withoutApi}`
        );
      }
      requireCreateWorkbook(deps.isSetSupported, withoutApi);
      const fileName = await deps.workbookName();
      const bytes = await readOpenWorkbook(
        deps.document,
        fileName,
        `Spara arbetsboken och välj Ny period igen. Går det ändå inte, ${elsewhere}`
      );
      return { fileName, bytes };
    },
    nextWorkbook: deps.nextWorkbook,
    deliver: (file) =>
      openAsNewWorkbook(deps, async () => file.bytes, {
        withoutApi,
        failed:
          "Excel kunde inte öppna den nya arbetsboken. Välj Ny period igen om en stund; " +
          "den här arbetsboken är oförändrad.",
      }),
  };
}
