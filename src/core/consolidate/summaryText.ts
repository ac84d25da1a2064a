/** The sentences of the Sammanställning sheet. */
import { formatAmountWithUnit } from "../format";
import { yearEndName } from "../report/titles";
import { yearEndBasis } from "../rollup/yearEnd";
import type { Period } from "../template/lists";
import { capitalize, countPhrase } from "../text/swedishWords";
import { readReportingUnit } from "../reportingUnit";
import type { Consolidation, UnitSummary } from "./consolidate";
import { isReady } from "./isReady";

/** "Tre enheter är sammanställda, två av dem klarmarkerade. En fil kunde inte användas." */
export function unitsText({ units, unusable }: Consolidation): string {
  const ready = units.filter(isReady).length;
  const readyPart =
    units.length === 1
      ? ready === 1
        ? "och den är klarmarkerad"
        : "men den är inte klarmarkerad"
      : ready === units.length
        ? "alla klarmarkerade"
        : ready === 0
          ? "ingen av dem klarmarkerad"
          : `${countPhrase(ready, "av dem", "av dem")} ${ready === 1 ? "klarmarkerad" : "klarmarkerade"}`;
  const files =
    unusable.length === 0
      ? "Alla filer kunde användas."
      : `${capitalize(countPhrase(unusable.length, "fil", "filer"))} kunde inte användas ` +
        "(se tabellen nedan); deras siffror ingår inte.";
  return (
    `${capitalize(countPhrase(units.length, "enhet", "enheter"))} ` +
    `${units.length === 1 ? "är sammanställd" : "är sammanställda"}, ${readyPart}. ${files}`
  );
}

/** The first carried row's value in `column` that `matches`, as an example in a sentence. */
function example(
  c: Consolidation,
  table: "risks" | "operatingStatement",
  column: "id" | "reportingUnit",
  matches: (value: string) => boolean
): string | null {
  for (const row of c.content.tables?.[table] ?? []) {
    const value = (row as Record<string, unknown>)[column];
    if (typeof value === "string" && matches(value)) return value;
  }
  return null;
}

/** For units that are themselves consolidations (nämnder under a kommunstyrelse), or "". */
function nestedText(c: Consolidation): string {
  const nested = c.units.filter((u) => u.consolidated);
  if (nested.length === 0) return "";
  const [first] = nested;
  const files = nested.map((u) => u.file);
  const list =
    files.length === 1 ? files[0] : `${files.slice(0, -1).join(", ")} och ${files.at(-1)}`;
  const unit = example(
    c,
    "operatingStatement",
    "reportingUnit",
    (v) => readReportingUnit(v).nämnd === first.name
  );
  const id = example(c, "risks", "id", (v) => v.startsWith(`${first.code}-`));
  return (
    ` ${list} ${files.length === 1 ? "är en sammanställning" : "är sammanställningar"}: ` +
    "deras rader behåller sin enhet efter nämndens namn i Rapporterande enhet" +
    (unit ? ` (t.ex. ${unit})` : "") +
    ", och deras ID:n får nämndens kod före enhetens" +
    (id ? ` (t.ex. ${id}).` : ".")
  );
}

/**
 * Units entered in another Enhet than the consolidation's, converted to it (consolidate.ts):
 * " Beloppen från B.xlsx (tkr) är omräknade till mnkr, Enhet i A.xlsx.", or "".
 */
export function conversionText(c: Consolidation): string {
  const converted = c.units.filter((u) => u.convertedFrom !== null);
  if (converted.length === 0) return "";
  const files = converted.map((u) => `${u.file} (${u.convertedFrom})`);
  const list =
    files.length === 1 ? files[0] : `${files.slice(0, -1).join(", ")} och ${files.at(-1)}`;
  return ` Beloppen från ${list} är omräknade till ${c.unit}, Enhet i ${c.settingsFile}.`;
}

/** " Rapportenhet tkr kommer från A.xlsx." when the settings file chose one, or "". */
function reportUnitText(c: Consolidation): string {
  const reportUnit = c.content.settings?.reportUnit;
  return typeof reportUnit === "string" && reportUnit !== ""
    ? ` Rapportenhet ${reportUnit} kommer från ${c.settingsFile}.`
    : "";
}

/** Where Organisation, the thresholds and Rapportenhet came from. */
export function sourcesText(c: Consolidation): string {
  const organisation = c.organisationGiven
    ? "Organisation är angiven vid sammanställningen."
    : `Organisation kommer från ${c.units[0].file}.`;
  return (
    `${organisation} Gränserna för väsentlig avvikelse och bedömningen av intern kontroll kommer ` +
    `från ${c.settingsFile}.${reportUnitText(c)}${conversionText(c)} Risk-, åtgärds- och kontroll-ID har fått enhetens kod först (t.ex. ` +
    `${example(c, "risks", "id", () => true) ?? `${c.units[0].code}-R1`}); resultaträkningen är ` +
    "summerad per post, övriga tabeller har en rad per enhet och rad med enheten i kolumnen " +
    `Rapporterande enhet.${nestedText(c)} Arbetsboken antecknar vilka enheter den är gjord av, ` +
    "så en senare sammanställning som får både den och någon av enheterna vägrar i stället för " +
    "att räkna enheten två gånger."
  );
}

/** Where the unit's name came from when it was not its Rapporterande enhet, or null. */
export function nameNote(unit: UnitSummary): string | null {
  if (unit.nameFrom === "file") return "Rapporterande enhet saknas; filnamnet används.";
  if (unit.nameFrom === "organisation")
    return "Sammanställning utan Rapporterande enhet; dess Organisation används.";
  return null;
}

/**
 * "Enhet tkr omräknad till mnkr" for a unit entered in another Enhet than the consolidation's
 * (`to`), or null.
 */
export function conversionNote(unit: UnitSummary, to: string | null): string | null {
  return unit.convertedFrom === null || to === null
    ? null
    : `Enhet ${unit.convertedFrom} omräknad till ${to}`;
}

/** What the controller should know about one unit's row in a consolidation in `to`, or null. */
export function unitNote(unit: UnitSummary, to: string): string | null {
  const conversion = conversionNote(unit, to);
  const notes = [
    ...[nameNote(unit)].filter((note) => note !== null),
    ...(unit.codeDerived ? [`Enhetskod saknas; koden ${unit.code} är härledd ur namnet.`] : []),
    ...(conversion !== null ? [`${conversion}.`] : []),
    ...(unit.changedAfterReady
      ? ["Ändrad efter klarmarkering: enheten ska kontrollera ändringen och klarmarkera igen."]
      : unit.readyMark !== "Ja"
        ? ["Inte klarmarkerad."]
        : []),
    ...(unit.fel > 0 ? ["Har fel: validera filen och rätta dem."] : []),
  ];
  return notes.length > 0 ? notes.join(" ") : null;
}

/** Budget helår, the year's figure (prognos, at Helår utfall) and their avvikelse over all units. */
export function consolidationTotals(consolidation: Consolidation): string {
  const { units, content } = consolidation;
  const unit = typeof content.settings?.unit === "string" ? content.settings.unit : null;
  const period = (content.settings?.period ?? null) as Period | null;
  const sum = (of: (u: UnitSummary) => number | null) =>
    formatAmountWithUnit(
      units.reduce((total, u) => total + (of(u) ?? 0), 0),
      unit
    );
  return (
    `Budget helår ${sum((u) => u.budget)}, ${yearEndName(yearEndBasis(period))} ` +
    `${sum((u) => u.yearEnd)}, ` +
    `avvikelse ${sum((u) => u.deviation)}.` +
    conversionText(consolidation)
  );
}
