/**
 * Skapa tertialarbetsbok: opens a new workbook in Excel from the built template, the way forward
 * when the pane is opened on a workbook that is not a Tertial workbook. Excel.createWorkbook takes
 * the file as base64 (ExcelApi 1.8); the bytes come from the page's own origin.
 */
import { HostError } from "../app/appHost";
import type { IsSetSupported } from "./requirements";

/** Excel.createWorkbook arrived in ExcelApi 1.8. */
export const CREATE_WORKBOOK_API = "1.8";

export interface CreateWorkbookDeps extends OpenWorkbookDeps {
  /** The template beside the page (templateFile.ts). */
  readonly templateUrl: string;
  /** Fetches the template's bytes; defaults to fetch(). */
  readonly fetchBytes?: (url: string) => Promise<ArrayBuffer>;
}

/** Bytes → base64, in slices: String.fromCharCode(...all) overflows the stack on a large file. */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = "";
  for (let at = 0; at < bytes.length; at += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  }
  return btoa(binary);
}

/** What opening a new workbook needs from Office.js. */
export interface OpenWorkbookDeps {
  readonly isSetSupported: IsSetSupported;
  /** Excel.createWorkbook: opens a new workbook from a base64 .xlsx. */
  readonly createWorkbook: (base64: string) => Promise<void>;
}

/** Each caller's words: what to do without ExcelApi 1.8, and when Excel refuses the file. */
export interface OpenWorkbookTexts {
  /** Follows "Den här versionen av Excel kan inte öppna en ny arbetsbok åt Tertial (…)." */
  readonly withoutApi: string;
  readonly failed: string;
}

/**
 * Throws the Swedish explanation where Excel cannot open a new workbook, for a caller that checks
 * before it does the work whose result it would open (Ny period).
 */
export function requireCreateWorkbook(isSetSupported: IsSetSupported, withoutApi: string): void {
  if (!isSetSupported("ExcelApi", CREATE_WORKBOOK_API)) {
    throw new HostError(
      "Den här versionen av Excel kan inte öppna en ny arbetsbok åt Tertial (det kräver Excel " +
        `JavaScript API ${CREATE_WORKBOOK_API}). ${withoutApi}`
    );
  }
}

/**
 * Opens an .xlsx as a new workbook beside the open one (Skapa tertialarbetsbok, Ny period,
 * Sammanställ): the open workbook is never changed. The requirement set is checked first, so an
 * old Excel gets a Swedish way forward instead of a failing call.
 */
export async function openAsNewWorkbook(
  deps: OpenWorkbookDeps,
  bytes: () => Promise<Uint8Array>,
  texts: OpenWorkbookTexts
): Promise<void> {
  requireCreateWorkbook(deps.isSetSupported, texts.withoutApi);
  const base64 = toBase64(await bytes());
  try {
    await deps.createWorkbook(base64);
  } catch (error) {
    console.error(error);
    throw new HostError(texts.failed);
  }
}

export async function createTertialWorkbook(deps: CreateWorkbookDeps): Promise<void> {
  await openAsNewWorkbook(
    deps,
    async () => {
      try {
        return new Uint8Array(await (deps.fetchBytes ?? fetchBytes)(deps.templateUrl));
      } catch (error) {
        console.error(error);
        throw new HostError(
          "Tertials mall kunde inte hämtas. Kontrollera nätverket och välj Skapa tertialarbetsbok igen."
        );
      }
    },
    {
      withoutApi: `Hämta mallen från ${deps.templateUrl}, öppna den i Excel och för över uppgifterna dit.`,
      failed:
        "Excel kunde inte öppna den nya arbetsboken. Välj Skapa tertialarbetsbok igen om en stund.",
    }
  );
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
