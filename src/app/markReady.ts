/**
 * Klarmarkera in the pane: the open workbook validated and, free of fel, marked ready with the
 * seal of its data (src/core/seal/). In Excel the four ready-mark cells of the open workbook are
 * written (`Operations.writeReadyMark`) and read back; in browser mode, where the workbook is a
 * file, its marked copy is made by the shared path `tertial klarmarkera` uses and downloaded.
 */
import { analyse } from "../core/pipeline";
import { decideReadyMark, readyMarkSentence, type ReadyMarkValues } from "../core/seal/readyMark";
import { sealDigest } from "../core/seal/sealDigest";
import { severityCount } from "../core/text/findingCounts";
import { HostError, type AppHost } from "./appHost";
import { savedFileWords, type Delivered, type Operations } from "./operation";
import type { MarkReadyStep } from "./progress";

export const MARK_READY_WORDS = savedFileWords(
  "Klarmarkera",
  "klarmarkera",
  'npx tertial klarmarkera <fil.xlsx> --av "namn" -o <ut.xlsx>',
  "Den klarmarkerade arbetsboken kunde inte lämnas ut. Välj Klarmarkera igen."
);

/** `Äldreomsorg T2.xlsx` → `Äldreomsorg T2-klarmarkerad.xlsx`: the copy browser mode downloads. */
export function markedFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, "")}-klarmarkerad.xlsx`;
}

/** Said beside the button: what Klarmarkera writes, and where. */
export function markReadyNote(operations: Operations): string {
  return operations.writeReadyMark
    ? "Klarmarkera kontrollerar arbetsboken och, om den saknar fel, skriver Klarmarkerad Ja, ditt " +
        "namn, dagens datum och en kontrollsumma av uppgifterna på bladet Inställningar. Inget " +
        "annat ändras. Ändras uppgifterna efteråt visar Validera och Sammanställ det."
    : `Klarmarkera kontrollerar ${operations.savedFile ?? "filen"} som den är sparad och, om den ` +
        "saknar fel, laddar ned en kopia med Klarmarkerad Ja, ditt namn, dagens datum och en " +
        "kontrollsumma av uppgifterna. Filen du öppnade ändras inte.";
}

export type MarkReadyOutcome =
  | {
      readonly kind: "marked";
      readonly from: string;
      readonly values: ReadyMarkValues;
      readonly varningar: number;
      /** The downloaded copy (browser mode); null where the open workbook was marked (Excel). */
      readonly delivered: Delivered | null;
    }
  | { readonly kind: "refused"; readonly message: string };

/** A refusal as the pane says it: with fel, where to see them. */
const refused = ({ message, fel }: { message: string; fel: number }): MarkReadyOutcome => ({
  kind: "refused",
  message: fel > 0 ? `${message} Validera visar var de finns.` : message,
});

export type OnMarkReadyStep = (step: MarkReadyStep) => void;

/** Klarmarkera the host's open workbook, by `by` on `today`. */
export async function markReady(
  host: AppHost,
  by: string,
  today: Date,
  onStep: OnMarkReadyStep
): Promise<MarkReadyOutcome> {
  const operations = host.operations;
  if (!operations) throw new Error("Klarmarkera needs the workbook operations");
  const { writeReadyMark } = operations;
  onStep("read");
  if (writeReadyMark) {
    const snapshot = await host.readSnapshot();
    onStep("check");
    const decision = decideReadyMark(analyse(snapshot, { today }), by, today);
    if (decision.kind === "refused") return refused(decision);
    onStep("markCells");
    await writeReadyMark.call(operations, decision.cells, decision.values);
    // What Excel now holds must be what was sealed (nothing changed between read and write).
    const back = analyse(await host.readSnapshot(), { today });
    if (sealDigest(back.model) !== decision.values.readyDigest) {
      throw new HostError(
        "Arbetsboken ändrades medan Tertial klarmarkerade den, så kontrollsumman stämmer inte. " +
          "Välj Klarmarkera igen."
      );
    }
    const { values, varningar } = decision;
    return { kind: "marked", from: snapshot.fileName, values, varningar, delivered: null };
  }
  const { delivery, readOpenWorkbook } = operations;
  if (!readOpenWorkbook) throw new Error("Klarmarkera needs an open workbook");
  delivery.ready(MARK_READY_WORDS);
  const workbook = await readOpenWorkbook(MARK_READY_WORDS);
  onStep("check");
  const copy = await operations.engine.markReady(workbook, by, today);
  if (copy.kind === "refused") return refused(copy);
  onStep("download");
  const delivered = await delivery.deliver(
    { fileName: markedFileName(workbook.fileName), bytes: copy.bytes, type: "xlsx" },
    MARK_READY_WORDS
  );
  const { values, varningar } = copy;
  return { kind: "marked", from: workbook.fileName, values, varningar, delivered };
}

/** What the pane says once the workbook is marked. */
export function markReadyMessage(
  outcome: Extract<MarkReadyOutcome, { kind: "marked" }>
): readonly string[] {
  const { from, values, varningar, delivered } = outcome;
  return [
    readyMarkSentence(from, values),
    ...(varningar > 0
      ? [`${severityCount("varning", varningar)} finns kvar; de hindrar inte.`]
      : []),
    delivered === null
      ? "Spara arbetsboken. Ändras uppgifterna efter det visar Validera och Sammanställ att den är ändrad efter klarmarkering."
      : `Den klarmarkerade kopian laddas ned som ${delivered.fileName} (oftast till mappen ` +
        `Hämtade filer): lämna in den. ${from} ändrades inte.`,
  ];
}
