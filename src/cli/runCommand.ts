/**
 * Runs a command and turns its outcome into an exit code, in one place: 0 checked without fel,
 * 1 fel found, 2 unusable input, a refused or failed output file, or a usage error (main.ts).
 */
import { UnusableWorkbookError } from "../core/errors";
import { OutputFileError } from "./outputFile";
import { forTerminal } from "./terminalText";
import { cliAdvice } from "./unusableAdvice";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export async function runCommand(command: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof UnusableWorkbookError) {
      process.stderr.write(`Fel: ${forTerminal(error.message + cliAdvice(error))}\n`);
    } else if (error instanceof OutputFileError) {
      process.stderr.write(`Fel: ${forTerminal(error.message)}\n`);
    } else {
      process.stderr.write(
        "Internt fel i Tertial: arbetet avbröts och ingen fil skrevs. " +
          "Kör igen med TERTIAL_DEBUG=1 och skicka utskriften till förvaltaren av Tertial.\n"
      );
      if (process.env.TERTIAL_DEBUG)
        process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = EXIT_UNUSABLE;
  }
}
