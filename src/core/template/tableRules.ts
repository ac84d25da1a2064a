/**
 * How a table of the version Tertial writes goes on: over a period and a year end (`carry`, which
 * core/cycle applies) and into a nämnd's workbook (`consolidation`, which core/consolidate
 * applies). Each table of the latest version states both beside its columns (v2.ts), and
 * registry.ts makes the compiler demand them for every table: a table without a rule does not
 * compile, rather than being dropped by Ny period or Sammanställ without a word.
 */

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

/** A table whose rows the roll carries, column by column. A column without a rule is kept. */
export interface RowCarry {
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

/** Historik itself: every row carried as it stands, the closed period's values added. */
export type HistoryCarry = "history";

/** Resultaträkning: the units' parsed amounts summed per Post (UnitReport.incomeStatement). */
export interface SummedPerPost {
  readonly kind: "summedPerPost";
}

/**
 * Every unit's rows in unit order, Rapporterande enhet filled with the unit; `prefixed` columns
 * (IDs and references to them) get the unit's code first; `unitWhereEmpty` names a column that
 * gets the unit's name where the row has none (Driftsredovisning's Verksamhetsområde).
 */
export interface RowsPerUnit {
  readonly kind: "perUnit";
  readonly prefixed: readonly string[];
  readonly unitWhereEmpty?: string;
}

/** Not carried: each unit's Historik stays in its own workbook. */
export interface NotConsolidated {
  readonly kind: "notCarried";
}

export type TableConsolidation = SummedPerPost | RowsPerUnit | NotConsolidated;

/** Prognos föregående tertial as Historik already holds it: the preceding period's Prognos helår. */
export const PREVIOUS_FORECAST_RECORDED = {
  previousForecast: { column: "forecast", period: "preceding" },
} as const;

/** The shared rules of Resultaträkning and Driftsredovisning: the same amounts, the same rules. */
export function ledgerCarry<const K extends string>(key: K) {
  return {
    key,
    statuses: [],
    withinYear: {
      actualPriorYear: "lastYear",
      actual: "clear",
      periodBudget: "clear",
      previousForecast: { from: "forecast" },
      forecast: "clear",
      comment: "clear",
    },
    yearEnd: {
      priorYear: { from: "actual" },
      actualPriorYear: "lastYear",
      actual: "clear",
      periodBudget: "clear",
      budget: "clear",
      forecast: "clear",
      previousForecast: "derived",
      comment: "clear",
    },
    recordedAs: {
      ...PREVIOUS_FORECAST_RECORDED,
      actualPriorYear: { column: "actual", period: "yearBefore" },
    },
  } as const satisfies RowCarry;
}
