/**
 * The ribbon's Generera rapport, without Office globals: run the whole pipeline, bring the first
 * report sheet to the front, and leave the outcome (or the Swedish error) where the pane and the
 * outcome dialog read it.
 */
import type { AppHost } from "../app/appHost";
import { userMessage } from "../app/errorMessage";
import { saveOutcome, type StoredOutcome } from "../app/storedOutcome";
import { generateWorkbookReport } from "../app/workflow";

export interface RibbonGenerateDeps {
  readonly host: AppHost;
  readonly storage: Pick<Storage, "getItem" | "setItem">;
  readonly documentUrl: string;
  readonly now: () => Date;
}

export async function ribbonGenerate(deps: RibbonGenerateDeps): Promise<StoredOutcome> {
  let outcome: StoredOutcome;
  try {
    const generated = await generateWorkbookReport(deps.host, () => undefined);
    outcome = {
      kind: "generated",
      finishedAt: deps.now().toISOString(),
      header: generated.header,
      sheetNames: generated.sheetNames,
      summary: generated.summary,
      counts: generated.counts,
    };
  } catch (error) {
    outcome = { kind: "failed", finishedAt: deps.now().toISOString(), message: userMessage(error) };
  }
  saveOutcome(deps.storage, deps.documentUrl, outcome);
  const first = outcome.kind === "generated" ? outcome.sheetNames[0] : undefined;
  // Bringing the report to the front is a courtesy: the report is written whether or not it works.
  if (first && deps.host.showSheet) await deps.host.showSheet(first).catch(() => undefined);
  return outcome;
}
