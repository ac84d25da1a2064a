/** The generated summary of the economy, in the style of a published delårsrapport. */
import { formatAmountWithUnit, formatNumber, formatPercent, withUnit } from "../format";
import type { SettingValues } from "../model";
import type { CrossCheckResult } from "../rollup/crossCheck";
import type {
  DeviationSource,
  MaterialDeviation,
  MaterialityThresholds,
} from "../rollup/materiality";
import type { Rollup } from "../rollup/rollup";
import { capitalize, countPhrase, joinSwedish } from "../text/swedishWords";
import { periodMonthsLong } from "./titles";

/** Below half a unit of the last shown decimal the text would print "0,0": call it in line with budget. */
const SHOWN_AS_ZERO = 0.05;

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
  if (Math.abs(deviation) < SHOWN_AS_ZERO) return `, vilket är i nivå med ${against}`;
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
 * "minst 5,0 mnkr eller minst 10 % av budget" (with Belopp och procent: "… och minst …");
 * null when neither threshold is set.
 */
export function thresholdText(
  thresholds: MaterialityThresholds,
  unit: string | null
): string | null {
  const parts = [
    thresholds.amount !== null ? `minst ${formatAmountWithUnit(thresholds.amount, unit)}` : null,
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
  count: number
): string {
  const limits = thresholdText(thresholds, unit);
  if (limits === null) return NO_THRESHOLDS;
  const intro = `Avvikelser prognos helår mot budget på ${limits}, störst först.`;
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
  unit: string | null
): string {
  const limits = thresholdText(thresholds, unit);
  if (limits === null) return NO_THRESHOLDS;
  if (deviations.length === 0) return `Ingen avvikelse mot budget är väsentlig (${limits}).`;
  const counts = (Object.keys(SOURCE_NOUNS) as DeviationSource[])
    .map((source) => [source, deviations.filter((d) => d.source === source).length] as const)
    .filter(([, n]) => n > 0)
    .map(([source, n]) => countPhrase(n, ...SOURCE_NOUNS[source]));
  const one = deviations.length === 1;
  return (
    `${capitalize(joinSwedish(counts))} har ${one ? "en väsentlig avvikelse" : "väsentliga avvikelser"} ` +
    `(${limits}); ${one ? "den" : "de"} redovisas under Väsentliga avvikelser.`
  );
}

export function economySummary(
  rollup: Rollup,
  settings: SettingValues,
  thresholds: MaterialityThresholds
): string {
  const unit = settings.unit;
  const { total, lines } = rollup.incomeStatement;
  const sentences: string[] = [];

  const months = periodMonthsLong(settings.period);
  if (total.actual !== null && total.periodDeviation !== null) {
    sentences.push(
      `Utfallet för ${months ? `perioden ${months}` : "perioden"} är ${netText(total.actual, unit)}` +
        `${deviationClause(total.periodDeviation, unit, "periodbudgeten")}.`
    );
  }

  if (total.forecast === null) {
    sentences.push("Resultaträkningen saknar prognos, så någon helårsprognos kan inte redovisas.");
  } else if (total.deviation === null) {
    sentences.push(
      `Helårsprognosen är ${netText(total.forecast, unit)}. Budget saknas, så ingen avvikelse kan beräknas.`
    );
  } else {
    sentences.push(
      `Helårsprognosen är ${netText(total.forecast, unit)}${deviationClause(total.deviation, unit, "budget")}.`
    );
  }

  let largest: { label: string; deviation: number } | null = null;
  for (const { line, figures } of lines) {
    const d = figures.deviation;
    if (d === null || line.cells.post.value === null) continue;
    if (
      Math.abs(d) >= SHOWN_AS_ZERO &&
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

  sentences.push(materialDeviationsText(rollup.materialDeviations, thresholds, unit));
  return sentences.join(" ");
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
  const names = (rs: readonly CrossCheckResult[]) => joinSwedish(rs.map((r) => r.header));
  if (differing.length === 0 && oneSided.length === 0) {
    return (
      `Summa totalt i resultaträkningen och Totalt i driftsredovisningen stämmer överens i ` +
      `${used.length === 1 ? "kolumnen" : "samtliga kolumner:"} ${names(used)}, ` +
      `inom vad avrundningen av de inmatade beloppen förklarar.`
    );
  }
  const sentences: string[] = [];
  for (const r of differing) {
    const size = Math.abs(r.difference);
    sentences.push(
      `I kolumnen ${r.header} stämmer tabellerna inte överens: resultaträkningen summerar till ` +
        `${formatAmountWithUnit(r.incomeStatement.total, unit)} och driftsredovisningen till ` +
        `${formatAmountWithUnit(r.operatingStatement.total, unit)}, en skillnad på ` +
        `${size >= 0.1 ? formatAmountWithUnit(size, unit) : formatNumber(size, 2)} som är större än ` +
        `avrundningen kan förklara (högst ${withUnit(formatNumber(r.tolerance, 2), unit)}).`
    );
  }
  for (const r of oneSided) {
    const filled = r.incomeStatement.terms > 0 ? "resultaträkningen" : "driftsredovisningen";
    sentences.push(`Kolumnen ${r.header} är ifylld bara i ${filled} och kan inte stämmas av.`);
  }
  if (agreeing.length > 0) {
    sentences.push(
      `${agreeing.length === 1 ? "Kolumnen" : "Kolumnerna"} ${names(agreeing)} stämmer inom avrundning.`
    );
  }
  return sentences.join(" ");
}
