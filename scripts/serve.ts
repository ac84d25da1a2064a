/**
 * `npm run serve [-- --port 8080]`: Tertial in the browser, without the add-in. Serves the built
 * task pane (dist/addin/ of `npm run build`) on http://localhost:<port>/; the page reads the
 * workbook the user opens inside the browser and needs no network once loaded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { START_PAGE, serveDirectory } from "./staticServer";

const ROOT = path.resolve(__dirname, "..", "dist", "addin");
const DEFAULT_PORT = 8080;

function portArgument(argv: readonly string[]): number | null {
  const at = argv.indexOf("--port");
  if (at === -1) return DEFAULT_PORT;
  const port = Number(argv[at + 1]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

async function main(): Promise<number> {
  const port = portArgument(process.argv.slice(2));
  if (port === null) {
    process.stderr.write("Fel: ange porten som ett heltal, t.ex. --port 8080.\n");
    return 2;
  }
  if (!existsSync(path.join(ROOT, START_PAGE))) {
    process.stderr.write(
      `Fel: sidan är inte byggd (dist/addin/${START_PAGE} saknas). Kör npm run build först.\n`
    );
    return 2;
  }
  try {
    await serveDirectory(ROOT, port);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    process.stderr.write(
      inUse
        ? `Fel: port ${port} används redan. Välj en annan, t.ex. npm run serve -- --port ${port + 1}.\n`
        : `Fel: servern kunde inte starta (${String(error)}).\n`
    );
    return 2;
  }
  process.stdout.write(
    `Tertial i webbläsaren: http://localhost:${port}/\n` +
      "Arbetsboken du öppnar läses bara i webbläsaren. Avsluta med Ctrl+C.\n"
  );
  return 0;
}

main().then((code) => {
  if (code !== 0) process.exitCode = code;
});
