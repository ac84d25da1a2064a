/** `npm run validate` (scripts/validate-manifest.ts): which check ran, and what it concluded. */
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  checkOnline,
  checkSchema,
  summarise,
  type CheckResult,
} from "../../scripts/validate-manifest";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCRIPT = path.join(ROOT, "scripts", "validate-manifest.ts");
/** Beside the project as in CI, or one level further up as in a worktree checkout. */
const SCHEMA_DIR = [
  path.join(ROOT, "..", "shared", "schemas", "office-addin-manifest"),
  path.join(ROOT, "..", "..", "shared", "schemas", "office-addin-manifest"),
].find((dir) => existsSync(path.join(dir, "OfficeAppManifestV1_1.xsd")));

let tmp: string;
let broken: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-manifest-"));
  broken = path.join(tmp, "manifest.xml");
  // An element the schema does not allow where it stands: well-formed, but not a valid manifest.
  const text = await fs.readFile(MANIFEST, "utf8");
  await fs.writeFile(
    broken,
    text.replace("<DefaultLocale>sv-SE</DefaultLocale>", "<Standardsprak>sv-SE</Standardsprak>")
  );
});

afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

/** Runs the script as `npm run validate` does (tsx), without the network. */
function runScript(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, "--offline", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

if (!SCHEMA_DIR) {
  console.warn(
    "validateManifest.test.ts: SKIPPED the schema-present cases: ../shared/schemas/office-addin-manifest/ " +
      "is not beside the project (CI has it)."
  );
}
(SCHEMA_DIR ? describe : describe.skip)("with the add-in manifest schemas", () => {
  const schemas = SCHEMA_DIR!;

  it("passes manifest.xml", async () => {
    await expect(checkSchema(MANIFEST, schemas, 30_000)).resolves.toEqual({ status: "passed" });
  });

  it("fails a broken copy, naming what is wrong, and exits non-zero", async () => {
    const outcome = await checkSchema(broken, schemas, 30_000);
    expect(outcome.status).toBe("failed");
    expect(outcome.detail).toMatch(/Standardsprak/);

    const { code, out } = runScript(broken, "--schemas", schemas);
    expect(code).toBe(1);
    expect(out).toMatch(/Offline XSD check \(xmllint\): FAILED/);
    expect(out).toMatch(/is NOT valid/);
  });

  it("says which check ran when the manifest passes", () => {
    const { code, out } = runScript(MANIFEST, "--schemas", schemas);
    expect(code).toBe(0);
    expect(out).toMatch(/Microsoft validation service .*: could not run: skipped \(--offline\)/);
    expect(out).toMatch(/Offline XSD check \(xmllint\): passed/);
    expect(out).toMatch(/manifest\.xml is valid \(Offline XSD check \(xmllint\)\)\./);
  });
});

describe("without the schemas", () => {
  it("says the offline check could not run, and that nothing was validated", async () => {
    const missing = path.join(tmp, "inga-scheman");
    const outcome = await checkSchema(MANIFEST, missing, 30_000);
    expect(outcome.status).toBe("unavailable");

    const { code, out } = runScript(MANIFEST, "--schemas", missing);
    expect(code).toBe(0);
    expect(out).toMatch(/Offline XSD check \(xmllint\): could not run: no schemas in /);
    expect(out).toMatch(/manifest\.xml was NOT validated: neither check could run/);
  });
});

describe("Microsoft's validation service (office-addin-manifest validate)", () => {
  // Stand-ins for the validator's command line, each saying what the real one says.
  const says = (script: string) => [process.execPath, "-e", script];

  it("takes the validator's verdict", async () => {
    await expect(
      checkOnline(says("console.log('The manifest is valid.')"), 10_000)
    ).resolves.toEqual({ status: "passed" });
    const invalid = await checkOnline(
      says(
        "console.log('Error #1: Unknown element.\\nThe manifest is not valid.'); process.exit(1)"
      ),
      10_000
    );
    expect(invalid).toEqual({
      status: "failed",
      detail: "Error #1: Unknown element.\nThe manifest is not valid.",
    });
  });

  it("reports no network, a service error or no answer as could not run, quickly", async () => {
    const offline = await checkOnline(
      says(
        "console.error('Error: Unable to contact the manifest validation service.\\nFetchError: getaddrinfo ENOTFOUND'); process.exit(1)"
      ),
      10_000
    );
    expect(offline).toEqual({
      status: "unavailable",
      detail:
        "Error: Unable to contact the manifest validation service. / FetchError: getaddrinfo ENOTFOUND",
    });
    const serviceError = await checkOnline(
      says("console.log('Unable to validate the manifest.\\n503\\nService Unavailable')"),
      10_000
    );
    expect(serviceError.status).toBe("unavailable");

    const started = Date.now();
    const hanging = await checkOnline(says("setTimeout(() => undefined, 60000)"), 300);
    expect(hanging).toEqual({ status: "unavailable", detail: "no answer within 0.3 s" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("the summary", () => {
  const result = (name: string, outcome: CheckResult["outcome"]): CheckResult => ({
    name,
    outcome,
  });

  it("fails when any check that ran failed, even if another passed", () => {
    const { text, exitCode } = summarise(MANIFEST, [
      result("A", { status: "passed" }),
      result("B", { status: "failed", detail: "element X not expected" }),
    ]);
    expect(exitCode).toBe(1);
    expect(text).toContain("  B: FAILED: element X not expected");
    expect(text).toContain("manifest.xml is NOT valid (B).");
  });
});
