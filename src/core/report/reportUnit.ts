/**
 * The report's figures in the report's unit (amountUnit.ts): Rapportenhet, else Enhet, kr shown
 * in mnkr. The roll-up and the materiality amount are scaled at full precision; every table and
 * sentence of Rapport Ekonomi, and every host's summary of it, reads them from here.
 */
import { isAmountUnit, reportUnitOf, shownDecimals, type AmountUnit } from "../amountUnit";
import type { SettingValues } from "../model";
import { rollupInUnit, thresholdsInUnit } from "../rollup/inUnit";
import { thresholdsOf, type MaterialityThresholds } from "../rollup/materiality";
import type { Rollup } from "../rollup/rollup";
import type { ValueFormat } from "./reportDoc";

export interface ReportAmounts {
  /** The roll-up with its amounts in `unit`. */
  readonly rollup: Rollup;
  /** Väsentlig avvikelse belopp in `unit` (it is entered in Enhet). */
  readonly thresholds: MaterialityThresholds;
  /** The unit the report shows; null while Enhet is not filled in (a fel): amounts as entered. */
  readonly unit: AmountUnit | null;
  /** The cell format of an amount in `unit`: one decimal in mnkr, whole tkr and kr. */
  readonly format: ValueFormat;
}

export function reportAmounts(settings: SettingValues, rollup: Rollup): ReportAmounts {
  const entry = settings.unit;
  const thresholds = thresholdsOf(settings);
  if (!isAmountUnit(entry)) return { rollup, thresholds, unit: null, format: "amount" };
  const unit = reportUnitOf(entry, settings.reportUnit);
  return {
    rollup: rollupInUnit(rollup, entry, unit),
    thresholds: thresholdsInUnit(thresholds, entry, unit),
    unit,
    format: shownDecimals(unit) === 0 ? "wholeAmount" : "amount",
  };
}
