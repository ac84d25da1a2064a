/** The generated summary of the economy, in the style of a published delårsrapport. */
import { shownAsZero, shownDecimals } from "../amountUnit";
import { formatAmountWithUnit, formatNumber, formatPercent, withUnit } from "../format";
import type { SettingValues } from "../model";
import type { CrossCheckResult } from "../rollup/crossCheck";
import type {
  DeviationSource,
  MaterialDeviation,
  MaterialityThresholds,
} from "../rollup/materiality";
import type { ForecastAccuracy } from "../rollup/forecastAccuracy";
import type { LedgerFigures } from "../rollup/ledger";
import type { Rollup } from "../rollup/rollup";
import type { YearEndBasis } from "../rollup/yearEnd";
import type { Period } from "../template/lists";
import { enteredDecimals } from "../text/decimals";
import { capitalize, countPhrase, joinSwedish } from "../text/swedishWords";
import { periodMonthsLong, previousForecastName } from "./titles";

/** A net cost is printed as its size ("1 092,2 mnkr"), as the reports do; a net income says so. */
function netText(value: number, unit: string | null): string {
  return value <= 0
    ? formatAmountWithUnit(-value, unit)
    : `en nettointäkt på ${formatAmountWithUnit(value, unit)}`;
}

/** "+23,6 mnkr", "−66,4 mnkr": a deviation in prose, with its sign either way. */
function signedAmountText(value: number, unit: string | null): string {
  const text = formatAmountWithUnit(value, unit);
  return value > 0 ? `+${text}` : text;
}

/** ", vilket innebär ett underskott på 51,4 mnkr mot budget": the size, since the noun says the sign. */
function deviationClause(deviation: number, unit: string | null, against: string): string {
  if (Math.abs(deviation) < shownAsZero(unit)) return `, vilket är i nivå med ${against}`;
  const kind = deviation < 0 ? "ett underskott" : "ett överskott";
  return `, vilket innebär ${kind} på ${formatAmountWithUnit(Math.abs(deviation), unit)} mot ${against}`;
}

/** "personalkostnader" mid-sentence, but "LSS, boende" keeps its capitals. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label)
    ? label.charAt(0).toLocaleLowerCase("sv-SE") + label.slice(1)
    : label;
}

/**
 * The threshold as its unit shows amounts ("5,0 mnkr", "5 000 tkr"), but never rounded to another
 * figure than the one it is: 2,5 tkr stays "2,5 tkr" (at most two decimals).
 */
function thresholdAmountText(amount: number, unit: string | null): string {
  const decimals = Math.max(shownDecimals(unit), Math.min(enteredDecimals(amount), 2));
  return withUnit(formatNumber(amount, decimals), unit);
}

/**
 * "minst 5,0 mnkr eller minst 10 % av budget" (with Belopp och procent: "… och minst …");
 * null when neither threshold is set.
 */
export function thresholdText(
  thresholds: MaterialityThresholds,
  unit: string | null
): string | null {
  const parts = [
    thresholds.amount !== null ? `minst ${thresholdAmountText(thresholds.amount, unit)}` : null,
    thresholds.percent !== null ? `minst ${formatPercent(thresholds.percent, 0)} av budget` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(thresholds.both ? " och " : " eller ") : null;
}

export const NO_THRESHOLDS =
  "Gränserna för väsentlig avvikelse är inte ifyllda (bladet Inställningar), så inga avvikelser redovisas som väsentliga.";

/** The note above (or instead of) the table of väsentliga avvikelser. */
export function materialDeviationNote(
  thresholds: MaterialityThresholds,
  unit: string | null,
  count: number,
  basis: YearEndBasis = "forecast"
): string {
  const limits = thresholdText(thresholds, unit);
  if (limits === null) return NO_THRESHOLDS;
  const intro = `Avvikelser ${YEAR_END_WORDS[basis].deviation} mot budget på ${limits}, störst först.`;
  if (count > 0) return intro;
  const one = thresholds.amount === null || thresholds.percent === null;
  const reach = one ? "gränsen" : thresholds.both ? "båda gränserna" : "någon av gränserna";
  return `${intro} Ingen avvikelse når ${reach}.`;
}

const SOURCE_NOUNS: Record<DeviationSource, readonly [string, string]> = {
  incomeStatement: ["post i resultaträkningen", "poster i resultaträkningen"],
  operatingStatement: ["verksamhet i driftsredovisningen", "verksamheter i driftsredovisningen"],
  investments: ["investering", "investeringar"],
};

/**
 * How many rows have a väsentlig avvikelse, counted per table: the resultaträkning and the
 * driftsredovisning show the same money two ways, so their rows are never added together.
 */
export function materialDeviationsText(
  deviations: readonly MaterialDeviation[],
  thresholds: MaterialityThresholds,
  unit: string | null,
  comparison: BudgetComparison,
  basis: YearEndBasis = "forecast"
): string {
  const limits = thresholdText(thresholds, unit);
  if (limits === null) return NO_THRESHOLDS;
  const figure = YEAR_END_WORDS[basis].figure;
  if (comparison.compared === 0) {
    return `Jämförelsen mot budget kan inte göras: ingen rad har både Budget helår och ${figure}.`;
  }
  const uncompared =
    comparison.missing === 0
      ? ""
      : ` ${capitalize(countPhrase(comparison.missing, "rad", "rader"))} med budget saknar ${figure} ` +
        `och kunde inte jämföras.`;
  if (deviations.length === 0) {
    const none =
      comparison.missing === 0
        ? "Ingen avvikelse mot budget är väsentlig"
        : "Ingen av de jämförda raderna har en väsentlig avvikelse mot budget";
    return `${none} (${limits}).${uncompared}`;
  }
  const counts = (Object.keys(SOURCE_NOUNS) as DeviationSource[])
    .map((source) => [source, deviations.filter((d) => d.source === source).length] as const)
    .filter(([, n]) => n > 0)
    .map(([source, n]) => countPhrase(n, ...SOURCE_NOUNS[source]));
  const one = deviations.length === 1;
  return (
    `${capitalize(joinSwedish(counts))} har ${one ? "en väsentlig avvikelse" : "väsentliga avvikelser"} ` +
    `(${limits}); ${one ? "den" : "de"} redovisas under Väsentliga avvikelser.${uncompared}`
  );
}

/**
 * How many rows (resultaträkning, driftsredovisning, investeringar) the budget comparison could
 * judge, and how many have a budget but no year's figure: the summary never states a comparison
 * it could not make.
 */
export interface BudgetComparison {
  readonly compared: number;
  readonly missing: number;
}

export function budgetComparison(rollup: Rollup): BudgetComparison {
  const figures = [
    ...rollup.incomeStatement.lines,
    ...rollup.operatingStatement.lines,
    ...rollup.investments.lines,
  ].map((l) => l.figures);
  return {
    compared: figures.filter((f) => f.deviation !== null).length,
    missing: figures.filter((f) => f.budget !== null && f.yearEnd === null).length,
  };
}

/** The year's figure in prose (rollup/yearEnd.ts): a verksamhetsberättelse speaks of no forecast. */
const YEAR_END_WORDS: Record<
  YearEndBasis,
  {
    subject: string;
    deviation: string;
    /** The column the year's figure comes from. */
    figure: string;
    missing: string;
    sameAs: (before: string) => string;
    /** Whether the period's outcome gets its own sentence: at Helår it is the year's figure. */
    periodOutcome: boolean;
  }
> = {
  forecast: {
    periodOutcome: true,
    subject: "Helårsprognosen",
    deviation: "prognos helår",
    figure: "Prognos helår",
    missing: "Resultaträkningen saknar prognos, så någon helårsprognos kan inte redovisas.",
    sameAs: (before) => `Jämfört med prognosen i ${before} är helårsprognosen oförändrad.`,
  },
  outcome: {
    periodOutcome: false,
    subject: "Utfallet för helåret",
    deviation: "utfall",
    figure: "Utfall period",
    missing: "Resultaträkningen saknar utfall, så något helårsutfall kan inte redovisas.",
    sameAs: (before) => `Utfallet för helåret blev detsamma som prognosen i ${before}.`,
  },
};

/** "… har helårsprognosen försämrats med 12,3 mnkr" / "… blev utfallet 12,3 mnkr sämre". */
const CHANGE_WORDS: Record<
  YearEndBasis,
  (before: string, better: boolean, size: string) => string
> = {
  forecast: (before, better, size) =>
    `Jämfört med prognosen i ${before} har helårsprognosen ${better ? "förbättrats" : "försämrats"} med ${size}`,
  outcome: (before, better, size) =>
    `Jämfört med prognosen i ${before} blev utfallet för helåret ${size} ${better ? "bättre" : "sämre"}`,
};

/** A row that moved: its label and its Prognosförändring. */
export interface Mover {
  readonly label: string;
  readonly change: number;
}

/**
 * The row that moved most in the direction `sign` (+1 better, −1 worse), or null when none
 * moved visibly that way.
 */
function largestMover<L>(
  lines: readonly { line: L; figures: LedgerFigures }[],
  labelOf: (line: L) => string | null,
  sign: number,
  unit: string | null
): Mover | null {
  let largest: Mover | null = null;
  for (const { line, figures } of lines) {
    const change = figures.forecastChange;
    const label = labelOf(line);
    if (change === null || label === null || change * sign < shownAsZero(unit)) continue;
    if (largest === null || Math.abs(change) > Math.abs(largest.change))
      largest = { label, change };
  }
  return largest;
}

/**
 * How the year's figure moved since the previous tertial's forecast (Summa totalt's
 * Prognosförändring), with the largest movers in that direction: one post of the resultaträkning
 * and one verksamhet of the driftsredovisning, the two views published reports name. Negative
 * is worse, as for Avvikelse: a lower result. Null when there is no previous forecast to compare.
 */
export function forecastChangeText(
  change: number | null,
  movers: readonly Mover[],
  basis: YearEndBasis,
  before: string,
  unit: string | null
): string | null {
  if (change === null) return null;
  if (Math.abs(change) < shownAsZero(unit)) return YEAR_END_WORDS[basis].sameAs(before);
  const lead = CHANGE_WORDS[basis](
    before,
    change > 0,
    formatAmountWithUnit(Math.abs(change), unit)
  );
  const named = movers.map((m) => `${inSentence(m.label)} (${signedAmountText(m.change, unit)})`);
  return named.length > 0 ? `${lead}, främst inom ${joinSwedish(named)}.` : `${lead}.`;
}

/** The period whose forecast Prognos föregående tertial holds, as prose names it: "T1". */
function beforeName(period: Period | null): string {
  return previousForecastName(null, period) ?? "föregående tertial";
}

/**
 * The summary paragraph; `rollup`, `thresholds` in the report's `unit` (reportUnit.ts), whose
 * shown decimals decide what counts as no change.
 */
export function economySummary(
  rollup: Rollup,
  settings: SettingValues,
  thresholds: MaterialityThresholds,
  unit: string | null
): string {
  const words = YEAR_END_WORDS[rollup.basis];
  const { total, lines } = rollup.incomeStatement;
  const sentences: string[] = [];

  const months = periodMonthsLong(settings.period);
  if (words.periodOutcome && total.actual !== null && total.periodDeviation !== null) {
    sentences.push(
      `Utfallet för ${months ? `perioden ${months}` : "perioden"} är ${netText(total.actual, unit)}` +
        `${deviationClause(total.periodDeviation, unit, "periodbudgeten")}.`
    );
  }

  if (total.yearEnd === null) {
    sentences.push(words.missing);
  } else if (total.deviation === null) {
    sentences.push(
      `${words.subject} är ${netText(total.yearEnd, unit)}. Budget saknas, så ingen avvikelse kan beräknas.`
    );
  } else {
    sentences.push(
      `${words.subject} är ${netText(total.yearEnd, unit)}${deviationClause(total.deviation, unit, "budget")}.`
    );
  }

  let largest: { label: string; deviation: number } | null = null;
  for (const { line, figures } of lines) {
    const d = figures.deviation;
    if (d === null || line.cells.post.value === null) continue;
    if (
      Math.abs(d) >= shownAsZero(unit) &&
      (largest === null || Math.abs(d) > Math.abs(largest.deviation))
    )
      largest = { label: line.cells.post.value, deviation: d };
  }
  if (largest) {
    sentences.push(
      `Den största avvikelsen finns inom ${inSentence(largest.label)}, ` +
        `${signedAmountText(largest.deviation, unit)} mot budget.`
    );
  }

  const change = total.forecastChange;
  const sign = Math.sign(change ?? 0);
  const movers = [
    largestMover(lines, (l) => l.cells.post.value, sign, unit),
    largestMover(rollup.operatingStatement.lines, (l) => l.cells.activity.value, sign, unit),
  ].filter((m): m is Mover => m !== null);
  const moved = forecastChangeText(change, movers, rollup.basis, beforeName(settings.period), unit);
  if (moved !== null) sentences.push(moved);

  sentences.push(
    materialDeviationsText(
      rollup.materialDeviations,
      thresholds,
      unit,
      budgetComparison(rollup),
      rollup.basis
    )
  );
  return sentences.join(" ");
}

const ACCURACY_PLACES: Record<DeviationSource, string> = {
  incomeStatement: "i resultaträkningen",
  operatingStatement: "i driftsredovisningen",
  investments: "bland investeringarna",
};

/**
 * Prognossäkerhet in words: the row whose outcome landed farthest from its T1 or T2 forecast.
 * Null when no row has a forecast to compare with (the sheet says so instead of a table).
 */
export function forecastAccuracyText(
  accuracy: ForecastAccuracy,
  unit: string | null
): string | null {
  if (!accuracy.anyForecast) return null;
  const { largest } = accuracy;
  if (largest === null || Math.abs(largest.miss) < shownAsZero(unit))
    return "Utfallet blev på varje rad detsamma som prognoserna i T1 och T2.";
  const share =
    largest.share === null ? "" : ` (${formatPercent(Math.abs(largest.share) * 100, 1)})`;
  return (
    `Den största prognosmissen finns inom ${inSentence(largest.label)} ${ACCURACY_PLACES[largest.source]}: ` +
    `utfallet blev ${formatAmountWithUnit(Math.abs(largest.miss), unit)}${share} ` +
    `${largest.miss > 0 ? "bättre" : "sämre"} än prognosen i ${largest.period}.`
  );
}

/** Instead of the Prognossäkerhet table when Historik holds no forecast of the year. */
export function noForecastHistoryText(year: number): string {
  return (
    `Historiken saknar prognoser från T1 och T2 ${year}, så prognossäkerheten kan inte redovisas. ` +
    "Prognoserna sparas i bladet Historik när arbetsboken förs vidare med Ny period."
  );
}

/** Whether a column's totals are equal: `crossCheck` has already cleaned floating-point noise. */
const ties = (r: CrossCheckResult) => r.difference === 0;

/**
 * The columns within rounding, in words: those that are equal "stämmer överens", those that differ
 * by no more than rounding explains say so with the largest difference. Never "stämmer" for a
 * difference: the nämnd sees both totals, and a claim that they agree would be false (issue 19).
 */
function withinRoundingText(
  agreeing: readonly CrossCheckResult[],
  unit: string | null,
  opening: boolean
): string[] {
  const names = (rs: readonly CrossCheckResult[]) => joinSwedish(rs.map((r) => r.header));
  const columns = (rs: readonly CrossCheckResult[]) =>
    rs.length === 1 ? "kolumnen" : "kolumnerna";
  const equal = agreeing.filter(ties);
  const rounded = agreeing.filter((r) => !ties(r));
  const sentences: string[] = [];
  if (equal.length > 0) {
    sentences.push(
      opening
        ? `Summa totalt i resultaträkningen och Totalt i driftsredovisningen stämmer överens i ` +
            `${equal.length === 1 ? "kolumnen" : rounded.length === 0 ? "samtliga kolumner:" : "kolumnerna"} ${names(equal)}.`
        : `${capitalize(columns(equal))} ${names(equal)} stämmer överens.`
    );
  }
  if (rounded.length > 0) {
    const largest = rounded.reduce((a, b) =>
      Math.abs(b.difference) > Math.abs(a.difference) ? b : a
    );
    const size = Math.abs(largest.difference);
    sentences.push(
      `I ${columns(rounded)} ${names(rounded)} skiljer sig summorna med ` +
        `${rounded.length === 1 ? "" : "högst "}${size >= 0.1 ? formatAmountWithUnit(size, unit) : withUnit(formatNumber(size, 2), unit)}, ` +
        `vilket avrundningen av de inmatade beloppen förklarar.`
    );
  }
  return sentences;
}

/** The avstämning between resultaträkning and driftsredovisning, in words. */
export function reconciliationText(
  results: readonly CrossCheckResult[],
  unit: string | null
): string {
  const used = results.filter((r) => r.incomeStatement.terms + r.operatingStatement.terms > 0);
  if (used.length === 0)
    return "Resultaträkningen och driftsredovisningen har inga belopp att stämma av.";
  const oneSided = used.filter(
    (r) => r.incomeStatement.terms === 0 || r.operatingStatement.terms === 0
  );
  const differing = used.filter((r) => !r.agrees && !oneSided.includes(r));
  const agreeing = used.filter((r) => r.agrees && !oneSided.includes(r));
  if (differing.length === 0 && oneSided.length === 0)
    return withinRoundingText(agreeing, unit, true).join(" ");
  const sentences: string[] = [];
  for (const r of differing) {
    const size = Math.abs(r.difference);
    sentences.push(
      `I kolumnen ${r.header} stämmer tabellerna inte överens: resultaträkningen summerar till ` +
        `${formatAmountWithUnit(r.incomeStatement.total, unit)} och driftsredovisningen till ` +
        `${formatAmountWithUnit(r.operatingStatement.total, unit)}, en skillnad på ` +
        `${size >= 10 ** -shownDecimals(unit) ? formatAmountWithUnit(size, unit) : formatNumber(size, 2)} som är större än ` +
        `avrundningen kan förklara (högst ${withUnit(formatNumber(r.tolerance, 2), unit)}).`
    );
  }
  for (const r of oneSided) {
    const filled = r.incomeStatement.terms > 0 ? "resultaträkningen" : "driftsredovisningen";
    sentences.push(`Kolumnen ${r.header} är ifylld bara i ${filled} och kan inte stämmas av.`);
  }
  sentences.push(...withinRoundingText(agreeing, unit, false));
  return sentences.join(" ");
}

/**
 * For the nämnd, under the driftsredovisning: when the two views' totals differ (as printed) only
 * by what rounding explains, one sentence says so and how much, so that −51,4 and −51,0 on
 * consecutive pages are explained rather than claimed equal. Compared over every figure of the
 * totals, derived ones included (an Avvikelse differs by the sum of its terms' differences). Null
 * when the totals print alike, and when a column differs beyond rounding: that is a fel, which
 * the draft's avstämning names, and no final report has.
 */
export function roundingDifferenceText(
  incomeTotal: LedgerFigures,
  operatingTotal: LedgerFigures,
  results: readonly CrossCheckResult[],
  unit: string | null
): string | null {
  if (results.some((r) => !r.agrees)) return null;
  let largest = 0;
  for (const key of Object.keys(incomeTotal) as (keyof LedgerFigures)[]) {
    const [a, b] = [incomeTotal[key], operatingTotal[key]];
    if (a !== null && b !== null) largest = Math.max(largest, Math.abs(a - b));
  }
  if (largest < shownAsZero(unit)) return null;
  return (
    `Summorna i resultaträkningen och driftsredovisningen skiljer sig med upp till ` +
    `${formatAmountWithUnit(largest, unit)}, eftersom beloppen är avrundade var för sig. ` +
    "Avrundningsdifferenser kan förekomma."
  );
}
