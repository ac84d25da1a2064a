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

export function periodMonths(period: Period | null): string {
  return period ? PERIOD_MONTHS_SHORT[period] : "perioden";
}

export function periodMonthsLong(period: Period | null): string | null {
  return period ? PERIOD_MONTHS_LONG[period] : null;
}

/** "Vård- och omsorgsnämnden – Delårsrapport augusti 2024"; parts that are not filled in are left out. */
export function reportTitle(settings: SettingValues): string {
  const report = [settings.period ? periodTitle(settings.period) : "Uppföljning", settings.year]
    .filter((part) => part !== null)
    .join(" ");
  return settings.organisation ? `${settings.organisation} – ${report}` : report;
}

/** "Budget 2024", or just "Budget" when År is missing. */
export function withYear(label: string, year: number | null): string {
  return year === null ? label : `${label} ${year}`;
}
