/** The sentences about the workbook's findings: Kontrollresultat's summary and the draft banner. */
import { countPhrase } from "../text/swedishWords";

/** "ett fel", "åtta fel": fel is neuter and the same in the plural. */
function felCount(n: number): string {
  return countPhrase(n, "fel", "fel", "neuter");
}

/** Kontrollresultat's opening: what the check found, and what to do about it. */
export function findingsSummary(fel: number, varning: number, fileName: string): string {
  if (fel + varning === 0) return `Kontrollen av ${fileName} hittade inga fel och inga varningar.`;
  const counts = `${felCount(fel)} och ${countPhrase(varning, "varning", "varningar")}`;
  const advice =
    fel > 0
      ? `Rätta ${fel === 1 ? "felet" : "felen"} i arbetsboken och generera rapporten igen: siffror ` +
        "och texter från celler med fel kan vara ofullständiga i rapporten."
      : `${varning === 1 ? "Varningen hindrar" : "Varningarna hindrar"} inte rapporten men bör ses över.`;
  return `Kontrollen av ${fileName} hittade ${counts}. ${advice}`;
}

/**
 * The banner at the top of every sheet of a draft: "UTKAST – arbetsboken har ett fel; se
 * Kontrollresultat". Kontrollresultat itself points at its own list.
 */
export function draftBanner(fel: number, onFindingsSheet: boolean): string {
  return `UTKAST – arbetsboken har ${felCount(fel)}; se ${onFindingsSheet ? "listan nedan" : "Kontrollresultat"}.`;
}
