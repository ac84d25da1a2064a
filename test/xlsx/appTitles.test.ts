/**
 * docProps/app.xml's sheet titles (HeadingPairs, TitlesOfParts) after Ny period upgrades a v2
 * workbook to v3: the real roll of the frozen v2 example, as exceljs wrote it and as Swedish
 * Excel saves it (a names group beside the sheets), read back by an independent reader (Python's
 * zipfile and ElementTree for app.xml, openpyxl for the sheets and names it should list).
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { definedNameTitles, withAddedTitles } from "../../src/xlsx/cycle/appTitles";
import { nextPeriodWorkbook } from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { editPart } from "../helpers/editPackage";

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, "..", "fixtures", "v2");
const EXAMPLE = path.join(FIXTURES, "exempel-2024-T1.xlsx");
const ADDITIONS = path.join(FIXTURES, "T1-tillagg.xlsx");
const APP = "docProps/app.xml";

interface AppTitles {
  /** Heading → its titles, in the order of HeadingPairs. */
  readonly groups: [string, string[]][];
  /** The vectors' size attributes: HeadingPairs', TitlesOfParts'. */
  readonly sizes: [number, number];
  readonly sheets: string[];
  /** The titles Excel gives the workbook's names: global ones as named, print titles `Blad!Print_Titles`. */
  readonly names: string[];
}

const READ = `
import json, sys, zipfile, xml.etree.ElementTree as ET, openpyxl
path = sys.argv[1]
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
root = ET.fromstring(zipfile.ZipFile(path).read("docProps/app.xml"))
pairs_vector = root.find(EP + "HeadingPairs/" + VT + "vector")
titles_vector = root.find(EP + "TitlesOfParts/" + VT + "vector")
values = [variant[0].text for variant in pairs_vector]
titles = [t.text for t in titles_vector]
groups, at = [], 0
for i in range(0, len(values), 2):
    n = int(values[i + 1])
    groups.append([values[i], titles[at:at + n]])
    at += n
wb = openpyxl.load_workbook(path)
defined = wb.defined_names
defined = defined.definedName if hasattr(defined, "definedName") else list(defined.values())
names = [d.name for d in defined if d.localSheetId is None]
names += [ws.title + "!Print_Titles" for ws in wb.worksheets if ws.print_title_rows]
json.dump({"groups": groups, "sizes": [int(pairs_vector.get("size")), int(titles_vector.get("size"))],
           "sheets": wb.sheetnames, "names": names}, sys.stdout, ensure_ascii=False)
`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-app-titles-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function appTitles(bytes: Uint8Array, name: string): Promise<AppTitles> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const run = spawnSync("/usr/bin/python3", ["-c", READ, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as AppTitles;
}

const vt = (tag: string, text: string | number) => `<vt:${tag}>${text}</vt:${tag}>`;
/** HeadingPairs and TitlesOfParts as Excel writes them, for `groups`. */
function excelLists(groups: readonly [string, readonly string[]][]): string {
  const titles = groups.flatMap(([, t]) => t);
  return (
    `<HeadingPairs><vt:vector size="${groups.length * 2}" baseType="variant">` +
    groups
      .map(
        ([h, t]) =>
          `<vt:variant>${vt("lpstr", h)}</vt:variant><vt:variant>${vt("i4", t.length)}</vt:variant>`
      )
      .join("") +
    `</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">` +
    titles.map((t) => vt("lpstr", t)).join("") +
    "</vt:vector></TitlesOfParts>"
  );
}
const withLists = (xml: string, lists: string) =>
  xml.replace(/<HeadingPairs>[\s\S]*<\/TitlesOfParts>/, lists);

describe("Ny period's v2 → v3 upgrade and docProps/app.xml", () => {
  it("lists v3's new sheets among the sheets, in the workbook's order (exceljs's app.xml)", async () => {
    const input = new Uint8Array(await fs.readFile(EXAMPLE));
    const before = await appTitles(input, "före.xlsx");
    expect(before.groups).toEqual([["Worksheets", before.sheets]]);

    const rolled = await nextPeriodWorkbook(input, "arbetsbok.xlsx");
    const after = await appTitles(rolled.bytes, "efter.xlsx");
    expect(after.sheets.length).toBeGreaterThan(before.sheets.length);
    expect(after.groups).toEqual([["Worksheets", after.sheets]]);
    expect(after.sizes).toEqual([2, after.sheets.length]);
  });

  it("keeps Swedish Excel's groups and adds the new sheets and names to them", async () => {
    const input = new Uint8Array(await fs.readFile(EXAMPLE));
    const original = await appTitles(input, "före.xlsx");
    const asExcel = await editPart(input, APP, (xml) =>
      withLists(
        xml,
        excelLists([
          ["Kalkylblad", original.sheets],
          ["Namngivna områden", original.names],
        ])
      )
    );
    const rolled = await nextPeriodWorkbook(asExcel, "arbetsbok.xlsx");
    const after = await appTitles(rolled.bytes, "efter.xlsx");

    const [sheets, names] = after.groups;
    expect(sheets).toEqual(["Kalkylblad", after.sheets]);
    expect(names[0]).toBe("Namngivna områden");
    // What the names group had comes first, as it was; the upgrade's names follow.
    expect(names[1].slice(0, original.names.length)).toEqual(original.names);
    expect([...names[1]].sort()).toEqual([...after.names].sort());
    expect(names[1]).toEqual(expect.arrayContaining(["Mål!Print_Titles", "MalIDn"]));
    expect(after.sizes).toEqual([4, after.sheets.length + after.names.length]);
  });

  it("leaves an app.xml without the lists as it was (the roll-additions workbook)", async () => {
    const input = new Uint8Array(await fs.readFile(ADDITIONS));
    const rolled = await nextPeriodWorkbook(input, "arbetsbok.xlsx");
    const { default: JSZip } = await import("jszip");
    const app = async (bytes: Uint8Array) =>
      (await JSZip.loadAsync(bytes)).file(APP)?.async("string");
    expect(await app(rolled.bytes)).toBe(await app(input));
  });
});

describe("withAddedTitles", () => {
  const app = (lists: string) =>
    `<Properties xmlns:vt="urn:vt"><Application>Microsoft Excel</Application>${lists}</Properties>`;

  it("places a new sheet after the nearest sheet before it, the user's sheets kept, names escaped", () => {
    const xml = app(excelLists([["Worksheets", ["Risker", "Mitt & ditt", "Historik"]]]));
    const order = ["Risker", "Mitt & ditt", "Mål", "Historik", "Analys"];
    const out = withAddedTitles(xml, order, ["Mål"], []);
    expect(out).toBe(
      app(excelLists([["Worksheets", ["Risker", "Mitt &amp; ditt", "Mål", "Historik"]]]))
    );
  });

  it("puts a sheet with no known sheet before it first", () => {
    const xml = app(excelLists([["Worksheets", ["Risker"]]]));
    expect(withAddedTitles(xml, ["Ny", "Risker"], ["Ny"], [])).toBe(
      app(excelLists([["Worksheets", ["Ny", "Risker"]]]))
    );
  });

  it("makes up no names group the app.xml did not have", () => {
    const xml = app(excelLists([["Worksheets", ["Risker"]]]));
    const out = withAddedTitles(xml, ["Risker", "Mål"], ["Mål"], ["Mål!Print_Titles"]);
    expect(out).toBe(app(excelLists([["Worksheets", ["Risker", "Mål"]]])));
  });

  it("names a sheet's own names as Excel does: quoted when the sheet's name needs it", () => {
    const workbook =
      '<workbook><sheets><sheet name="Mål" sheetId="1" r:id="rId1"/>' +
      '<sheet name="Rapport Ekonomi" sheetId="2" r:id="rId2"/></sheets><definedNames>' +
      '<definedName name="MalIDn">tblMal[Mål-ID]</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">Mål!$3:$3</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">x</definedName>' +
      '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">x</definedName>' +
      '<definedName name="Dold" hidden="1">x</definedName></definedNames></workbook>';
    expect(definedNameTitles(workbook)).toEqual([
      "MalIDn",
      "Mål!Print_Titles",
      "'Rapport Ekonomi'!Print_Titles",
    ]);
  });

  it("returns an app.xml whose counts do not match its titles as it is", () => {
    const xml = app(excelLists([["Worksheets", ["Risker", "Historik"]]])).replace(
      "<vt:i4>2</vt:i4>",
      "<vt:i4>3</vt:i4>"
    );
    expect(withAddedTitles(xml, ["Risker", "Mål", "Historik"], ["Mål"], [])).toBe(xml);
  });
});
