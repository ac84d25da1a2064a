/**
 * The sheets Tertial writes, by exact name: the only sheets a host may delete or replace in a
 * user's workbook. A name merely starting with "Rapport" (a user's "Rapportering") is the user's.
 */
import { CONTROL_SHEET } from "./controlSheet";
import { ECONOMY_SHEET } from "./economySheet";
import { FINDINGS_SHEET } from "./findingsSheet";
import { RISK_SHEET } from "./riskSheet";

/** In the order a report run writes them. */
export const PRODUCT_SHEETS: readonly string[] = [
  ECONOMY_SHEET,
  RISK_SHEET,
  CONTROL_SHEET,
  FINDINGS_SHEET,
];

export function isProductSheet(name: string): boolean {
  return PRODUCT_SHEETS.includes(name);
}
