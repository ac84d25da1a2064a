/**
 * How the `tertial` process meets its surroundings: signals and closed output streams.
 * - Ctrl+C (SIGINT) or SIGTERM while a file is being written removes the temporary file before
 *   the process exits, with the shell's usual codes 130 and 143; no half file is ever left.
 * - A reader that stops early (`tertial validera x.xlsx | head -1`) closes the pipe: the rest of
 *   the output is dropped quietly instead of ending in a stack trace, and the exit code still
 *   tells whether the workbook had fel.
 */
import { removePendingTempFiles } from "../xlsx/writeAtomic";

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function dropOutputOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}

export function guardProcess(): void {
  for (const [signal, exitCode] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      removePendingTempFiles();
      process.stderr.write("\nAvbrutet.\n");
      process.exit(exitCode);
    });
  }
  dropOutputOnClosedPipe(process.stdout);
  dropOutputOnClosedPipe(process.stderr);
}
