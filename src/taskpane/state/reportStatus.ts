/**
 * How the pane words a generated report: finished, or a draft while the workbook has fel. The
 * core marks such a report UTKAST; until its report result carries that flag the count of fel
 * decides here, which is the same condition.
 */
import type { Severity } from "../../core/findings";
import { severityCount } from "../../core/text/findingCounts";

export interface ReportStatus {
  readonly draft: boolean;
  /** `Rapporten är klar`, `Rapporten är skapad som utkast`. */
  readonly title: string;
  /** For a draft: how many fel, where they are listed, and what makes the report finished. */
  readonly detail: string | null;
}

/** `listedIn` ends the sentence `… fel, som listas <listedIn>.`, e.g. `på bladet Kontrollresultat`. */
export function reportStatus(
  counts: Readonly<Record<Severity, number>>,
  listedIn: string
): ReportStatus {
  if (counts.fel === 0) return { draft: false, title: "Rapporten är klar", detail: null };
  return {
    draft: true,
    title: "Rapporten är skapad som utkast",
    detail:
      `Kontrollen hittade ${severityCount("fel", counts.fel)}, som listas ${listedIn}. ` +
      "Rätta felen och generera rapporten igen för att få en färdig rapport.",
  };
}
