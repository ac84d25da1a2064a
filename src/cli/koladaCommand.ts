/**
 * `tertial kolada <arbetsbok.xlsx> <kolada.json…> [-o ut.xlsx] [-f]`: fills Utfall and Utfall fg år
 * of the indicators whose Källa is `Kolada:<KPI-id>` from saved Kolada API responses, in a NEW
 * workbook (an edited copy of the input's package); the input is only read and no network is
 * used. Exit 0 when every Kolada cell was filled, 1 when any is named as not filled, 2 when
 * nothing was written.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  koladaFileName,
  notFilledLines,
  planKoladaFill,
  replacedLines,
  type KoladaFill,
} from "../core/kolada/koladaFill";
import {
  readKoladaPage,
  UnreadableKoladaError,
  type KoladaValue,
} from "../core/kolada/koladaResponse";
import { parseModel } from "../core/parse/parseModel";
import { countPhrase } from "../core/text/swedishWords";
import { koladaWorkbookBytes } from "../xlsx/kolada/koladaWorkbook";
import { prepareOutput } from "./outputFile";
import { readWorkbookWithBytes, step } from "./progress";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface KoladaOptions {
  /** Where to write the filled workbook (.xlsx); by default `<namn> Kolada.xlsx` beside the input. */
  readonly output?: string;
  readonly force?: boolean;
}

/** A saved page is a few MB at most (Kolada pages hold 5 000 rows); anything far larger is not one. */
const MAX_KOLADA_FILE_BYTES = 64 * 1024 * 1024;

async function readPages(files: readonly string[]): Promise<KoladaValue[]> {
  const values: KoladaValue[] = [];
  for (const file of files) {
    const name = path.basename(file);
    let text: string;
    try {
      if ((await stat(file)).size > MAX_KOLADA_FILE_BYTES) {
        throw new UnreadableKoladaError(
          `${name} är större än 64 MB och är inget sparat svar från Kolada. Spara en sida i taget.`
        );
      }
      text = await readFile(file, "utf8");
    } catch (error) {
      if (error instanceof UnreadableKoladaError) throw error;
      throw new UnreadableKoladaError(
        `${name} kunde inte läsas (${(error as NodeJS.ErrnoException).code ?? "okänt fel"}). ` +
          "Kontrollera sökvägen till Kolada-filen och försök igen."
      );
    }
    values.push(...readKoladaPage(name, text));
  }
  return values;
}

const warn = (line: string) => process.stderr.write(forTerminal(`Varning: ${line}\n`));

function nothingWritten(file: string, fill: KoladaFill): number {
  const reason =
    fill.notFilled.length === 0
      ? "ingen indikator på bladet Indikatorer har Källa Kolada:<KPI-id> (t.ex. Kolada:N00945)"
      : `Kolada-filerna har inget värde för kommun ${fill.municipality} och indikatorerna med Källa Kolada`;
  process.stderr.write(forTerminal(`Fel: ${path.basename(file)}: ${reason}. Ingen fil skrevs.\n`));
  return EXIT_UNUSABLE;
}

export async function koladaCommand(
  file: string,
  koladaFiles: readonly string[],
  options: KoladaOptions
): Promise<number> {
  const target =
    options.output ?? path.join(path.dirname(file), koladaFileName(path.basename(file)));
  const write = await prepareOutput({
    target,
    extension: ".xlsx",
    exampleName: "med-kolada.xlsx",
    force: options.force,
    input: { file, what: "arbetsboken med Kolada-värden" },
  });
  const values = await readPages(koladaFiles);
  const input = await readWorkbookWithBytes(file);
  const fill = planKoladaFill(parseModel(input.snapshot), values);
  for (const line of notFilledLines(fill)) warn(line);
  if (fill.cells.length === 0) return nothingWritten(file, fill);

  await step(`Skriver ${path.basename(target)}`, async () =>
    write(await koladaWorkbookBytes(input.bytes, fill.cells))
  );
  const filled = fill.cells.filter((c) => c.after !== null).length;
  process.stdout.write(
    forTerminal(
      `Skrev ${target}: ${countPhrase(filled, "värde", "värden", "neuter")} från Kolada för kommun ${fill.municipality} ` +
        `(${fill.year} och ${fill.year - 1}). Källa: Kolada.\n`
    )
  );
  for (const line of replacedLines(fill)) process.stdout.write(forTerminal(`Ersatt: ${line}\n`));
  return fill.notFilled.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
