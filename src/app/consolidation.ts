/**
 * Sammanställ, a workbook operation (operation.ts): the units' workbooks the user picked → one new
 * nämnd workbook, delivered (opened in Excel, downloaded in browser mode), with the per-unit
 * result; or the refusal with the files that could not be used. The files are only read.
 */
import type { Consolidation, UnusableFile } from "../core/consolidate/consolidate";
import type { UnusableWorkbookError } from "../core/errors";
import { calendarDay } from "../core/validate";
import { consolidatedFileName } from "./consolidationView";
import type { ConsolidateInput, Delivered, Operations, OperationWords } from "./operation";

export const CONSOLIDATE_WORDS: OperationWords = {
  name: "Sammanställ",
  withoutExcel: (pageUrl) =>
    `Sammanställ i webbläsaren i stället: öppna ${pageUrl}, välj enheternas arbetsböcker där och ` +
    "välj Sammanställ, så laddas den sammanställda arbetsboken ned.",
  openFailed:
    "Excel kunde inte öppna den sammanställda arbetsboken. Välj Sammanställ igen om en stund.",
};

export type ConsolidationOutcome =
  | { readonly consolidation: Consolidation; readonly delivered: Delivered }
  /** Made, but not delivered: the user chose other files meanwhile. */
  | { readonly consolidation: Consolidation; readonly delivered: null }
  | { readonly refused: UnusableWorkbookError; readonly unusable: readonly UnusableFile[] };

export type ConsolidateRequest = Omit<ConsolidateInput, "today"> & {
  /** The day the units are validated as of; defaults to today. */
  readonly today?: Date;
  /** False once the result is stale: it is then not delivered. */
  readonly wanted?: () => boolean;
};

/**
 * Checks first that the host can deliver (an old Excel hears it before any file is read), makes
 * the workbook, and delivers it while still wanted. A failure after the consolidation was made
 * (Excel refusing to open it) throws a `ConsolidationFailure` that keeps the per-unit result.
 */
export async function consolidateUnits(
  operations: Operations,
  request: ConsolidateRequest
): Promise<ConsolidationOutcome> {
  operations.delivery.ready(CONSOLIDATE_WORDS);
  const made = await operations.engine.consolidate({
    ...request,
    today: request.today ?? calendarDay(new Date()),
  });
  if ("refused" in made) return made;
  const { consolidation } = made;
  if (request.wanted && !request.wanted()) return { consolidation, delivered: null };
  try {
    const delivered = await operations.delivery.deliver(
      { fileName: consolidatedFileName(consolidation), bytes: made.bytes, type: "xlsx" },
      CONSOLIDATE_WORDS
    );
    return { consolidation, delivered };
  } catch (error) {
    throw new ConsolidationFailure(error, consolidation);
  }
}

/** Made but not delivered: the cause, and what was read. */
export class ConsolidationFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly consolidation: Consolidation
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "ConsolidationFailure";
  }
}
