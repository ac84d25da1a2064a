/**
 * The task pane's AppHost inside Excel: reads the template's tables, writes the report sheets and
 * navigates to cells through Office.js. Every call checks the API version first and turns Excel's
 * failures into Swedish messages.
 */
import { reportSheets } from "../core/layout/layout";
import type { ReportDoc } from "../core/report/reportDoc";
import type { SheetGrid } from "../core/layout/sheetGrid";
import { HostError, type AppHost } from "../app/appHost";
import { templateUrl } from "../app/templateFile";
import { createTertialWorkbook, type CreateWorkbookDeps } from "./createWorkbook";
import { excelOperations, type ExcelOperationsDeps } from "./operations";
import type { OfficeDocument } from "./workbookFile";
import type { ExcelRunner, XlContext } from "./excelApi";
import { toUserError } from "./officeErrors";
import { readSnapshot } from "./readSnapshot";
import { writeReadyMarkCells } from "./readyMarkCells";
import { writeImportedCells } from "./writeImportedCells";
import { writeReport } from "./report/writeReport";
import { checkRequirements, type IsSetSupported } from "./requirements";
import { runInExcel } from "./runInExcel";

export interface OfficeHostOptions {
  /** Defaults to Excel.run (waiting out cell-edit mode); tests pass a fake. */
  readonly run?: ExcelRunner;
  /** Defaults to Office.context.requirements.isSetSupported. */
  readonly isSetSupported?: IsSetSupported;
  /** Skapa tertialarbetsbok: defaults to Excel.createWorkbook with the template beside the page. */
  readonly createWorkbook?: Partial<Omit<CreateWorkbookDeps, "isSetSupported">>;
  /**
   * The workbook operations in the pane (Ny period, Sammanställ, Ladda ned som Word): the page's
   * engine, its download and the Word offer; the ribbon command offers none.
   */
  readonly operations?: Pick<ExcelOperationsDeps, "engine" | "download" | "wordDocument"> & {
    /** Defaults to Office.context.document. */
    readonly document?: OfficeDocument;
    /** Defaults to taskpane.html beside the page. */
    readonly pageUrl?: string;
  };
}

export interface OfficeHost extends AppHost {
  /** Writes laid-out report sheets: what `writeReport(doc)` does after the layout. */
  writeSheets(sheets: readonly SheetGrid[]): Promise<void>;
}

export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const run = options.run ?? runInExcel;
  const { operations } = options;
  const isSetSupported: IsSetSupported =
    options.isSetSupported ??
    ((name, version) => Office.context.requirements.isSetSupported(name, version));

  async function guarded<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    checkRequirements(isSetSupported);
    try {
      return await run(batch);
    } catch (error) {
      throw toUserError(error);
    }
  }

  // The sheets seen by the last read, which Generera rapport makes right before writing: the
  // write then needs no round trip of its own to list them. Used once, so a later write lists.
  let sheetsAtLastRead: readonly string[] | undefined;

  function writeSheets(sheets: readonly SheetGrid[]): Promise<void> {
    const knownSheets = sheetsAtLastRead;
    sheetsAtLastRead = undefined;
    return guarded((context) => writeReport(context, sheets, knownSheets));
  }

  return {
    reportInWorkbook: true,
    readSnapshot: async () => {
      sheetsAtLastRead = undefined;
      const snapshot = await guarded(readSnapshot);
      sheetsAtLastRead = snapshot.sheetNames;
      return snapshot;
    },
    writeReport: (doc: ReportDoc) => writeSheets(reportSheets(doc)),
    writeSheets,
    selectCell: (sheet, cell) => guarded((context) => selectCell(context, sheet, cell)),
    showSheet: (name) => guarded((context) => selectCell(context, name, "A1")),
    ...(operations
      ? {
          operations: {
            ...excelOperations({
              ...operations,
              isSetSupported,
              createWorkbook: (base64) =>
                (options.createWorkbook?.createWorkbook ?? Excel.createWorkbook)(base64),
              document: () => operations.document ?? Office.context.document,
              pageUrl: operations.pageUrl ?? new URL("taskpane.html", document.baseURI).href,
              workbookName: () => guarded(workbookName),
            }),
            // Klarmarkera writes into the open workbook: its four cells, through Office.js.
            writeReadyMark: (cells, values) =>
              guarded((context) => writeReadyMarkCells(context, cells, values)),
            // Importera utfall writes into the open workbook too, only after the user confirmed.
            writeImportedCells: (changes) => writeImportedCells(guarded, changes),
          },
        }
      : {}),
    newWorkbook: {
      label: "Skapa tertialarbetsbok",
      explanation:
        "Skapa tertialarbetsbok öppnar en ny arbetsbok från Tertials mall. För över uppgifterna " +
        "dit och öppna Tertial i den nya arbetsboken.",
      done: "En ny arbetsbok från Tertials mall är öppnad i Excel.",
      create: () =>
        createTertialWorkbook({
          isSetSupported,
          templateUrl: options.createWorkbook?.templateUrl ?? templateUrl(document.baseURI),
          fetchBytes: options.createWorkbook?.fetchBytes,
          createWorkbook: options.createWorkbook?.createWorkbook ?? Excel.createWorkbook,
        }),
    },
  };
}

/** One round trip: a sheet that is gone fails the batch (ItemNotFound) before anything changes. */
async function selectCell(context: XlContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ItemNotFound") throw error;
    throw new HostError(
      `Bladet "${sheetName}" finns inte längre i arbetsboken. Kör Validera igen för att uppdatera listan.`
    );
  }
}

async function workbookName(context: XlContext): Promise<string> {
  context.workbook.load("name");
  await context.sync();
  return context.workbook.name;
}
