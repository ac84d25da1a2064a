/**
 * manifest.xml: well-formed, valid against the add-in manifest schemas (offline, with xmllint, when
 * ../shared/schemas is beside the project, as in CI), and consistent with the code and the icons.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { GENERATE_REPORT_FUNCTION } from "../src/commands/functionNames";
import { REQUIRED_EXCEL_API } from "../src/excel/requirements";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMA_DIR = path.join(ROOT, "..", "shared", "schemas", "office-addin-manifest");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

function xmllint(args: readonly string[]) {
  const result = spawnSync("xmllint", ["--nonet", ...args], { encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `xmllint is needed (Debian: apt-get install libxml2-utils): ${result.error.message}`
    );
  }
  return result;
}

/** Namespace-agnostic XPath: `el('OfficeApp')/el('DisplayName')`. */
const el = (name: string) => `*[local-name()='${name}']`;

function xpath(expression: string): string {
  const result = xmllint(["--xpath", expression, MANIFEST]);
  if (result.status !== 0) throw new Error(`xpath ${expression}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A bt:ShortStrings / bt:Urls / bt:Images resource by its id. */
function resource(id: string): string {
  return xpath(`string(//${el("Resources")}//*[@id='${id}']/@DefaultValue)`);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    const result = xmllint(["--noout", MANIFEST]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  const schemaPresent = existsSync(SCHEMA);
  if (!schemaPresent) {
    console.warn(
      "manifest.test.ts: SKIPPED schema validation of manifest.xml: ../shared/schemas/office-addin-manifest/ " +
        "is not beside the project (CI has it). Only well-formedness was checked."
    );
  }
  (schemaPresent ? it : it.skip)("validates against the add-in manifest XSD, offline", () => {
    const result = xmllint(["--noout", "--schema", SCHEMA, MANIFEST]);
    expect(result.stderr.trim()).toBe("manifest.xml validates".replace("manifest.xml", MANIFEST));
    expect(result.status).toBe(0);
  });

  it("presents Tertial in Swedish, for Excel, with ReadWriteDocument", () => {
    const app = `/${el("OfficeApp")}`;
    expect(xpath(`string(${app}/${el("DisplayName")}/@DefaultValue)`)).toBe(
      "Tertial – uppföljning och internkontroll"
    );
    expect(xpath(`string(${app}/${el("DefaultLocale")})`)).toBe("sv-SE");
    expect(xpath(`string(${app}/${el("Description")}/@DefaultValue)`)).toMatch(/^Validerar /);
    expect(xpath(`string(${app}/${el("Hosts")}/${el("Host")}/@Name)`)).toBe("Workbook");
    expect(xpath(`string(${app}/${el("Permissions")})`)).toBe("ReadWriteDocument");
    expect(xpath(`string(${app}/${el("SupportUrl")}/@DefaultValue)`)).toBe(`${DEV_URL}hjalp.html`);
  });

  it("declares the ExcelApi version the code checks at runtime", () => {
    expect(xpath(`string(//${el("Set")}[@Name='ExcelApi']/@MinVersion)`)).toBe(REQUIRED_EXCEL_API);
  });

  it("puts a Tertial group with Visa Tertial and Generera rapport on the Home tab", () => {
    const tab = `//${el("OfficeTab")}[@id='TabHome']`;
    expect(resource(xpath(`string(${tab}/${el("Group")}/${el("Label")}/@resid)`))).toBe("Tertial");
    const labels = xpath(`${tab}//${el("Control")}/${el("Label")}/@resid`)
      .split(/\s+/)
      .map((attr) => resource(/resid="([^"]+)"/.exec(attr)![1]));
    expect(labels).toEqual(["Visa Tertial", "Generera rapport"]);
    expect(
      xpath(`string(${tab}//${el("Action")}[@*='ShowTaskpane']/${el("SourceLocation")}/@resid)`)
    ).toBe("Tertial.Taskpane.Url");
    expect(
      xpath(`string(${tab}//${el("Action")}[@*='ExecuteFunction']/${el("FunctionName")})`)
    ).toBe(GENERATE_REPORT_FUNCTION);
    expect(resource("Tertial.Commands.Url")).toBe(`${DEV_URL}commands.html`);
    expect(resource("Tertial.Taskpane.Url")).toBe(`${DEV_URL}taskpane.html`);
  });

  it("points every icon at a PNG in assets/ of the declared size", () => {
    const icons = [
      { url: xpath(`string(/${el("OfficeApp")}/${el("IconUrl")}/@DefaultValue)`), size: 32 },
      {
        url: xpath(`string(/${el("OfficeApp")}/${el("HighResolutionIconUrl")}/@DefaultValue)`),
        size: 64,
      },
      ...xpath(`//${el("Control")}//${el("Image")}/@*`)
        .split(/\s+(?=size=)/)
        .map((pair) => {
          const [, size, id] = /size="(\d+)"\s+resid="([^"]+)"/.exec(pair)!;
          return { url: resource(id), size: Number(size) };
        }),
    ];
    expect(icons.length).toBe(8);
    for (const { url, size } of icons) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(ROOT, "assets", "icon-16.png"))).toEqual({ width: 16, height: 16 });
  });
});
