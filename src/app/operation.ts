/**
 * A workbook operation: read the open workbook (or files the user picked), make a new file, hand
 * it to the user. Ny period, Sammanställ and Ladda ned som Word are each defined once in this
 * folder (steps, progress, summary, Swedish words) over `Operations`, which each host supplies:
 * an engine that makes the files and one `deliver` (Excel opens a workbook beside the open one,
 * a page downloads it). The recipe for a new operation is in CONTEXT.md.
 */
import type { Consolidation, UnusableFile } from "../core/consolidate/consolidate";
import type { NewPeriodSummary } from "../core/cycle/plan";
import type { UnusableWorkbookError } from "../core/errors";
import type { KoladaFill } from "../core/kolada/koladaFill";
import type { CellChange, ImportPlan } from "../core/importing/importPlan";
import type { ReportDoc } from "../core/report/reportDoc";
import type { ReadyMarkCell, ReadyMarkValues } from "../core/seal/readyMark";

/** The open workbook, as bytes. */
export interface WorkbookBytes {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** A file an operation made, for the host to deliver. */
export interface MadeFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly type: "xlsx" | "docx";
}

/** Where the file went: opened in Excel, or downloaded from a `blob:` URL the pane may offer again. */
export type Delivered =
  | { readonly how: "opened"; readonly fileName: string }
  | { readonly how: "downloaded"; readonly fileName: string; readonly url: string };

/** An operation's own words for what only a host can say (Excel cannot open or read a workbook). */
export interface OperationWords {
  /** The button, in messages: `… så Ny period går inte här.` */
  readonly name: string;
  /** The way forward where Excel cannot open a new workbook; `pageUrl` is Tertial's page. */
  withoutExcel(pageUrl: string): string;
  /** Excel refused to open the new workbook. */
  readonly openFailed: string;
  /** Excel failed to hand out the open workbook (operations that read it). */
  readAgain?(pageUrl: string): string;
}

/**
 * The words of an operation on the open workbook that can also be run on the saved file:
 * `doIt` what to do with it ("gör nästa period från"), `command` the CLI line that does it.
 */
export function savedFileWords(
  name: string,
  doIt: string,
  command: string,
  openFailed: string
): OperationWords {
  const fromSavedFile = (pageUrl: string) =>
    `${doIt} den sparade filen: i Tertial i webbläsaren (${pageUrl}: öppna filen och välj ` +
    `${name}) eller med kommandot ${command}.`;
  return {
    name,
    withoutExcel: (pageUrl) => `Spara arbetsboken och ${fromSavedFile(pageUrl)}`,
    readAgain: (pageUrl) =>
      `Spara arbetsboken och välj ${name} igen. Går det ändå inte, ${fromSavedFile(pageUrl)}`,
    openFailed,
  };
}

/** The one way a host hands a made file to the user. */
export interface Delivery {
  /** What happens to a workbook: Excel opens it, a page downloads it. */
  readonly workbooks: "open" | "download";
  /** Throws the host's Swedish way forward where it cannot deliver; called before any work. */
  ready(words: OperationWords): void;
  deliver(file: MadeFile, words: OperationWords): Promise<Delivered>;
  /** Frees what a delivery holds (a download's URL) once the pane no longer offers it. */
  release(delivered: Delivered): void;
}

/** A file the user picked or dropped: its name, and its bytes read only when needed. */
export interface PickedFile {
  readonly name: string;
  /** Bytes, known before reading: a file past the reader's limit is refused unread. */
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The bytes in chunks (a browser File): a ledger export of hundreds of MB is never held whole. */
  stream?(): ReadableStream<Uint8Array>;
}

/** The next period's workbook as the shared path returns it (src/xlsx/cycle/). */
export interface NextPeriodFile extends NewPeriodSummary {
  readonly bytes: Uint8Array;
}

export interface ConsolidateInput {
  readonly units: readonly PickedFile[];
  readonly today: Date;
  /** The nämnd's name for Inställningar; else the first unit's Organisation. */
  readonly organisation?: string;
  /** A workbook whose Inställningar give the thresholds and other settings; else the first unit's. */
  readonly settings?: PickedFile;
  /** Called as each file's turn comes. */
  readonly onFile?: (index: number, name: string) => void;
}

/** The consolidated workbook with its per-unit result, or why it could not be made. */
export type Consolidated =
  | { readonly consolidation: Consolidation; readonly bytes: Uint8Array }
  | { readonly refused: UnusableWorkbookError; readonly unusable: readonly UnusableFile[] };

/** Klarmarkera's copy as the shared path returns it (src/xlsx/seal/), or why it was refused. */
export type MarkedCopy =
  | {
      readonly kind: "marked";
      readonly bytes: Uint8Array;
      readonly values: ReadyMarkValues;
      readonly varningar: number;
    }
  | { readonly kind: "refused"; readonly message: string; readonly fel: number };
/** The workbook with Kolada's values (src/xlsx/kolada/); `bytes` null when no cell was filled. */
export interface KoladaFile {
  readonly fill: KoladaFill;
  readonly bytes: Uint8Array | null;
}

/** What makes the files (exceljs and docx, loaded when first needed): the same code in every host. */
export interface WorkbookEngine {
  nextPeriod(workbook: WorkbookBytes): Promise<NextPeriodFile>;
  /** Klarmarkera where the workbook is a file (browser mode): its marked copy. */
  markReady(workbook: WorkbookBytes, by: string, today: Date): Promise<MarkedCopy>;
  consolidate(input: ConsolidateInput): Promise<Consolidated>;
  /** The report as a Word document; with `template`, in the kommun's Word template (src/docx/wordTemplate.ts). */
  wordDocument(doc: ReportDoc, template?: PickedFile): Promise<Uint8Array>;
  /** The open workbook with the values of saved Kolada responses (`pages`) filled in. */
  kolada(workbook: WorkbookBytes, pages: readonly PickedFile[]): Promise<KoladaFile>;
  /** Importera utfall: the workbook's imported copy and its plan (src/xlsx/cycle/importedWorkbook.ts). */
  importActuals(workbook: WorkbookBytes, ledger: PickedFile): Promise<ImportedActuals>;
}

/** The imported copy of a workbook, with what changed in it. */
export interface ImportedActuals {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly plan: ImportPlan;
}

/**
 * Where the pane can save a file (a plain browser, Excel on the web) it downloads the Word
 * document; where it cannot (Excel on Windows and Mac: their add-in window has no downloads), it
 * says where to get it instead and may open Tertial in the user's web browser.
 */
export type WordDocumentOffer =
  | { readonly kind: "download" }
  | {
      readonly kind: "elsewhere";
      /** Why there is no download here, and what to do instead. */
      readonly explanation: string;
      /** Opens Tertial's page in the web browser, where available. */
      readonly openBrowser?: { readonly label: string; open(): void };
    };

/** What a host offers the pane's workbook operations. */
export interface Operations {
  readonly engine: WorkbookEngine;
  readonly delivery: Delivery;
  /**
   * How the Word document is offered; asked after Generera rapport, not when the host is made
   * (Office's platform facts are read only when needed).
   */
  wordDocument(): WordDocumentOffer;
  /** Excel: Sammanställ has its own file picker in the pane; a page takes files picked or dropped on it. */
  readonly picksUnits: "pane" | "page";
  /**
   * The open workbook's bytes, checked first that the host can read them; absent where no
   * workbook is open (browser mode before a file is opened).
   */
  readOpenWorkbook?(words: OperationWords): Promise<WorkbookBytes>;
  /** The opened file's name where the host reads the file as saved (browser mode), not Excel's live workbook. */
  readonly savedFile?: string;
  /**
   * Klarmarkera in the open workbook (Excel): writes the four ready-mark cells and nothing else.
   * Absent where the workbook is a file: Klarmarkera then delivers a marked copy.
   */
  writeReadyMark?(cells: readonly ReadyMarkCell[], values: ReadyMarkValues): Promise<void>;
  /**
   * Importera utfall into the open workbook (Excel): the confirmed cells in one batch, refused
   * when the workbook changed since the preview. Absent where the workbook is a file: the import
   * then delivers the imported copy.
   */
  writeImportedCells?(changes: readonly CellChange[]): Promise<void>;
}
