/**
 * What `tertial ny-period` does with every column when a period closes: the carry rules as data,
 * one entry per table, so the rules, the code and the table in CONTEXT.md say the same. A column
 * without a rule is kept as it is.
 */
import type { DataTableKey } from "../template/definition";

/**
 * keep: stays as it is · clear: emptied, its old value into Historik · derived: emptied, its old
 * value into Historik unless Historik holds it already (`recordedAs`: Prognos föregående tertial)
 * · from: takes another column's value of the closing period (Prognos helår → Prognos föregående
 * tertial, Utfall period → Bokslut fg år), the old value into Historik (unless `recordedAs`) ·
 * lastYear: Historik's Utfall period of the same period a year earlier, else empty (the old
 * value into Historik, unless `recordedAs`) · ifReported: kept for a kontroll reported for a
 * period (Tidpunkt T1, T2 or Helår), cleared into Historik for a Löpande one.
 */
export type CarryRule =
  "keep" | "clear" | "derived" | "lastYear" | "ifReported" | { readonly from: string };

export interface TableCarry {
  readonly table: Exclude<DataTableKey, "history">;
  /** The column whose value names a row in Historik (Nyckel). */
  readonly key: string;
  /**
   * Kept columns Historik records whenever they are new or changed since Historik last recorded
   * them (a status, a result, a risk's value), so a later period can see what changed and which
   * rows are new. Besides these, Historik gets every value the roll empties (rule clear,
   * lastYear, a cleared ifReported) and every value of a row it drops.
   */
  readonly statuses: readonly string[];
  /** T1 → T2 and T2 → Helår. */
  readonly withinYear: Readonly<Record<string, CarryRule>>;
  /** Helår → T1 of the next year. */
  readonly yearEnd: Readonly<Record<string, CarryRule>>;
  /**
   * Columns whose closing value Historik usually holds already under another column and period,
   * recorded only when it differs from that (so the normal case does not double Historik):
   * Prognos föregående tertial is the preceding period's Prognos helår; Utfall period fg år is
   * the Utfall period of the same period a year earlier. A value typed by hand is recorded.
   */
  readonly recordedAs?: Readonly<
    Record<string, { readonly column: string; readonly period: "preceding" | "yearBefore" }>
  >;
  /** Rows left out of the next year (they stay in Historik): Avslutad and Avbruten åtgärder. */
  readonly dropAtYearEnd?: { readonly column: string; readonly values: readonly string[] };
}

/** Resultaträkning and Driftsredovisning: the same amounts, the same rules. */
const LEDGER_WITHIN_YEAR = {
  actualPriorYear: "lastYear",
  actual: "clear",
  periodBudget: "clear",
  previousForecast: { from: "forecast" },
  forecast: "clear",
  comment: "clear",
} as const;

/** Prognos föregående tertial as Historik already holds it. */
const PREVIOUS_FORECAST = {
  previousForecast: { column: "forecast", period: "preceding" },
} as const;

const LEDGER_RECORDED_AS = {
  ...PREVIOUS_FORECAST,
  actualPriorYear: { column: "actual", period: "yearBefore" },
} as const;

const LEDGER_YEAR_END = {
  priorYear: { from: "actual" },
  actualPriorYear: "lastYear",
  actual: "clear",
  periodBudget: "clear",
  budget: "clear",
  forecast: "clear",
  previousForecast: "derived",
  comment: "clear",
} as const;

export const CARRY_RULES: readonly TableCarry[] = [
  {
    table: "incomeStatement",
    key: "post",
    statuses: [],
    withinYear: LEDGER_WITHIN_YEAR,
    yearEnd: LEDGER_YEAR_END,
    recordedAs: LEDGER_RECORDED_AS,
  },
  {
    table: "operatingStatement",
    key: "activity",
    statuses: [],
    withinYear: LEDGER_WITHIN_YEAR,
    yearEnd: LEDGER_YEAR_END,
    recordedAs: LEDGER_RECORDED_AS,
  },
  {
    table: "volumes",
    key: "activity",
    statuses: [],
    withinYear: { forecastVolume: "clear", amountDeviation: "clear", comment: "clear" },
    yearEnd: {
      budgetVolume: "clear",
      forecastVolume: "clear",
      amountDeviation: "clear",
      comment: "clear",
    },
  },
  {
    table: "investments",
    key: "name",
    statuses: [],
    withinYear: {
      actual: "clear",
      previousForecast: { from: "forecast" },
      forecast: "clear",
      comment: "clear",
    },
    yearEnd: {
      budget: "clear",
      actual: "clear",
      forecast: "clear",
      previousForecast: "derived",
      comment: "clear",
    },
    recordedAs: PREVIOUS_FORECAST,
  },
  {
    table: "risks",
    key: "id",
    statuses: ["likelihood", "impact"],
    withinYear: {},
    yearEnd: {},
  },
  {
    table: "actions",
    key: "id",
    statuses: ["status"],
    withinYear: {},
    yearEnd: {},
    dropAtYearEnd: { column: "status", values: ["Avslutad", "Avbruten"] },
  },
  {
    table: "controls",
    key: "id",
    statuses: ["result"],
    withinYear: { result: "ifReported", comment: "ifReported", actionOnDeviation: "ifReported" },
    yearEnd: { result: "clear", comment: "clear", actionOnDeviation: "clear" },
  },
];

/**
 * Inställningar: År and Period move on (nextPeriod.ts), the assessment of the internal control
 * is the closed period's (cleared, into Historik), and the new workbook is not ready yet.
 * Everything else (Organisation, Enhet, the thresholds, Rapporterande enhet, Enhetskod) is kept.
 */
export const SETTINGS_HISTORY = ["assessment", "assessmentAnalysis"] as const;
/** The ready-mark the new workbook resets (Klarmarkerad Nej): its old values go to Historik too. */
export const SETTINGS_READY = ["readyMark", "readyBy", "readyDate"] as const;
export const SETTINGS_CLEARED = [
  "assessment",
  "assessmentAnalysis",
  "readyBy",
  "readyDate",
] as const;
