/**
 * Skapa tertialarbetsbok: opens a new workbook in Excel from the built template, the way forward
 * when the pane is opened on a workbook that is not a Tertial workbook. Excel.createWorkbook takes
 * the file as base64 (ExcelApi 1.8); the bytes come from the page's own origin.
 */
import { HostError } from "../app/appHost";
import type { IsSetSupported } from "./requirements";

/** Excel.createWorkbook arrived in ExcelApi 1.8. */
export const CREATE_WORKBOOK_API = "1.8";

export interface CreateWorkbookDeps {
  readonly isSetSupported: IsSetSupported;
  /** The template beside the page (templateFile.ts). */
  readonly templateUrl: string;
  /** Fetches the template's bytes; defaults to fetch(). */
  readonly fetchBytes?: (url: string) => Promise<ArrayBuffer>;
  /** Excel.createWorkbook: opens a new workbook from a base64 .xlsx. */
  readonly createWorkbook: (base64: string) => Promise<void>;
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

export async function createTertialWorkbook(deps: CreateWorkbookDeps): Promise<void> {
  if (!deps.isSetSupported("ExcelApi", CREATE_WORKBOOK_API)) {
    throw new HostError(
      "Den här versionen av Excel kan inte öppna en ny arbetsbok åt Tertial (det kräver Excel " +
        `JavaScript API ${CREATE_WORKBOOK_API}). Hämta mallen från ${deps.templateUrl}, ` +
        "öppna den i Excel och för över uppgifterna dit."
    );
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await (deps.fetchBytes ?? fetchBytes)(deps.templateUrl);
  } catch (error) {
    console.error(error);
    throw new HostError(
      "Tertials mall kunde inte hämtas. Kontrollera nätverket och välj Skapa tertialarbetsbok igen."
    );
  }
  try {
    await deps.createWorkbook(toBase64(new Uint8Array(bytes)));
  } catch (error) {
    console.error(error);
    throw new HostError(
      "Excel kunde inte öppna den nya arbetsboken. Välj Skapa tertialarbetsbok igen om en stund."
    );
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
