/** The sentences about the workbook's findings: Kontrollresultat's summary and the draft banner. */
import { findingCountsInWords, severityCountInWords } from "../text/findingCounts";

/** Kontrollresultat's opening: what the check found, and what to do about it. */
export function findingsSummary(fel: number, varning: number, fileName: string): string {
  if (fel + varning === 0) return `Kontrollen av ${fileName} hittade inga fel och inga varningar.`;
  const counts = findingCountsInWords({ fel, varning });
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
  return `UTKAST – arbetsboken har ${severityCountInWords("fel", fel)}; se ${onFindingsSheet ? "listan nedan" : "Kontrollresultat"}.`;
}
