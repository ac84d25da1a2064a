/**
 * The real roll of a version-2 workbook into version 3 (issue 21: "Ny period turns them into v3"):
 * the frozen v2 workbooks (test/fixtures/v2/) rolled with the latest template, upgraded in their
 * own package (src/xlsx/cycle/upgradePackage.ts). What v3 adds is compared with a fresh v3
 * template, read by Tertial's reader and by openpyxl; what the user had is compared with the input.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "../../src/core/template/kommunBas";
import { LIST_HEADERS, LISTS } from "../../src/core/template/lists";
import { TEMPLATE_V3 } from "../../src/core/template/v3";
import { nextPeriodWorkbook } from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { openpyxlInventory, type OpenpyxlInventory } from "../helpers/openpyxlInventory";
import { malformedParts } from "../helpers/wellFormedParts";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "v2");
const ADDITIONS = path.join(FIXTURES, "T1-tillagg.xlsx");
const EXAMPLE = path.join(FIXTURES, "exempel-2024-T1.xlsx");
const CONSERVATION = path.join(ROOT, "test", "helpers", "conservation.py");
const NAME = "arbetsbok.xlsx";
const NEW_SHEETS = ["Rapporttext", "Mål", "Indikatorer", "Kontoplan"];
const NEW_SETTINGS = ["Rapportenhet", "Kommunkod", "Klarmarkerad kontrollsumma"];
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-v3-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = async (file: string) => new Uint8Array(await fs.readFile(file));
async function written(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

function python(script: string, ...args: string[]): unknown {
  const run = spawnSync("/usr/bin/python3", ["-c", script, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** openpyxl's data validations of every sheet (sheet → sqref → formula), read once per file. */
const validationsRead = new Map<string, Record<string, Record<string, string>>>();
function validations(file: string, sheet: string): Record<string, string> {
  if (!validationsRead.has(file))
    validationsRead.set(
      file,
      python(
        "import sys, json, openpyxl\n" +
          "wb = openpyxl.load_workbook(sys.argv[1])\n" +
          "json.dump({ws.title: {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}\n" +
          "  for ws in wb.worksheets}, sys.stdout)\n",
        file
      ) as Record<string, Record<string, string>>
    );
  return validationsRead.get(file)![sheet] ?? {};
}
const definedNames = (file: string) =>
  python(
    "import sys, json, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "names = wb.defined_names\n" +
      // openpyxl 3.1 holds them by name; 3.0 as a list.
      "pairs = names.items() if hasattr(names, 'items') else [(d.name, d) for d in names.definedName]\n" +
      "json.dump({n: d.attr_text for n, d in pairs}, sys.stdout)\n",
    file
  ) as Record<string, string>;
/** The package's part names and styles.xml, to tell an edit from an upgrade. */
const packageFacts = (file: string) =>
  python(
    "import sys, json, zipfile\n" +
      "z = zipfile.ZipFile(sys.argv[1])\n" +
      "json.dump({'parts': sorted(z.namelist()), 'styles': z.read('xl/styles.xml').decode()}, sys.stdout)\n",
    file
  ) as { parts: string[]; styles: string };

function conservation(before: string, after: string) {
  const run = spawnSync("/usr/bin/python3", [CONSERVATION, before, after], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { missing: unknown[]; historyLost: unknown[]; checked: number };
}

/** Cells of one sheet, "A1" → value, from an inventory. */
const sheetCells = (inventory: OpenpyxlInventory, sheet: string) =>
  Object.fromEntries(
    Object.entries(inventory.cells)
      .filter(([key]) => key.startsWith(`${sheet}!`))
      .map(([key, [value]]) => [key.slice(sheet.length + 1), value])
  );

const modelOf = async (bytes: Uint8Array) => parseModel(await readSnapshotFromBuffer(bytes, NAME));

let freshFile: string;
let fresh: OpenpyxlInventory;
beforeAll(async () => {
  const bytes = await workbookBytes(buildWorkbook(TEMPLATE_V3, { settings: {}, tables: {} }));
  freshFile = await written(bytes, "ny-v3.xlsx");
  fresh = openpyxlInventory(freshFile);
});

describe("the roll-additions workbook (v2) rolled into version 3", () => {
  let result: Awaited<ReturnType<typeof nextPeriodWorkbook>>;
  let outputFile: string;
  let before: OpenpyxlInventory;
  let after: OpenpyxlInventory;
  beforeAll(async () => {
    result = await nextPeriodWorkbook(await read(ADDITIONS), NAME);
    outputFile = await written(result.bytes, "tillagg-T2.xlsx");
    before = openpyxlInventory(ADDITIONS);
    after = openpyxlInventory(outputFile);
  });

  it("is upgraded in place, naming nothing, and reads back as version 3", async () => {
    expect(result.notCarried).toEqual([]);
    expect(`${result.next.period} ${result.next.year}`).toBe("T2 2024");
    const model = await modelOf(result.bytes);
    expect(model.template.version).toBe(3);
    expect(model.settings.values.templateVersion).toBe(3);
    expect(model.settings.values.period).toBe("T2");
  });

  it("places v3's sheets where a fresh v3 has them, the own sheet after Listor", () => {
    const expected = [...before.sheets];
    expected.splice(expected.indexOf("Historik"), 0, ...NEW_SHEETS);
    expect(after.sheets).toEqual(expected);
    expect(after.sheets.at(-1)).toBe("Analys");
    const templateOrder = fresh.sheets;
    expect(after.sheets.filter((s) => templateOrder.includes(s))).toEqual(templateOrder);
  });

  it("has v3's tables (Kontoplan's two side by side) as a fresh v3 has them", () => {
    for (const sheet of NEW_SHEETS) expect(after.tables[sheet]).toEqual(fresh.tables[sheet]);
    expect(Object.keys(after.tables.Kontoplan).sort()).toEqual([
      "tblKontomappning",
      "tblObjektmappning",
    ]);
    // Headers, titles and the Kommun-Bas rows: every cell of the new sheets as in a fresh v3.
    for (const sheet of NEW_SHEETS)
      expect(sheetCells(after, sheet)).toEqual(sheetCells(fresh, sheet));
  });

  it("is read by Tertial's reader: Kontoplan with its Kommun-Bas rows, the new tables empty", async () => {
    const { tables } = contentOf(await modelOf(result.bytes));
    expect(tables?.accountMapping).toEqual(KOMMUN_BAS_ACCOUNT_MAPPING);
    expect(tables?.objectMapping).toEqual([]);
    expect(tables?.reportText).toEqual([]);
    expect(tables?.goals).toEqual([]);
    expect(tables?.indicators).toEqual([]);
  });

  it("points every new dropdown at the right Listor column, which holds the list", () => {
    expect(sheetCells(after, "Listor")).toEqual(sheetCells(fresh, "Listor"));
    const listor = sheetCells(after, "Listor");
    const checked: string[] = [];
    for (const sheet of [...NEW_SHEETS, "Inställningar"]) {
      for (const formula of Object.values(validations(outputFile, sheet))) {
        const list = /^Listor!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(formula);
        if (!list) continue;
        const [, column, last] = list;
        const name = Object.entries(LIST_HEADERS).find(([, h]) => h === listor[`${column}1`])?.[0];
        expect(name).toBeDefined();
        const values = LISTS[name as keyof typeof LISTS] as readonly string[];
        expect(Number(last)).toBe(values.length + 1);
        expect(values.map((_, i) => listor[`${column}${i + 2}`])).toEqual([...values]);
        checked.push(name!);
      }
    }
    for (const list of ["avsnitt", "malniva", "malbedomning", "omrade", "riktning", "rapportenhet"])
      expect(checked).toContain(list);
    // The new sheets' validations are the fresh template's, cell for cell.
    for (const sheet of NEW_SHEETS)
      expect(validations(outputFile, sheet)).toEqual(validations(freshFile, sheet));
  });

  it("gives Indikatorer's Mål-ID dropdown its name over tblMal's Mål-ID column", () => {
    const names = definedNames(outputFile);
    const freshNames = definedNames(freshFile);
    for (const name of ["MalIDn", "Poster", "Verksamheter"])
      expect(names[name]).toBe(freshNames[name]);
    expect(Object.values(validations(outputFile, "Indikatorer"))).toContain("MalIDn");
  });

  it("appends the three new Inställningar rows after the own row, inside tblInstallningar", () => {
    expect(after.tables.Inställningar).toEqual({ tblInstallningar: "A3:B22" });
    expect(after.cells["Inställningar!A19"]?.[0]).toBe("Kontaktperson");
    expect(after.cells["Inställningar!B19"]?.[0]).toBe("Anna Andersson");
    NEW_SETTINGS.forEach((label, i) =>
      expect(after.cells[`Inställningar!A${20 + i}`]?.[0]).toBe(label)
    );
    expect(validations(outputFile, "Inställningar").B20).toMatch(/^Listor!\$Q\$2:\$Q\$3$/);
  });

  it("keeps the own sheet, chart, columns, notes, comments and links", () => {
    expect(after.charts.Analys).toBe(1);
    expect(after.formulas["Analys!B2"]).toBe(before.formulas["Analys!B2"]);
    expect(after.comments).toEqual(before.comments);
    expect(after.links).toEqual(before.links);
    for (const cell of ["N3", "N4", "N6", "A15"])
      expect(after.cells[`Resultaträkning!${cell}`]).toEqual(
        before.cells[`Resultaträkning!${cell}`]
      );
    expect(after.cells["Åtgärder!J4"]).toEqual(before.cells["Åtgärder!J4"]);
  });

  it("conserves every value (openpyxl's check) and is well-formed", async () => {
    const verdict = conservation(ADDITIONS, outputFile);
    expect(verdict.missing).toEqual([]);
    expect(verdict.historyLost).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(50);
    expect(await malformedParts(result.bytes)).toEqual([]);
  });

  it("rolls on as a plain edit: no part or style added, the mapping kept", async () => {
    const again = await nextPeriodWorkbook(result.bytes, NAME);
    expect(again.notCarried).toEqual([]);
    const againFile = await written(again.bytes, "tillagg-helar.xlsx");
    const [first, second] = [packageFacts(outputFile), packageFacts(againFile)];
    expect(second.parts).toEqual(first.parts);
    expect(second.styles).toBe(first.styles);
    const inventory = openpyxlInventory(againFile);
    expect(inventory.sheets).toEqual(after.sheets);
    expect(inventory.tables).toEqual(after.tables);
    expect(sheetCells(inventory, "Kontoplan")).toEqual(sheetCells(after, "Kontoplan"));
    const verdict = conservation(outputFile, againFile);
    expect(verdict.missing).toEqual([]);
    expect(verdict.historyLost).toEqual([]);
  });

  (hasSoffice ? it : it.skip)(
    "opens in LibreOffice: saved as xlsx with its tables, and as pdf",
    async () => {
      const out = path.join(dir, "lo");
      const convert = (to: string) =>
        execFileSync(
          "soffice",
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            out,
            outputFile,
          ],
          { stdio: "ignore", timeout: 180_000 }
        );
      convert("xlsx");
      const saved = openpyxlInventory(path.join(out, "tillagg-T2.xlsx"));
      for (const sheet of NEW_SHEETS) expect(saved.tables[sheet]).toEqual(fresh.tables[sheet]);
      expect(saved.cells["Inställningar!A22"]?.[0]).toBe("Klarmarkerad kontrollsumma");
      expect(saved.charts.Analys).toBe(1);
      convert("pdf");
      const pdf = await fs.stat(path.join(out, "tillagg-T2.pdf"));
      expect(pdf.size).toBeGreaterThan(1000);
    }
  );
});

describe("the example year's T1 (v2) rolled into version 3", () => {
  it("conserves every value, gains v3's settings after Mallversion's table end, and rolls on", async () => {
    const result = await nextPeriodWorkbook(await read(EXAMPLE), NAME);
    expect(result.notCarried).toEqual([]);
    const outputFile = await written(result.bytes, "exempel-T2.xlsx");
    const verdict = conservation(EXAMPLE, outputFile);
    expect(verdict.missing).toEqual([]);
    expect(verdict.historyLost).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(100);
    const after = openpyxlInventory(outputFile);
    expect(after.tables.Inställningar).toEqual({ tblInstallningar: "A3:B21" });
    NEW_SETTINGS.forEach((label, i) =>
      expect(after.cells[`Inställningar!A${19 + i}`]?.[0]).toBe(label)
    );
    const { tables } = contentOf(await modelOf(result.bytes));
    expect(tables?.accountMapping).toEqual(KOMMUN_BAS_ACCOUNT_MAPPING);

    const again = await nextPeriodWorkbook(result.bytes, NAME);
    expect(again.notCarried).toEqual([]);
    const againFile = await written(again.bytes, "exempel-helar.xlsx");
    expect(packageFacts(againFile).parts).toEqual(packageFacts(outputFile).parts);
    expect(conservation(outputFile, againFile).missing).toEqual([]);
  });
});
