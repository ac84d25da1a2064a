/** The server behind `npm run serve` and the e2e tests, on a folder of its own. */
import { promises as fs } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { HEADER_POLICY } from "../../scripts/contentSecurityPolicy";
import { serveDirectory, type StaticServer } from "../../scripts/staticServer";

let root: string;
let outside: string;
let server: StaticServer;

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-serve-"));
  root = path.join(dir, "site");
  outside = path.join(dir, "secret.txt");
  await fs.mkdir(path.join(root, "assets"), { recursive: true });
  await fs.writeFile(path.join(root, "taskpane.html"), "<!doctype html><title>Tertial</title>");
  await fs.writeFile(path.join(root, "exceljs.js"), "console.log('åäö');");
  await fs.writeFile(path.join(root, "assets", "icon-32.png"), Buffer.from([0x89, 0x50]));
  await fs.writeFile(outside, "not for the browser");
  // Links inside the folder: one out of it, one to a file within it.
  await fs.symlink(outside, path.join(root, "secret.txt"));
  await fs.symlink(path.dirname(root), path.join(root, "up"));
  await fs.symlink(path.join(root, "exceljs.js"), path.join(root, "alias.js"));
  server = await serveDirectory(root, 0);
});

afterAll(async () => {
  await server.close();
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

const get = (urlPath: string, init?: RequestInit) => fetch(new URL(urlPath, server.url), init);

it("listens on the loopback address only", () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

it("serves the task pane at / and each file with its type, revalidated on every load", async () => {
  const page = await get("/");
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(page.headers.get("cache-control")).toBe("no-cache");
  expect(await page.text()).toContain("<title>Tertial</title>");

  const script = await get("/exceljs.js");
  expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(await script.text()).toBe("console.log('åäö');");
  const icon = await get("/assets/icon-32.png");
  expect(icon.headers.get("content-type")).toBe("image/png");
  expect([...new Uint8Array(await icon.arrayBuffer())]).toEqual([0x89, 0x50]);
});

/**
 * A GET with the path exactly as given (fetch would resolve the dots before sending) and the Host
 * header given, by default the server's own.
 */
function rawGet(rawPath: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath, headers: host ? { host } : {} }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

it("answers 404 for what is missing, a folder, or a path out of the folder", async () => {
  for (const rawPath of ["/../secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt"]) {
    const response = await rawGet(rawPath);
    expect({ rawPath, status: response.status }).toEqual({ rawPath, status: 404 });
    expect(response.body).not.toContain("not for the browser");
  }
  for (const urlPath of ["/saknas.js", "/assets"]) {
    const response = await get(urlPath);
    expect({ urlPath, status: response.status }).toEqual({ urlPath, status: 404 });
    expect(await response.text()).not.toContain("not for the browser");
  }
});

it("takes no uploads: anything but GET and HEAD is refused", async () => {
  const response = await get("/taskpane.html", { method: "POST", body: "data" });
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("GET, HEAD");
  const head = await get("/taskpane.html", { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe("");
});

it("does not follow a symlink out of its folder, but serves one that stays inside", async () => {
  for (const rawPath of ["/secret.txt", "/up/secret.txt"]) {
    const response = await rawGet(rawPath);
    expect({ rawPath, status: response.status }).toEqual({ rawPath, status: 404 });
    expect(response.body).not.toContain("not for the browser");
  }
  const alias = await get("/alias.js");
  expect(alias.status).toBe(200);
  expect(await alias.text()).toBe("console.log('åäö');");
});

it("answers only requests addressed to localhost or 127.0.0.1 on its own port", async () => {
  const { port } = new URL(server.url);
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
    const response = await rawGet("/taskpane.html", host);
    expect({ host, status: response.status }).toEqual({ host, status: 200 });
  }
  const foreign = [
    "evil.example",
    `evil.example:${port}`,
    "localhost",
    `localhost:${Number(port) + 1}`,
  ];
  for (const host of foreign) {
    const response = await rawGet("/taskpane.html", host);
    expect({ host, status: response.status }).toEqual({ host, status: 421 });
    expect(response.body).not.toContain("<title>Tertial</title>");
  }
});

it("sends the page's Content-Security-Policy, with frame-ancestors, on HTML", async () => {
  const page = await get("/");
  expect(page.headers.get("content-security-policy")).toBe(HEADER_POLICY);
  expect(HEADER_POLICY).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
  expect(HEADER_POLICY).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
});
