/**
 * Every Swedish message the validation rules produce, in one place. Each says what is wrong (quoting
 * the value), and what to do; the finding's sheet and cell say where. Numbers use Swedish formats.
 */
import { shownDecimals } from "../amountUnit";
import { formatAmountWithUnit, formatDate, formatNumber, formatPercent, withUnit } from "../format";
import type { MaterialityThresholds } from "../rollup/materiality";
import type { YearEndBasis } from "../rollup/yearEnd";
import { isCellError, type CellValue } from "../snapshot";
import type { Period, Timing, Unit } from "../template/lists";
import { enteredDecimals } from "../text/decimals";
import { severityCount } from "../text/findingCounts";
import { joinAlternatives, type Suggestion } from "../text/suggest";

// ---- Showing values -------------------------------------------------------------------------

const MAX_SHOWN_DECIMALS = 6;
const MAX_SHOWN_TEXT = 60;
/** Names and IDs from the user's cells (Risk-ID, Post, Verksamhet) are quoted up to this length. */
const MAX_QUOTED_NAME = 200;

/** At most `max` characters, "…" marking a cut; never half of a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** A name or ID from a cell, as a message quotes it: a 10,000-character cell stays a short finding. */
const name = (text: string) => clip(text, MAX_QUOTED_NAME);

/** A cell value as the user would recognise it, quoted when it is text. */
export function shown(raw: CellValue): string {
  if (raw === null) return "(tom)";
  if (isCellError(raw)) return raw.error;
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? "(ogiltigt datum)" : formatDate(raw);
  if (typeof raw === "boolean") return raw ? "SANT" : "FALSKT";
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? formatNumber(raw, Math.min(enteredDecimals(raw), MAX_SHOWN_DECIMALS))
      : "(ogiltigt tal)";
  }
  return `"${clip(raw, MAX_SHOWN_TEXT)}"`;
}

/** A figure with the decimals it was entered with (5 → "5", 2,5 → "2,5"), at most two. */
function figure(value: number): string {
  return formatNumber(value, Math.min(enteredDecimals(value), 2));
}

/**
 * An amount in Enhet as the unit shows amounts ("5,0 mnkr", "5 000 tkr"), but with the decimals
 * it has, up to two, where the unit shows fewer: a threshold of 2,5 tkr or a difference of 0,3 tkr
 * is not "3 tkr" or "0 tkr".
 */
function exactAmount(value: number, unit: Unit | null): string {
  const decimals = Math.max(shownDecimals(unit), Math.min(enteredDecimals(value), 2));
  return withUnit(formatNumber(value, decimals), unit);
}

/** "Åtgärden Å3", or "Åtgärden på rad 7" when the row has no ID. */
function named(noun: string, id: string | null, row: number): string {
  return id ? `${noun} ${name(id)}` : `${noun} på rad ${row}`;
}

const PERIOD_NAMES: Record<Period, string> = {
  T1: "tertial 1",
  T2: "delåret (T2)",
  Helår: "helåret",
};

// ---- Allowed values (status columns and settings) ------------------------------------------

export function notAnAllowedValue(
  subject: string,
  raw: CellValue,
  allowed: readonly string[],
  suggestion: Suggestion<string> | null
): string {
  if (suggestion?.certain)
    return `${subject} ${shown(raw)} är nästan rätt. Skriv ${suggestion.value} (välj gärna i listan).`;
  const guess = suggestion ? ` Menar du ${suggestion.value}?` : "";
  return `${subject} ${shown(raw)} är inget tillåtet värde.${guess} Välj ${joinAlternatives(allowed)}.`;
}

// ---- Settings -------------------------------------------------------------------------------

export const settings = {
  rowMissing: (label: string, help: string) =>
    `Inställningen ${label} saknas i tabellen. Lägg till en rad med ${label} i kolumnen Inställning ` +
    `och fyll i värdet: ${help}`,
  empty: (label: string, help: string) => `${label} är inte ifylld. Fyll i värdet: ${help}`,
  templateVersionEmpty: (version: number) =>
    `Mallversion är inte ifylld, så Tertial kan inte veta vilken mall arbetsboken bygger på. ` +
    `Skriv ${version} om arbetsboken är skapad från Tertials mall, annars för över ` +
    `uppgifterna till en ny arbetsbok från Tertials mall.`,
  yearInvalid: (raw: CellValue) =>
    `År ${typeof raw === "number" ? String(raw).replace(".", ",") : shown(raw)} är inget rimligt ` +
    `räkenskapsår. Skriv året med fyra siffror, t.ex. 2024.`,
  wholeNumberInvalid: (label: string, raw: CellValue) =>
    `${label} ${shown(raw)} är inget heltal. Skriv ett heltal.`,
  dateInvalid: (label: string, raw: CellValue) =>
    `${label} ${shown(raw)} är inget datum. Skriv datumet som åååå-mm-dd, t.ex. 2024-08-31.`,
  thresholdInvalid: (label: string, raw: CellValue) =>
    `${label} ${shown(raw)} är inget tal som är 0 eller större. ` +
    `Skriv bara talet, t.ex. ${label.endsWith("procent") ? "5 (för 5 %)" : "1,0"}.`,
  unknown: (text: string, suggestion: string | null) =>
    `Inställningen "${name(text)}" känns inte igen, så Tertial läser inte raden.` +
    (suggestion ? ` Menar du ${suggestion}? Rätta namnet.` : " Rätta namnet eller ta bort raden."),
  duplicate: (label: string, firstCell: string) =>
    `Inställningen ${label} finns redan i ${firstCell}; Tertial använder bara den första. ` +
    `Ta bort den ena raden.`,
  assessmentMissing: (period: Period) =>
    `Bedömning av intern kontroll är inte ifylld. Inför ${period === "Helår" ? "helårsbokslutet" : "delårsrapporten"} ` +
    `ska nämnden bedöma den interna kontrollen: välj Tillräcklig, Delvis tillräcklig eller Ej tillräcklig.`,
};

// ---- Ready-mark ------------------------------------------------------------------------------

export const readyMark = {
  withErrors: (fel: number) =>
    `Arbetsboken är klarmarkerad (Klarmarkerad Ja) men har ${severityCount("fel", fel)}. ` +
    `Rätta felen, eller sätt Klarmarkerad till Nej tills de är rättade.`,
  incomplete: (labels: readonly string[]) =>
    `Arbetsboken är klarmarkerad men ${labels.join(" och ")} är inte ${labels.length > 1 ? "ifyllda" : "ifyllt"}. ` +
    `Fyll i vem som klarmarkerade arbetsboken och när (åååå-mm-dd).`,
  changedAfterMark: () =>
    `Arbetsboken är ändrad efter klarmarkering: uppgifterna stämmer inte längre med ` +
    `Klarmarkerad kontrollsumma. Kontrollera ändringen och klarmarkera igen (Klarmarkera i ` +
    `Tertial eller tertial klarmarkera), eller sätt Klarmarkerad till Nej.`,
  unsealed: () =>
    `Arbetsboken är klarmarkerad men Klarmarkerad kontrollsumma är tom, så ingen kan se om den ` +
    `har ändrats efteråt. Klarmarkera den med Tertials Klarmarkera (i Tertial eller ` +
    `tertial klarmarkera) i stället för att skriva Ja.`,
};

// ---- Cell values by column kind -------------------------------------------------------------

export const cells = {
  errorValue: (header: string, error: string, computed: boolean) =>
    `${header} innehåller felvärdet ${error}. ` +
    (computed
      ? "Tertial räknar fram kolumnen själv, men rätta formeln så att arbetsboken visar rätt värde."
      : "Rätta formeln eller skriv in värdet."),
  notANumber: (header: string, raw: CellValue, isAmount: boolean) =>
    `${header}: ${shown(raw)} är inget tal. ` +
    (isAmount ? "Skriv beloppet som ett tal, t.ex. −51,2." : "Skriv ett tal, t.ex. 1 200."),
  numberAsText: (header: string, raw: CellValue, value: number) =>
    `${header}: ${shown(raw)} är skrivet som text. Tertial räknar med ${formatNumber(value, Math.min(enteredDecimals(raw), MAX_SHOWN_DECIMALS))}, ` +
    `men skriv in det som ett tal så att Excel också kan räkna med det.`,
  outOfRange: (header: string, raw: CellValue, integer: boolean, min?: number, max?: number) => {
    const range =
      min !== undefined && max !== undefined
        ? `${formatNumber(min, 0)}–${formatNumber(max, 0)}`
        : min !== undefined
          ? `minst ${formatNumber(min, 0)}`
          : `högst ${formatNumber(max ?? 0, 0)}`;
    const what = integer ? `ett heltal ${range}` : `ett tal ${range}`;
    return `${header}: ${shown(raw)} är inte ${what}. Skriv ${what}.`;
  },
  notADate: (header: string, raw: CellValue) =>
    `${header}: ${shown(raw)} är inget datum. Skriv datumet som åååå-mm-dd, t.ex. 2024-08-31.`,
  implausibleDate: (header: string, raw: CellValue, date: Date) =>
    `${header}: ${shown(raw)} blir datumet ${formatDate(date)}, vilket inte är rimligt. ` +
    `Skriv datumet som åååå-mm-dd, t.ex. 2024-08-31.`,
  requiredMissing: (header: string, allowed: readonly string[] | null, help: string) =>
    `${header} saknas på en rad som i övrigt är ifylld. ` +
    (allowed ? `Välj ${joinAlternatives(allowed)}.` : `Fyll i ${header}: ${help}`),
};

// ---- IDs and references ---------------------------------------------------------------------

export const ids = {
  duplicate: (header: string, id: string, firstCell: string) =>
    `${header} ${name(id)} finns redan i ${firstCell}. Ge varje rad ett eget ${header}.`,
  unknownRisk: (id: string, suggestion: string | null) =>
    `Risk-ID ${name(id)} finns inte på bladet Risker.` +
    (suggestion ? ` Menar du ${name(suggestion)}?` : "") +
    " Skriv ett Risk-ID som finns där, eller lägg till risken på bladet Risker.",
  unknownReference: (
    header: string,
    value: string,
    sheet: string,
    targetHeader: string,
    suggestion: string | null
  ) =>
    `${header} ${name(value)} finns inte i kolumnen ${targetHeader} på bladet ${sheet}.` +
    (suggestion ? ` Menar du ${name(suggestion)}?` : "") +
    ` Välj ett värde som finns där, eller lägg till raden på bladet ${sheet}.`,
};

// ---- Goals and indicators -------------------------------------------------------------------

export const goals = {
  unassessed: (id: string | null, row: number, period: Period) =>
    `${named("Målet", id, row)} har ingen Bedömning. ` +
    (period === "T1"
      ? "Bedöm gärna redan i T1 om målet väntas uppfyllas"
      : `I ${period} ska nämnden bedöma varje mål`) +
    ": välj Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Kan inte bedömas.",
  noAnalysis: (id: string | null, row: number, assessment: string) =>
    `${named("Målet", id, row)} är bedömt som ${name(assessment)} men har ingen Analys. ` +
    "Skriv i Analys vad bedömningen bygger på.",
  noTarget: (id: string | null, row: number) =>
    `${named("Indikatorn", id, row)} har ett Utfall men inget Målvärde, så det går inte att säga ` +
    "om målvärdet är uppnått. Skriv in det målvärde nämnden beslutat.",
  noDirection: (id: string | null, row: number) =>
    `${named("Indikatorn", id, row)} har ingen Riktning, så Trend och Målvärde uppnått blir tomma. ` +
    "Välj Högre är bättre eller Lägre är bättre.",
  targetChanged: (id: string, now: string, before: string, when: string) =>
    `Målvärdet för indikatorn ${name(id)} är ${now} men var ${before} i ${when} (Historik). Ett ` +
    "ändrat målvärde är ett beslut som nämnden ska se: skriv i Kommentar när och av vem det " +
    "ändrades, eller skriv tillbaka det tidigare målvärdet.",
};

// ---- Kontoplan: the ledger mappings --------------------------------------------------------

export const mappings = {
  accounts: (range: string, other: string, otherRow: number) =>
    `Kontointervallet ${range} överlappar ${other} på rad ${otherRow}: ett konto får höra till ` +
    `en Post. Ändra Konto från eller Konto till så att intervallen inte delar något konto ` +
    `(ändarna räknas som kontogrupper: 4000–4999 innehåller även 45611).`,
  objects: (dimension: number, range: string, other: string, otherRow: number) =>
    `Objektintervallet ${name(range)} i dimension ${dimension} överlappar ${name(other)} på rad ` +
    `${otherRow}: ett objekt får höra till en Verksamhet. Ändra Objekt från eller Objekt till så ` +
    `att intervallen inte delar något objekt.`,
};

// ---- Risks, actions, controls ---------------------------------------------------------------

export const risks = {
  treatWithoutAction: (id: string) =>
    `Risken ${name(id)} har riskhantering Hantera men ingen åtgärd på bladet Åtgärder. ` +
    `Lägg till en åtgärd med Risk-ID ${name(id)}, eller ändra riskhanteringen till Acceptera eller Bevaka.`,
  notRated: (header: string, id: string | null, row: number, min: number, max: number) =>
    `${header} saknas för ${named("risken", id, row)}, så riskmatrisen kan inte placera den. ` +
    `Skriv ett heltal ${min}–${max}.`,
};

export const actions = {
  late: (id: string | null, row: number, status: string, endDate: Date, periodEnd: Date) =>
    `${named("Åtgärden", id, row)} har status ${status} men slutdatum ${formatDate(endDate)}, ` +
    `före periodens slut ${formatDate(periodEnd)}: den är försenad. Sätt rätt status, eller skriv ett nytt ` +
    `slutdatum och förklara förseningen i kommentaren.`,
  closedWithoutComment: (id: string | null, row: number) =>
    `${named("Åtgärden", id, row)} är avslutad men har ingen kommentar vid senaste uppföljning. ` +
    `Beskriv vad som gjordes och vad det gav.`,
  followUpBeforeYear: (date: Date, year: number) =>
    `Uppföljningsdatum ${formatDate(date)} ligger före ${year}, så uppföljningen är inte gjord i år. ` +
    `Följ upp åtgärden och skriv det nya datumet och en ny kommentar.`,
  followUpAfterToday: (date: Date, today: Date) =>
    `Uppföljningsdatum ${formatDate(date)} ligger efter dagens datum (${formatDate(today)}). ` +
    `Skriv datumet då uppföljningen gjordes.`,
};

export const controls = {
  commentMissing: (id: string | null, row: number, result: string) =>
    `${named("Kontrollen", id, row)} har resultatet ${result} men ingen kommentar. ` +
    (result === "Kontroll ej genomförd"
      ? "Förklara varför kontrollen inte har genomförts."
      : "Beskriv avvikelsen och vad den beror på."),
  actionMissing: (id: string | null, row: number) =>
    `${named("Kontrollen", id, row)} visar stor avvikelse men Åtgärd vid avvikelse är tom. ` +
    `Beskriv vad som görs åt avvikelsen.`,
  resultMissing: (id: string | null, row: number, timing: Timing | null) =>
    `${named("Kontrollen", id, row)} ` +
    (timing === null
      ? `har ingen tidpunkt och ska därför vara genomförd till ${PERIOD_NAMES.Helår}`
      : timing === "Löpande"
        ? "görs löpande och ska ha ett resultat vid varje uppföljning"
        : `har tidpunkt ${timing} och skulle vara genomförd till ${PERIOD_NAMES[timing]}`) +
    `, men saknar resultat. Välj ett resultat; har kontrollen inte gjorts, ` +
    `välj Kontroll ej genomförd och förklara varför i Kommentar.`,
};

// ---- Amounts: signs, material deviations, cross-check ---------------------------------------

export const signs = {
  costPositive: (post: string, header: string, value: number, unit: Unit | null) =>
    `${name(post)} är en kostnad men beloppet i ${header} är positivt (${formatAmountWithUnit(value, unit)}). ` +
    `Kostnader anges negativa i resultaträkningen: kontrollera tecknet.`,
  incomeNegative: (post: string, header: string, value: number, unit: Unit | null) =>
    `${name(post)} är en intäkt men beloppet i ${header} är negativt (${formatAmountWithUnit(value, unit)}). ` +
    `Intäkter anges positiva i resultaträkningen: kontrollera tecknet.`,
  netCostPositive: (activity: string, header: string, value: number, unit: Unit | null) =>
    `${name(activity)}: beloppet i ${header} är positivt (${formatAmountWithUnit(value, unit)}). Driftsredovisningen visar ` +
    `nettokostnader, som anges negativa: kontrollera tecknet. Är det en verklig nettointäkt kan ` +
    `varningen lämnas utan åtgärd.`,
};

/**
 * Helår: Prognos helår beside Utfall period. The report takes the year's figure from the outcome
 * (rollup/yearEnd.ts); a forecast that differs is left from T2 or points at a mistyped outcome,
 * and it is what Historik keeps as the year's last forecast.
 */
export function yearEndForecast(
  label: string,
  forecast: number,
  actual: number | null,
  unit: Unit | null
): string {
  const amount = (v: number) => formatAmountWithUnit(v, unit);
  const what =
    actual === null
      ? `Prognos helår är ifylld (${amount(forecast)}) men Utfall period är tom.`
      : `Prognos helår (${amount(forecast)}) skiljer sig från Utfall period (${amount(actual)}).`;
  return (
    `${name(label)}: ${what} Vid helår redovisar rapporten utfallet, inte prognosen: ` +
    `kontrollera Utfall period och skriv samma belopp i Prognos helår, eller töm Prognos helår.`
  );
}

/** What the deviation is taken from: the year's figure (rollup/yearEnd.ts). */
const DEVIATION_FROM: Record<YearEndBasis, string> = { forecast: "prognos", outcome: "utfall" };

export function materialDeviation(
  label: string,
  deviation: number,
  percentOfBudget: number | null,
  unit: Unit | null,
  threshold: MaterialityThresholds,
  basis: YearEndBasis = "forecast"
): string {
  const amountLimit = threshold.amount !== null ? exactAmount(threshold.amount, unit) : null;
  const percentLimit =
    threshold.percent !== null ? `${figure(threshold.percent)}\u00a0% av budget` : null;
  const share = percentOfBudget !== null ? ` (${formatPercent(percentOfBudget, 1)} av budget)` : "";
  // With Belopp och procent, a row without budget is judged by the amount alone: say only that.
  const applicable = [
    amountLimit,
    threshold.both && percentOfBudget === null ? null : percentLimit,
  ];
  const limits = applicable.filter((l): l is string => l !== null);
  const reaches =
    threshold.both && limits.length === 2
      ? `både beloppsgränsen (${limits[0]}) och procentgränsen (${limits[1]}) för väsentlig avvikelse`
      : `gränsen för väsentlig avvikelse (${limits.join(" eller ")})`;
  return (
    `${name(label)}: avvikelsen ${DEVIATION_FROM[basis]} mot budget är ${formatAmountWithUnit(deviation, unit)}${share} ` +
    `och når eller överstiger ${reaches}. Förklara avvikelsen i Kommentar.`
  );
}

export const crossCheck = {
  difference: (
    header: string,
    incomeTotal: number,
    operatingTotal: number,
    difference: number,
    terms: number,
    tolerance: number,
    unit: Unit | null
  ) =>
    `${header} stämmer inte mellan tabellerna: resultaträkningen summerar till ${formatAmountWithUnit(incomeTotal, unit)} ` +
    `och driftsredovisningen till ${formatAmountWithUnit(operatingTotal, unit)}, en skillnad på ${exactAmount(Math.abs(difference), unit)}. ` +
    `Avrundning av de ${formatNumber(terms, 0)} beloppen förklarar högst ${withUnit(formatNumber(tolerance, 2), unit)}. ` +
    `Leta efter ett tecken- eller inmatningsfel i kolumnen (t.ex. en kostnad som skrivits positiv) och rätta det.`,
  oneSided: (
    header: string,
    filledSheet: string,
    emptySheet: string,
    total: number,
    unit: Unit | null
  ) =>
    `${header} har belopp i ${filledSheet} (summa ${formatAmountWithUnit(total, unit)}) men inga i ${emptySheet}, ` +
    `så tabellerna kan inte stämmas av. Fyll i kolumnen i båda tabellerna, eller i ingen av dem.`,
};

/**
 * Completeness of the period's ledgers: a report whose figures are missing must not be final, and
 * its summary could not compare anything (rules/completeness.ts).
 */
export const completeness = {
  actualMissing: (label: string, period: string | null) =>
    `${name(label)}: raden har Budget helår men Utfall period är tom. Fyll i Utfall period` +
    `${period ? ` för ${period}` : ""} (ackumulerat från 1 januari; skriv 0 om inget har bokförts).`,
  forecastMissing: (label: string) =>
    `${name(label)}: raden har Budget helår men Prognos helår är tom. Fyll i Prognos helår ` +
    `(skriv samma belopp som Budget helår om prognosen är att budgeten håller).`,
  emptyTable: (sheet: string) =>
    `Tabellen på bladet ${sheet} är tom. Fyll i periodens rader (minst en rad med Utfall period ` +
    `och Budget helår) innan rapporten kan bli klar.`,
};

/**
 * Texts left over from an earlier period (rules/staleTexts.ts). `since` names the period the text
 * or status is from as the report names it: "T1", or "Helår 2023" across a year end.
 */
export const staleTexts = {
  unchangedComment: (label: string, since: string, now: string) =>
    `Kommentaren är oförändrad sedan ${since}: Historik har samma text för ${name(label)} i ${since}. ` +
    `Skriv vad som gäller i ${now}, eller töm cellen om det inte finns något att kommentera.`,
  followUpBeforeStatusChange: (
    id: string | null,
    row: number,
    since: string,
    from: string,
    to: string,
    date: Date,
    sinceEnd: Date
  ) =>
    `${named("Åtgärden", id, row)} har bytt status sedan ${since} (${from} → ${to}), men ` +
    `Uppföljningsdatum ${formatDate(date)} ligger före slutet av ${since} (${formatDate(sinceEnd)}). ` +
    `Skriv datum och kommentar för den uppföljning som ändrade statusen.`,
  forecastInAnnualReport: (label: string, word: string) =>
    `${name(label)}: kommentaren talar om prognos ("${word}"), men vid helår är rapporten en ` +
    `verksamhetsberättelse som redovisar årets utfall. Skriv om kommentaren så att den förklarar utfallet.`,
};
