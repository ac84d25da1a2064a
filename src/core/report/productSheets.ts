/**
 * The sheets Tertial writes, by exact name: the only sheets a host may delete or replace in a
 * user's workbook. A name merely starting with "Rapport" (a user's "Rapportering") is the user's.
 * The names live here, apart from the builders, so that what only needs a name (the template's
 * Instruktioner, a host deciding what it may replace) does not pull in how a sheet is built.
 */

export const ECONOMY_SHEET = "Rapport Ekonomi";
/** Template v3's text chapters, mål and indikatorer (issue 21); reserved before it is written. */
export const ACTIVITY_SHEET = "Rapport Verksamhet";
export const RISK_SHEET = "Rapport Riskbild";
export const CONTROL_SHEET = "Rapport Internkontroll";
export const FINDINGS_SHEET = "Kontrollresultat";

/** In the order a report run writes them. */
export const PRODUCT_SHEETS: readonly string[] = [
  ECONOMY_SHEET,
  RISK_SHEET,
  CONTROL_SHEET,
  FINDINGS_SHEET,
];

/** Every name Tertial writes or will write: a user's sheet by one of them is Tertial's to replace. */
const RESERVED_SHEETS: readonly string[] = [...PRODUCT_SHEETS, ACTIVITY_SHEET];

export function isProductSheet(name: string): boolean {
  return RESERVED_SHEETS.includes(name);
}
