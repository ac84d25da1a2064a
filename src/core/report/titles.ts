/** Titles and period wording of the report. */
import type { SettingValues } from "../model";
import { previousTertial } from "../period";
import type { YearEndBasis } from "../rollup/yearEnd";
import type { Period } from "../template/lists";

const PERIOD_TITLES: Record<Period, string> = {
  T1: "Tertialrapport april",
  T2: "Delårsrapport augusti",
  Helår: "Verksamhetsberättelse",
};

/** As table headers write them: "Utfall jan–aug 2024". */
const PERIOD_MONTHS_SHORT: Record<Period, string> = {
  T1: "jan–apr",
  T2: "jan–aug",
  Helår: "jan–dec",
};

/** As prose writes them: "perioden januari–augusti". */
const PERIOD_MONTHS_LONG: Record<Period, string> = {
  T1: "januari–april",
  T2: "januari–augusti",
  Helår: "januari–december",
};

export function periodTitle(period: Period): string {
  return PERIOD_TITLES[period];
}

export function periodMonthsLong(period: Period | null): string | null {
  return period ? PERIOD_MONTHS_LONG[period] : null;
}

/**
 * "Vård- och omsorgsnämnden – Delårsrapport augusti 2024"; parts that are not filled in are left
 * out. A draft (the workbook has fel) says so first: "Utkast: Vård- och omsorgsnämnden – …".
 */
export function reportTitle(settings: SettingValues, draft = false): string {
  const report = reportName(settings);
  const title = settings.organisation ? `${settings.organisation} – ${report}` : report;
  return draft ? `Utkast: ${title}` : title;
}

/** The report without its organisation: "Delårsrapport augusti 2024", "Uppföljning" when empty. */
export function reportName(settings: SettingValues): string {
  return [settings.period ? periodTitle(settings.period) : "Uppföljning", settings.year]
    .filter((part) => part !== null)
    .join(" ");
}

/** The period as the workbook names it, "T2 2024"; null when neither Period nor År is filled in. */
export function periodName(settings: SettingValues): string | null {
  return [settings.period, settings.year].filter((part) => part !== null).join(" ") || null;
}

export interface LedgerLabels {
  readonly priorYear: string;
  readonly actualPriorYear: string;
  readonly actual: string;
  readonly periodBudget: string;
  readonly budget: string;
  readonly forecast: string;
  /** The year's figure (rollup/yearEnd.ts): "Prognos helår 2024", at Helår "Utfall helår 2024". */
  readonly yearEnd: string;
  readonly deviation: string;
  /** "Prognos T1 2024": the forecast Prognos föregående tertial holds, named by its period. */
  readonly previousForecast: string;
  readonly forecastChange: string;
}

/** The words that differ when the year's figure is the outcome: a verksamhetsberättelse has no forecast. */
const YEAR_END_HEADERS: Record<
  YearEndBasis,
  { figure: string; deviation: string; change: (before: string) => string }
> = {
  forecast: {
    figure: "Prognos helår",
    deviation: "Avvikelse prognos helår mot budget",
    // "Prognosförändring" is one word too long for a figure column: it would break mid-word.
    change: (before) => `Förändring sedan ${before}`,
  },
  outcome: {
    figure: "Utfall helår",
    deviation: "Avvikelse utfall mot budget",
    change: (before) => `Utfall mot prognos ${before}`,
  },
};

/** The year's figure and its deviation as column headers: "Prognos helår", at Helår "Utfall helår". */
export function yearEndHeaders(basis: YearEndBasis): {
  readonly figure: string;
  readonly deviation: string;
} {
  return YEAR_END_HEADERS[basis];
}

/** The year's figure in lower case, as a label continues with it: "prognos helår", "utfall helår". */
export function yearEndName(basis: YearEndBasis): string {
  return YEAR_END_HEADERS[basis].figure.toLocaleLowerCase("sv-SE");
}

/** "T1 2024": the tertial whose forecast Prognos föregående tertial holds; null when unknown. */
export function previousForecastName(year: number | null, period: Period | null): string | null {
  const before = period ? previousTertial(period) : null;
  return before ? [before, year].filter((part) => part !== null).join(" ") : null;
}

/**
 * Column headers as document 004 prints them ("Utfall jan–aug 2024", "Budget 2024"); without År
 * or Period, the template's own wording ("Utfall period fg år", "Budget helår"). `basis` is the
 * roll-up's: at Helår the year's figure is the outcome, and no header speaks of a forecast but
 * the earlier tertial's.
 */
export function ledgerLabels(
  year: number | null,
  period: Period | null,
  basis: YearEndBasis
): LedgerLabels {
  const months = period ? PERIOD_MONTHS_SHORT[period] : "period";
  const yearEnd = YEAR_END_HEADERS[basis];
  const before = previousForecastName(year, period);
  const comparisons = {
    deviation: yearEnd.deviation,
    previousForecast: before ? `Prognos ${before}` : "Prognos föregående tertial",
    forecastChange: yearEnd.change(before ?? "föregående tertial"),
  };
  if (year === null) {
    return {
      priorYear: "Bokslut fg år",
      actualPriorYear: `Utfall ${months} fg år`,
      actual: `Utfall ${months}`,
      periodBudget: `Periodbudget ${months}`,
      budget: "Budget helår",
      forecast: "Prognos helår",
      yearEnd: yearEnd.figure,
      ...comparisons,
    };
  }
  return {
    priorYear: `Bokslut ${year - 1}`,
    actualPriorYear: `Utfall ${months} ${year - 1}`,
    actual: `Utfall ${months} ${year}`,
    periodBudget: `Periodbudget ${months} ${year}`,
    budget: `Budget ${year}`,
    forecast: `Prognos helår ${year}`,
    yearEnd: `${yearEnd.figure} ${year}`,
    ...comparisons,
  };
}
