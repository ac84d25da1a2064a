/**
 * Prognossäkerhet (Helår): how far the year's outcome landed from the forecasts made in T1 and
 * T2. The forecasts come from Historik (Kolumn Prognos helår, Period T1/T2 of the same År), where
 * Ny period left them; T2's falls back on the row's Prognos föregående tertial, which at Helår is
 * that same forecast (a workbook filled by another tool may have it without Historik). A row
 * with no recorded forecast has none: blank, never 0.
 */
import { historyLookup, readHistory } from "../history/history";
import type { Model } from "../model";
import { readNumber } from "../parse/values";
import type { DataTableKey } from "../template/definition";
import type { DeviationSource } from "./materiality";
import { difference, sumPresent } from "./sum";

export const FORECAST_PERIODS = ["T1", "T2"] as const;
export type ForecastPeriod = (typeof FORECAST_PERIODS)[number];

export interface ForecastMiss {
  /** Prognos helår as it stood when the period closed; null when none was recorded. */
  readonly forecast: number | null;
  /** Outcome − forecast: negative, the year ended worse than forecast (the sign of Avvikelse). */
  readonly miss: number | null;
  /** The miss as a fraction of |forecast|; null without a miss or with a forecast of 0. */
  readonly share: number | null;
}

export interface AccuracyFigures {
  readonly outcome: number | null;
  readonly periods: Readonly<Record<ForecastPeriod, ForecastMiss>>;
}

export interface AccuracyLine {
  readonly label: string;
  readonly figures: AccuracyFigures;
}

export interface AccuracySection {
  readonly source: DeviationSource;
  readonly lines: readonly AccuracyLine[];
  /** Summa totalt / Totalt over the rows with an outcome (see `totalOf`). */
  readonly total: AccuracyFigures;
}

export interface LargestMiss {
  readonly source: DeviationSource;
  readonly label: string;
  readonly period: ForecastPeriod;
  readonly miss: number;
  readonly share: number | null;
}

export interface ForecastAccuracy {
  readonly year: number;
  readonly sections: readonly AccuracySection[];
  /** Whether any row has a forecast of T1 or T2 to compare with. */
  readonly anyForecast: boolean;
  /** The row (not a sum) whose outcome landed farthest from one of its forecasts; null when none did. */
  readonly largest: LargestMiss | null;
}

/** What the table needs of a rolled row: its key, its outcome and its Prognos föregående tertial. */
export interface AccuracyInput {
  readonly label: string | null;
  readonly outcome: number | null;
  readonly previousForecast: number | null;
}

const SOURCES: readonly (DeviationSource & DataTableKey)[] = [
  "incomeStatement",
  "operatingStatement",
  "investments",
];

function figuresOf(
  outcome: number | null,
  forecasts: Readonly<Record<ForecastPeriod, number | null>>
): AccuracyFigures {
  const missOf = (forecast: number | null): ForecastMiss => {
    const miss = difference(outcome, forecast);
    return {
      forecast,
      miss,
      share:
        miss === null || forecast === null || forecast === 0 ? null : miss / Math.abs(forecast),
    };
  };
  return { outcome, periods: { T1: missOf(forecasts.T1), T2: missOf(forecasts.T2) } };
}

/**
 * The sum over the rows with an outcome. A period's forecast is summed only when each of them
 * has one: a sum missing a row's forecast would show a miss that is that row's whole outcome.
 */
function totalOf(lines: readonly AccuracyLine[]): AccuracyFigures {
  const counted = lines.filter((l) => l.figures.outcome !== null);
  const forecastSum = (period: ForecastPeriod) =>
    counted.length > 0 && counted.every((l) => l.figures.periods[period].forecast !== null)
      ? sumPresent(counted.map((l) => l.figures.periods[period].forecast))
      : null;
  return figuresOf(sumPresent(counted.map((l) => l.figures.outcome)), {
    T1: forecastSum("T1"),
    T2: forecastSum("T2"),
  });
}

function largestMiss(sections: readonly AccuracySection[]): LargestMiss | null {
  let largest: LargestMiss | null = null;
  for (const { source, lines } of sections) {
    for (const { label, figures } of lines) {
      for (const period of FORECAST_PERIODS) {
        const { miss, share } = figures.periods[period];
        if (
          miss !== null &&
          miss !== 0 &&
          (largest === null || Math.abs(miss) > Math.abs(largest.miss))
        )
          largest = { source, label, period, miss, share };
      }
    }
  }
  return largest;
}

export function forecastAccuracy(
  model: Model,
  year: number,
  rows: Readonly<Record<DeviationSource, readonly AccuracyInput[]>>
): ForecastAccuracy {
  const history = historyLookup(readHistory(model));
  const sections = SOURCES.map((source): AccuracySection => {
    const def = model.tables[source].def;
    const forecastHeader = def.columns.find((c) => c.key === "forecast")?.header ?? "";
    const recorded = (label: string | null, period: ForecastPeriod) => {
      if (label === null) return null;
      const value = history.at(year, period, def.name, label, forecastHeader);
      return value === undefined ? null : readNumber(value);
    };
    const lines = rows[source].map(({ label, outcome, previousForecast }) => ({
      label: label ?? "",
      figures: figuresOf(outcome, {
        T1: recorded(label, "T1"),
        T2: recorded(label, "T2") ?? previousForecast,
      }),
    }));
    return { source, lines, total: totalOf(lines) };
  });
  return {
    year,
    sections,
    anyForecast: sections.some((s) =>
      s.lines.some((l) => FORECAST_PERIODS.some((p) => l.figures.periods[p].forecast !== null))
    ),
    largest: largestMiss(sections),
  };
}
