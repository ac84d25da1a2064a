/**
 * `tertial klarmarkera <fil.xlsx> --av "…" -o <ut.xlsx> [--force]`: validates the workbook and,
 * when it has no fel, writes a copy with Klarmarkerad Ja, Klarmarkerad av, today's date and the
 * seal of its data (Klarmarkerad kontrollsumma); nothing else of the package changes
 * (src/xlsx/seal/). The input is only read. A workbook with fel is refused (exit 1), one without
 * the seal's row (made before template v3) too (exit 2); nothing is written then.
 */
import path from "node:path";
import { readyMarkSentence } from "../core/seal/readyMark";
import { severityCount } from "../core/text/findingCounts";
import { calendarDay } from "../core/validate";
import { markedBytes } from "../xlsx/seal/markedWorkbook";
import { prepareOutput } from "./outputFile";
import { readWorkbookWithBytes, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface MarkReadyOptions {
  /** Klarmarkerad av: who marks the workbook ready. */
  readonly av: string;
  /** Where to write the marked copy (.xlsx). */
  readonly output: string;
  /** Replace an existing file. */
  readonly force?: boolean;
}

export async function markReadyCommand(file: string, options: MarkReadyOptions): Promise<number> {
  // Checked before any work, so a refused target is said at once.
  const write = await prepareOutput({
    target: options.output,
    extension: ".xlsx",
    exampleName: "klarmarkerad.xlsx",
    force: options.force,
    input: { file, what: "den klarmarkerade arbetsboken" },
  });
  const input = await readWorkbookWithBytes(file);
  const name = path.basename(file);
  const result = await step(`Klarmarkerar ${name}`, () =>
    markedBytes(input.bytes, input.snapshot, options.av, calendarDay(new Date()))
  );
  if (result.kind === "refused") {
    const how = result.fel > 0 ? ` tertial validera ${name} visar var de finns.` : "";
    process.stderr.write(forTerminal(`Fel: ${result.message}${how} Ingen fil skrevs.\n`));
    return result.fel > 0 ? EXIT_FINDINGS : EXIT_UNUSABLE;
  }
  await step(`Skriver ${path.basename(options.output)}`, () => write(result.bytes));
  const remaining =
    result.varningar > 0 ? ` ${severityCount("varning", result.varningar)} finns kvar.` : "";
  process.stdout.write(
    forTerminal(
      `Skrev ${options.output}: ${readyMarkSentence(name, result.values)}${remaining} ` +
        `${name} ändrades inte.\n`
    )
  );
  return EXIT_OK;
}
