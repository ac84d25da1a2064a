/** What the pane shows after Generera rapport: the bottom line, the largest material deviations and the mål counts. */
import { formatAmountWithUnit } from "../core/format";
import type { Model } from "../core/model";
import { budgetComparison, materialDeviationsText } from "../core/report/economyText";
import { reportAmounts } from "../core/report/reportUnit";
import { countGoals, goalCountsText } from "../core/report/goalText";
import { yearEndName } from "../core/report/titles";
import type { Rollup } from "../core/rollup/rollup";

export interface SummaryDeviation {
  /** Post, Verksamhet or Investering. */
  readonly label: string;
  /** `−12,4 mnkr`. */
  readonly deviation: string;
  /** Where the deviation should be explained: its Kommentar cell. */
  readonly sheet: string;
  readonly cell: string;
}

export interface ReportSummary {
  /**
   * Summa totalt's year figure: Prognos helår, at Helår the outcome (the roll-up's `basis`);
   * null when the resultaträkning has none.
   */
  readonly totalForecast: string | null;
  /** What that figure is, as the pane labels it: "Summa totalt, prognos helår" / "…, utfall helår". */
  readonly totalLabel: string;
  /** Its avvikelse mot budget (the year's figure − Budget helår). */
  readonly totalDeviation: string | null;
  /** The three largest väsentliga avvikelser, largest first. */
  readonly largestDeviations: readonly SummaryDeviation[];
  readonly materialDeviationCount: number;
  /** The report's own sentence counting them per table (never the two ledger views added up). */
  readonly materialDeviationText: string;
  /**
   * Rapport Verksamhet's sentence counting the mål by bedömning; null for a workbook without mål.
   * Optional: an outcome the pane stored before mål existed has none.
   */
  readonly goalCountsText?: string | null;
}

/** In the report's unit (Rapportenhet, else Enhet; kr in mnkr), as the report itself says it. */
export function summariseReport(model: Model, entered: Rollup): ReportSummary {
  const { rollup, thresholds, unit } = reportAmounts(model.settings.values, entered);
  const amount = (value: number | null) =>
    value === null ? null : formatAmountWithUnit(value, unit);
  const total = rollup.incomeStatement.total;
  return {
    totalForecast: amount(total.yearEnd),
    totalLabel: `Summa totalt, ${yearEndName(rollup.basis)}`,
    totalDeviation: amount(total.deviation),
    largestDeviations: rollup.materialDeviations.slice(0, 3).map((d) => ({
      label: d.label,
      deviation: amount(d.deviation) ?? "",
      sheet: d.sheet,
      cell: d.commentCell,
    })),
    materialDeviationCount: rollup.materialDeviations.length,
    materialDeviationText: materialDeviationsText(
      rollup.materialDeviations,
      thresholds,
      unit,
      budgetComparison(rollup),
      rollup.basis
    ),
    goalCountsText:
      model.goals.length === 0
        ? null
        : goalCountsText(
            countGoals(model.goals.map((g) => g.cells.assessment.value)),
            model.settings.values.period
          ),
  };
}
