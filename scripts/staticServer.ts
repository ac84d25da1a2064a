/**
 * A small static file server for the built task pane (dist/addin/): `npm run serve` and the
 * end-to-end tests use it. Loopback only, GET and HEAD only, nothing outside the folder (not even
 * through a symlink), and only for requests addressed to localhost: a page elsewhere that points
 * its own name at 127.0.0.1 (DNS rebinding) gets nothing.
 */
import { promises as fs } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { HEADER_POLICY } from "./contentSecurityPolicy";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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

/** Whether `file` lies inside `root` (both absolute and resolved). */
function isInside(root: string, file: string): boolean {
  const inside = path.relative(root, file);
  return inside !== "" && !inside.startsWith("..") && !path.isAbsolute(inside);
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
  return isInside(root, file) ? file : null;
}

/** The file's bytes if it really lies inside root once symlinks are followed; null otherwise. */
async function readInside(realRoot: string, file: string): Promise<Buffer | null> {
  try {
    const real = await fs.realpath(file);
    return isInside(realRoot, real) ? await fs.readFile(real) : null;
  } catch {
    return null;
  }
}

/** `localhost:<port>` or `127.0.0.1:<port>`: what a browser on this machine sends as Host. */
function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `localhost:${port}` || host === `127.0.0.1:${port}`;
}

async function handle(
  realRoot: string,
  port: number,
  request: IncomingMessage,
  response: ServerResponse
) {
  if (!isLocalHost(request.headers.host, port)) {
    // 421 Misdirected Request: this server answers only for localhost.
    send(response, 421, "Servern svarar bara på localhost.");
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    send(response, 405, "Bara GET och HEAD.");
    return;
  }
  const file = fileFor(realRoot, request.url ?? "/");
  const body = file && (await readInside(realRoot, file));
  if (!file || !body) {
    send(response, 404, "Finns inte.");
    return;
  }
  const type = path.extname(file);
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[type] ?? "application/octet-stream",
    "Content-Length": body.length,
    // Revalidate every time: after `npm run build` the page must not mix old and new chunks.
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...(type === ".html" ? { "Content-Security-Policy": HEADER_POLICY } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** Serves root on 127.0.0.1; port 0 picks a free port (see `url`). */
export async function serveDirectory(root: string, port: number): Promise<StaticServer> {
  const realRoot = await fs.realpath(root);
  let bound = port;
  const server = createServer((request, response) => {
    handle(realRoot, bound, request, response).catch(() => send(response, 500, "Serverfel."));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      bound = (server.address() as AddressInfo).port;
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
