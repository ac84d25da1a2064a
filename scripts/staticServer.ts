/**
 * A small static file server for the built task pane (dist/addin/): `npm run serve` and the
 * end-to-end tests use it. Loopback only, GET and HEAD only, nothing outside the folder.
 */
import { promises as fs } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** What `/` serves: the task pane, which runs in browser mode outside Office. */
export const START_PAGE = "taskpane.html";

export interface StaticServer {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${text}\n`);
}

/** The file a request path names inside root, or null if it names nothing there. */
function fileFor(root: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0")) return null;
  const file = path.join(root, pathname === "/" ? START_PAGE : pathname);
  const inside = path.relative(root, file);
  return inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? file : null;
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    send(response, 405, "Bara GET och HEAD.");
    return;
  }
  const file = fileFor(root, request.url ?? "/");
  const body = file && (await fs.readFile(file).catch(() => null));
  if (!file || !body) {
    send(response, 404, "Finns inte.");
    return;
  }
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": body.length,
    // Revalidate every time: after `npm run build` the page must not mix old and new chunks.
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** Serves root on 127.0.0.1; port 0 picks a free port (see `url`). */
export function serveDirectory(root: string, port: number): Promise<StaticServer> {
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => send(response, 500, "Serverfel."));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
