/**
 * Columns shared by the template versions: number formats, the column builders, and the computed
 * columns, each with its Excel formula and the pure `compute` the product uses in its place.
 */
import { difference } from "../rollup/sum";
import type { ColumnDef, ColumnLookup } from "./definition";

export const AMOUNT_FORMAT = "#,##0.0";
export const INTEGER_FORMAT = "#,##0";
export const DATE_FORMAT = "yyyy-mm-dd";

/** Risk-ID in Åtgärder and Internkontroll: one of the Risk-IDs on Risker. */
export const RISK_IDS = {
  table: "risks",
  header: "Risk-ID",
  name: "RiskIDn",
} as const satisfies ColumnLookup;

export const amount = <const K extends string>(key: K, header: string, help: string) =>
  ({
    key,
    header,
    kind: "amount",
    required: false,
    numFmt: AMOUNT_FORMAT,
    width: 13,
    help,
  }) as const satisfies ColumnDef;

export const comment = (help: string) =>
  ({
    key: "comment",
    header: "Kommentar",
    kind: "text",
    required: false,
    width: 50,
    help,
  }) as const satisfies ColumnDef;

/** The amount columns of Resultaträkning and Driftsredovisning, in sheet order. */
export const LEDGER_AMOUNTS = [
  amount("priorYear", "Bokslut fg år", "Föregående års bokslut."),
  amount(
    "actualPriorYear",
    "Utfall period fg år",
    "Utfall för samma period föregående år (ackumulerat från 1 januari)."
  ),
  amount("actual", "Utfall period", "Utfall för perioden, ackumulerat från 1 januari."),
  amount("periodBudget", "Periodbudget", "Budget för den förflutna perioden (frivillig)."),
  amount("budget", "Budget helår", "Beslutad budget för helåret."),
  amount("forecast", "Prognos helår", "Prognos för helåret."),
] as const;

/** Avvikelse prognos mot budget, of a ledger row, an investment, or a sum of them. */
export const DEVIATION = {
  key: "deviation",
  header: "Avvikelse prognos mot budget",
  kind: "computed",
  required: false,
  numFmt: AMOUNT_FORMAT,
  width: 14,
  formula: "[@[Prognos helår]]-[@[Budget helår]]",
  compute: ({ forecast, budget }) => difference(forecast, budget),
  help: "Beräknas: Prognos helår − Budget helår. Negativt = sämre än budget.",
} as const satisfies ColumnDef;

export const VOLUME_DEVIATION = {
  key: "volumeDeviation",
  header: "Avvikelse volym",
  kind: "computed",
  required: false,
  numFmt: INTEGER_FORMAT,
  width: 13,
  formula: "[@[Volym prognos]]-[@[Volym budget]]",
  compute: ({ forecastVolume, budgetVolume }) => difference(forecastVolume, budgetVolume),
  help: "Beräknas: Volym prognos − Volym budget.",
} as const satisfies ColumnDef;

export const RISK_SCORE = {
  key: "score",
  header: "Riskvärde",
  kind: "computed",
  required: false,
  numFmt: INTEGER_FORMAT,
  width: 10,
  formula: "[@Sannolikhet]*[@Konsekvens]",
  compute: ({ likelihood, impact }) =>
    likelihood === null || impact === null ? null : likelihood * impact,
  help: "Beräknas: Sannolikhet × Konsekvens (1–16).",
} as const satisfies ColumnDef;

/** Version 2: last tertial's Prognos helår, carried by `tertial ny-period` (empty in T1). */
export const PREVIOUS_FORECAST = {
  ...amount(
    "previousForecast",
    "Prognos föregående tertial",
    "Prognos helår från föregående tertial. Fylls i av Tertial vid Ny period; tom i T1."
  ),
  optionalColumn: true,
} as const satisfies ColumnDef;

/**
 * Version 2: how the forecast moved since the previous tertial. Same sign as Avvikelse: negative
 * = the forecast got worse (a lower result). Blank while there is no previous forecast, so a T1
 * row shows nothing rather than the whole forecast as a change.
 */
export const FORECAST_CHANGE = {
  key: "forecastChange",
  header: "Prognosförändring",
  kind: "computed",
  required: false,
  numFmt: AMOUNT_FORMAT,
  width: 14,
  formula:
    'IF(OR([@[Prognos föregående tertial]]="",[@[Prognos helår]]=""),"",[@[Prognos helår]]-[@[Prognos föregående tertial]])',
  compute: ({ forecast, previousForecast }) => difference(forecast, previousForecast),
  help:
    "Beräknas: Prognos helår − Prognos föregående tertial. Negativt = prognosen har försämrats " +
    "sedan förra tertialet.",
} as const satisfies ColumnDef;

/** Version 2: the unit a row comes from, in every data table; filled by consolidation (sammanställning). */
export const REPORTING_UNIT = {
  key: "reportingUnit",
  header: "Rapporterande enhet",
  kind: "text",
  required: false,
  optionalColumn: true,
  width: 20,
  help: "Enheten som raden kommer från. Fylls i vid sammanställning; lämna tom annars.",
} as const satisfies ColumnDef;

/**
 * Version 3, Indikatorer: the direction a row's values must move in to be better, or null when
 * Riktning is empty or not one of its list's values (then Trend and Målvärde uppnått stay empty).
 * Compared without case, as Excel's `=` compares text (another spelling is a fel of its own).
 */
function higherIsBetter(direction: number | string | null): boolean | null {
  const text = typeof direction === "string" ? direction.toLowerCase() : null;
  if (text === "högre är bättre") return true;
  if (text === "lägre är bättre") return false;
  return null;
}

/** The formula's guard: empty while an input is empty or Riktning is none of its values. */
const unlessDirection = (inputs: readonly string[]) =>
  `OR(${inputs.map((i) => `${i}=""`).join(",")},` +
  'AND([@Riktning]<>"Högre är bättre",[@Riktning]<>"Lägre är bättre"))';

/**
 * Version 3: Utfall against Utfall fg år, as entered (equal = Oförändrad), better or worse by
 * Riktning. Excel compares text case-insensitively, as the reader matches list values.
 */
export const TREND = {
  key: "trend",
  header: "Trend",
  kind: "computed",
  list: "trend",
  required: false,
  width: 12,
  formula:
    `IF(${unlessDirection(["[@Utfall]", "[@[Utfall fg år]]"])},"",` +
    'IF([@Utfall]=[@[Utfall fg år]],"Oförändrad",' +
    'IF(([@Utfall]>[@[Utfall fg år]])=([@Riktning]="Högre är bättre"),"Förbättrad","Försämrad")))',
  computeText: ({ actual, priorYear, direction }) => {
    const higher = higherIsBetter(direction ?? null);
    if (higher === null || typeof actual !== "number" || typeof priorYear !== "number") return null;
    if (actual === priorYear) return "Oförändrad";
    return actual > priorYear === higher ? "Förbättrad" : "Försämrad";
  },
  help:
    "Beräknas: Förbättrad, Oförändrad eller Försämrad, från Utfall mot Utfall fg år och Riktning. " +
    "Tom så länge något av dem är tomt.",
} as const satisfies ColumnDef;

/** Version 3: whether Utfall reaches Målvärde; a value exactly at Målvärde is reached. */
export const TARGET_REACHED = {
  key: "targetReached",
  header: "Målvärde uppnått",
  kind: "computed",
  list: "janej",
  required: false,
  width: 11,
  formula:
    `IF(${unlessDirection(["[@Utfall]", "[@Målvärde]"])},"",` +
    'IF(IF([@Riktning]="Högre är bättre",[@Utfall]>=[@Målvärde],[@Utfall]<=[@Målvärde]),"Ja","Nej"))',
  computeText: ({ actual, target, direction }) => {
    const higher = higherIsBetter(direction ?? null);
    if (higher === null || typeof actual !== "number" || typeof target !== "number") return null;
    return (higher ? actual >= target : actual <= target) ? "Ja" : "Nej";
  },
  help:
    "Beräknas: Ja när Utfall når Målvärde (lika med räcker), annars Nej. " +
    "Tom så länge Utfall, Målvärde eller Riktning är tomt.",
} as const satisfies ColumnDef;
