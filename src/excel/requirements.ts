/**
 * The Excel JavaScript API version Tertial needs, checked at runtime so that an old Excel gets a
 * Swedish explanation instead of a failing call. manifest.xml declares the same version.
 */
import { HostError } from "../app/appHost";

/** Page layout (print setup) and suspendScreenUpdatingUntilNextSync arrived in ExcelApi 1.9. */
export const REQUIRED_EXCEL_API = "1.9";

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export function checkRequirements(isSetSupported: IsSetSupported): void {
  if (!isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new HostError(
      `Den här versionen av Excel är för gammal för Tertial: den saknar Excel JavaScript API ${REQUIRED_EXCEL_API} ` +
        "(som behövs för rapportbladens utskriftsinställningar). Uppdatera Excel till Microsoft 365 " +
        "(Windows eller Mac) eller öppna arbetsboken i Excel på webben."
    );
  }
}
