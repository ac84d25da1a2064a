/**
 * The units amounts are entered in (Inställningar `Enhet`: kr, tkr, mnkr) and shown in (template
 * v3's `Rapportenhet`: mnkr or tkr). Amounts keep full precision in every unit; only what is shown
 * is rounded, to the decimals the unit is read with (`SHOWN_DECIMALS`).
 */
export type AmountUnit = "kr" | "tkr" | "mnkr";

const KRONOR_PER: Readonly<Record<AmountUnit, number>> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };

/**
 * How many decimals an amount is shown with: mnkr one (0,1 mnkr is 100 tkr, the grain reports
 * use), tkr and kr none (a tenth of a thousand kronor says nothing a nämnd reads).
 */
export const SHOWN_DECIMALS: Readonly<Record<AmountUnit, number>> = { mnkr: 1, tkr: 0, kr: 0 };

/** Decimals of an amount whose unit is unknown (Enhet not filled in): one, as in mnkr. */
const UNKNOWN_UNIT_DECIMALS = 1;

export function isAmountUnit(value: unknown): value is AmountUnit {
  return value === "kr" || value === "tkr" || value === "mnkr";
}

/** The decimals amounts in `unit` are shown with; one when the unit is unknown. */
export function shownDecimals(unit: string | null): number {
  return isAmountUnit(unit) ? SHOWN_DECIMALS[unit] : UNKNOWN_UNIT_DECIMALS;
}

/**
 * Below half a unit of the last shown decimal a figure prints as zero ("0,0", "0"): text calls
 * such a difference "i nivå med", never an underskott of nothing.
 */
export function shownAsZero(unit: string | null): number {
  return 0.5 * 10 ** -shownDecimals(unit);
}

/** The factor that turns an amount in `from` into `to`: 1 000 from mnkr to tkr. */
export function unitFactor(from: AmountUnit, to: AmountUnit): number {
  return KRONOR_PER[from] / KRONOR_PER[to];
}

/**
 * `value` in `to`. Not rounded: only the binary noise of the scaling is dropped (727,7 × 1 000
 * is 727 700.0000000001 in floating point), at Excel's own 15 significant digits.
 */
export function convertAmount(value: number, from: AmountUnit, to: AmountUnit): number {
  if (from === to) return value;
  return Number((value * unitFactor(from, to)).toPrecision(15));
}

/**
 * The unit the report shows: Rapportenhet when filled in, else Enhet, except kronor, which no
 * nämnd reads in a table: a kr workbook reports in mnkr.
 */
export function reportUnitOf(entry: AmountUnit, reportUnit: AmountUnit | null): AmountUnit {
  return reportUnit ?? (entry === "kr" ? "mnkr" : entry);
}
