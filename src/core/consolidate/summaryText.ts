/** The sentences of the Sammanställning sheet. */
import { formatAmountWithUnit } from "../format";
import { yearEndName } from "../report/titles";
import { yearEndBasis } from "../rollup/yearEnd";
import type { Period } from "../template/lists";
import { capitalize, countPhrase } from "../text/swedishWords";
import type { Consolidation, UnitSummary } from "./consolidate";

/** "Tre enheter är sammanställda, två av dem klarmarkerade. En fil kunde inte användas." */
export function unitsText({ units, unusable }: Consolidation): string {
  const ready = units.filter((u) => u.readyMark === "Ja").length;
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

/** Where Organisation and the thresholds came from. */
export function sourcesText(c: Consolidation): string {
  const organisation = c.organisationGiven
    ? "Organisation är angiven vid sammanställningen."
    : `Organisation kommer från ${c.units[0].file}.`;
  return (
    `${organisation} Gränserna för väsentlig avvikelse och bedömningen av intern kontroll kommer ` +
    `från ${c.settingsFile}. Risk-, åtgärds- och kontroll-ID har fått enhetens kod först (t.ex. ` +
    `${c.units[0].code}-R1); resultaträkningen är summerad per post, övriga tabeller har en rad ` +
    "per enhet och rad med enheten i kolumnen Rapporterande enhet."
  );
}

/** What the controller should know about one unit's row, or null. */
export function unitNote(unit: UnitSummary): string | null {
  const notes = [
    ...(unit.nameFromFile ? ["Rapporterande enhet saknas; filnamnet används."] : []),
    ...(unit.codeDerived ? [`Enhetskod saknas; koden ${unit.code} är härledd ur namnet.`] : []),
    ...(unit.readyMark !== "Ja" ? ["Inte klarmarkerad."] : []),
    ...(unit.fel > 0 ? ["Har fel: validera filen och rätta dem."] : []),
  ];
  return notes.length > 0 ? notes.join(" ") : null;
}

/** Budget helår, the year's figure (prognos, at Helår utfall) and their avvikelse over all units. */
export function consolidationTotals({ units, content }: Consolidation): string {
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
    `avvikelse ${sum((u) => u.deviation)}.`
  );
}
