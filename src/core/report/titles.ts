/** Titles and period wording of the report. */
import type { SettingValues } from "../model";
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
}

/**
 * Column headers as document 004 prints them ("Utfall jan–aug 2024", "Budget 2024"); without År
 * or Period, the template's own wording ("Utfall period fg år", "Budget helår").
 */
export function ledgerLabels(year: number | null, period: Period | null): LedgerLabels {
  const months = period ? PERIOD_MONTHS_SHORT[period] : "period";
  if (year === null) {
    return {
      priorYear: "Bokslut fg år",
      actualPriorYear: `Utfall ${months} fg år`,
      actual: `Utfall ${months}`,
      periodBudget: `Periodbudget ${months}`,
      budget: "Budget helår",
      forecast: "Prognos helår",
    };
  }
  return {
    priorYear: `Bokslut ${year - 1}`,
    actualPriorYear: `Utfall ${months} ${year - 1}`,
    actual: `Utfall ${months} ${year}`,
    periodBudget: `Periodbudget ${months} ${year}`,
    budget: `Budget ${year}`,
    forecast: `Prognos helår ${year}`,
  };
}
