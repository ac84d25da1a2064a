/**
 * Ny period upgrades a workbook of an older Mallversion in its own package when the newer version
 * only adds tables, settings and lists (src/xlsx/cycle/upgradePackage.ts). Target: v3 plus a
 * throwaway table on its own sheet (a column with a new list) and a throwaway setting, as version
 * 4: v3's own sheets, settings and lists are grafted too, so the throwaway parts show that a
 * version after v3 still upgrades. Input: the roll-additions fixture (a v2 workbook with an own
 * sheet and chart, own columns, notes, comments, an own Inställningar row). The real v2 → v3 roll
 * is upgradeToV3.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import type { RowCarry, RowsPerUnit } from "../../src/core/template/tableRules";
import {
  defineTemplate,
  type DataTableKey,
  type SettingDef,
  type TableDef,
  type WritableTemplate,
} from "../../src/core/template/definition";
import { TEMPLATE_V2 } from "../../src/core/template/v2";
import { TEMPLATE_V3, TEMPLATE_V3_SPEC } from "../../src/core/template/v3";
import { nextPeriodWorkbook } from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { openpyxlInventory } from "../helpers/openpyxlInventory";
import { malformedParts } from "../helpers/wellFormedParts";

jest.setTimeout(240_000);

// The reader asks a workbook for the tables of every registered version; the variant's table is
// registered there, as a later version's would be.
jest.mock("../../src/core/template/registry", () => {
  const actual = jest.requireActual("../../src/core/template/registry");
  return {
    ...actual,
    TEMPLATE_TABLE_NAMES: [...actual.TEMPLATE_TABLE_NAMES, "tblBudgetjusteringar"],
  };
});
// A list the newer version adds after the existing ones (Listor's column R, after v3's).
jest.mock("../../src/core/template/lists", () => {
  const actual = jest.requireActual("../../src/core/template/lists");
  return {
    ...actual,
    LISTS: { ...actual.LISTS, beslutsstatus: ["Beslutad", "Föreslagen"] },
    LIST_HEADERS: { ...actual.LIST_HEADERS, beslutsstatus: "Beslutsstatus" },
  };
});

const KEY = "budgetChanges" as string as DataTableKey;
const NEW_LIST = "beslutsstatus" as string as "janej";

const CHANGES = {
  key: KEY,
  name: "tblBudgetjusteringar",
  sheet: "Budgetjusteringar",
  title: "Budgetjusteringar",
  columns: [
    {
      key: "ref",
      header: "Beslutsnummer",
      kind: "text",
      required: true,
      width: 16,
      help: "Beslutets nummer.",
    },
    {
      key: "amount",
      header: "Belopp",
      kind: "amount",
      required: false,
      numFmt: "#,##0.0",
      width: 13,
      help: "Belopp.",
    },
    {
      key: "state",
      header: "Status",
      kind: "status",
      list: NEW_LIST,
      required: false,
      width: 14,
      help: "Beslutad eller föreslagen.",
    },
  ],
  instructions: "En rad per budgetjustering.",
  carry: {
    key: "ref",
    statuses: [],
    withinYear: {},
    yearEnd: { amount: "clear" },
  } satisfies RowCarry,
  consolidation: { kind: "perUnit", prefixed: ["ref"] } satisfies RowsPerUnit,
} as const satisfies TableDef;

const SETTING = {
  key: "decisionState" as string as "unit",
  label: "Beslutsläge",
  kind: "status",
  list: NEW_LIST,
  required: false,
  initial: "Föreslagen",
  since: 4,
  help: "Beslutad eller föreslagen budget.",
} as const satisfies SettingDef;

const V4 = defineTemplate({
  ...TEMPLATE_V3_SPEC,
  version: 4,
  settings: [...TEMPLATE_V3_SPEC.settings, SETTING],
  tables: { ...TEMPLATE_V3_SPEC.tables, budgetChanges: CHANGES },
}) satisfies WritableTemplate;
const REGISTRY = [TEMPLATE_V2, TEMPLATE_V3, V4];
/** The sheets v3 adds, in a fresh template before Historik. */
const V3_SHEETS = ["Rapporttext", "Mål", "Indikatorer", "Kontoplan"];

const ROOT = path.join(__dirname, "..", "..");
const ADDITIONS = path.join(ROOT, "test", "fixtures", "v2", "T1-tillagg.xlsx");
const CONSERVATION = path.join(ROOT, "test", "helpers", "conservation.py");
const NAME = "arbetsbok.xlsx";
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-upgrade-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function written(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

/** openpyxl's data validations of a sheet: sqref → formula. */
function validations(file: string, sheet: string): Record<string, string> {
  const script =
    "import sys, json, openpyxl\n" +
    "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\n" +
    "json.dump({str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}, sys.stdout)\n";
  const run = spawnSync("/usr/bin/python3", ["-c", script, file, sheet], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string>;
}

const read = async (file: string) => new Uint8Array(await fs.readFile(file));

describe("a v2 workbook rolled into the variant version 4", () => {
  let inputFile: string;
  let outputFile: string;
  let result: Awaited<ReturnType<typeof nextPeriodWorkbook>>;
  beforeAll(async () => {
    inputFile = ADDITIONS;
    result = await nextPeriodWorkbook(await read(inputFile), NAME, REGISTRY, V4);
    outputFile = await written(result.bytes, "uppgraderad.xlsx");
  });

  it("is edited, not rebuilt: nothing is named", () => {
    expect(result.notCarried).toEqual([]);
    expect(`${result.next.period} ${result.next.year}`).toBe("T2 2024");
  });

  it("keeps the own sheet, chart, columns, notes, comments and own Inställningar row", () => {
    const before = openpyxlInventory(inputFile);
    const after = openpyxlInventory(outputFile);
    // Each new sheet stands after the template's sheet before it in a fresh template: v3's
    // before Historik, the variant's after it.
    const expected = [...before.sheets];
    expected.splice(expected.indexOf("Historik") + 1, 0, "Budgetjusteringar");
    expected.splice(expected.indexOf("Historik"), 0, ...V3_SHEETS);
    expect(after.sheets).toEqual(expected);
    expect(after.charts.Analys).toBe(1);
    expect(after.formulas["Analys!B2"]).toBe(before.formulas["Analys!B2"]);
    expect(after.comments).toEqual(before.comments);
    expect(after.links).toEqual(before.links);
    for (const cell of ["N3", "N4", "N6", "A15"]) {
      expect(after.cells[`Resultaträkning!${cell}`]).toEqual(
        before.cells[`Resultaträkning!${cell}`]
      );
    }
    expect(after.formulas["Resultaträkning!N5"]).toBe("=H5*2");
    expect(after.cells["Åtgärder!J4"]).toEqual(before.cells["Åtgärder!J4"]);
    expect(after.cells["Inställningar!A19"]?.[0]).toBe("Kontaktperson");
    expect(after.cells["Inställningar!B19"]?.[0]).toBe("Anna Andersson");
  });

  it("has the grafted table, empty, and the new setting row inside tblInstallningar", () => {
    const after = openpyxlInventory(outputFile);
    expect(after.tables.Budgetjusteringar).toEqual({ tblBudgetjusteringar: "A3:C8" });
    expect(after.cells["Budgetjusteringar!A1"]?.[0]).toBe("Budgetjusteringar");
    expect(after.cells["Budgetjusteringar!C3"]?.[0]).toBe("Status");
    expect(after.cells["Budgetjusteringar!B4"]).toBeUndefined();
    // v3's three rows, then the variant's, after the own row Kontaktperson (row 19).
    expect(after.tables.Inställningar).toEqual({ tblInstallningar: "A3:B23" });
    expect(after.cells["Inställningar!A20"]?.[0]).toBe("Rapportenhet");
    expect(after.cells["Inställningar!A21"]?.[0]).toBe("Kommunkod");
    expect(after.cells["Inställningar!A22"]?.[0]).toBe("Klarmarkerad kontrollsumma");
    expect(after.cells["Inställningar!A23"]?.[0]).toBe("Beslutsläge");
    expect(after.cells["Inställningar!B23"]?.[0]).toBe("Föreslagen");
  });

  it("points the dropdowns at the new list, which Listor now holds", () => {
    const after = openpyxlInventory(outputFile);
    expect(after.cells["Listor!R1"]?.[0]).toBe("Beslutsstatus");
    expect(after.cells["Listor!R2"]?.[0]).toBe("Beslutad");
    expect(after.cells["Listor!R3"]?.[0]).toBe("Föreslagen");
    expect(after.cells["Listor!Q1"]?.[0]).toBe("Rapportenhet");
    expect(after.cells["Listor!A2"]?.[0]).toBe("T1");
    expect(validations(outputFile, "Budgetjusteringar")["C4:C2000"]).toBe("Listor!$R$2:$R$3");
    expect(validations(outputFile, "Inställningar").B23).toBe("Listor!$R$2:$R$3");
    expect(validations(outputFile, "Inställningar").B20).toBe("Listor!$Q$2:$Q$3");
  });

  it("reads back as version 4, its table and setting in the Model", async () => {
    const snapshot = await readSnapshotFromBuffer(result.bytes, NAME);
    const model = parseModel(snapshot, REGISTRY);
    expect(model.template.version).toBe(4);
    expect(model.settings.values.templateVersion).toBe(4);
    expect(model.settings.values.period).toBe("T2");
    expect(model.tables[KEY].rows).toEqual([]);
    // The Model reads the settings Tertial knows; the throwaway one is in the table the reader saw.
    const settings = snapshot.tables.find((t) => t.name === "tblInstallningar")!;
    expect(settings.rows.at(-1)).toEqual(["Beslutsläge", "Föreslagen"]);
  });

  it("is well-formed", async () => {
    expect(await malformedParts(result.bytes)).toEqual([]);
  });

  it("rolls on as a plain edit of a version-4 package", async () => {
    const again = await nextPeriodWorkbook(result.bytes, NAME, REGISTRY, V4);
    expect(again.notCarried).toEqual([]);
    const inventory = openpyxlInventory(await written(again.bytes, "helar.xlsx"));
    expect(inventory.sheets).toEqual(openpyxlInventory(outputFile).sheets);
    expect(inventory.tables.Inställningar).toEqual({ tblInstallningar: "A3:B23" });
  });

  (hasSoffice ? it : it.skip)("opens in LibreOffice, which saves it with its tables", async () => {
    const out = path.join(dir, "lo");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        outputFile,
      ],
      { stdio: "ignore", timeout: 120_000 }
    );
    const saved = openpyxlInventory(path.join(out, "uppgraderad.xlsx"));
    expect(saved.tables.Budgetjusteringar).toEqual({ tblBudgetjusteringar: "A3:C8" });
    expect(saved.cells["Inställningar!A23"]?.[0]).toBe("Beslutsläge");
    expect(saved.charts.Analys).toBe(1);
  });
});

describe("the example year's T1 (version 2) rolled into the variant version 4", () => {
  const T1 = path.join(ROOT, "test", "fixtures", "v2", "exempel-2024-T1.xlsx");

  it("conserves every value (openpyxl's check) and holds what a plain roll holds", async () => {
    const bytes = await read(T1);
    const upgraded = await nextPeriodWorkbook(bytes, NAME, REGISTRY, V4);
    const plain = await nextPeriodWorkbook(bytes, NAME);
    expect(upgraded.notCarried).toEqual([]);
    const outputFile = await written(upgraded.bytes, "exempel-T2-v3.xlsx");
    const run = spawnSync("/usr/bin/python3", [CONSERVATION, T1, outputFile], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const verdict = JSON.parse(run.stdout) as {
      missing: unknown[];
      historyLost: unknown[];
      checked: number;
    };
    expect(verdict.missing).toEqual([]);
    expect(verdict.historyLost).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(100);

    const tablesOf = async (out: Uint8Array) => {
      const model = parseModel(await readSnapshotFromBuffer(out, NAME), REGISTRY);
      const { tables } = contentOf(model);
      return tables;
    };
    const [after, before] = [await tablesOf(upgraded.bytes), await tablesOf(plain.bytes)];
    expect(after).toEqual({ ...before, [KEY]: [] });
  });
});

(hasSoffice ? it : it.skip)(
  "upgrades a v2 workbook LibreOffice saved (its own styles, strings and names)",
  async () => {
    const out = path.join(dir, "lo-input");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        path.join(ROOT, "test", "fixtures", "v2", "exempel-2024-T1.xlsx"),
      ],
      { stdio: "ignore", timeout: 120_000 }
    );
    const saved = path.join(out, "exempel-2024-T1.xlsx");
    const result = await nextPeriodWorkbook(await read(saved), NAME, REGISTRY, V4);
    expect(result.notCarried).toEqual([]);
    expect(await malformedParts(result.bytes)).toEqual([]);
    const after = openpyxlInventory(await written(result.bytes, "lo-T2.xlsx"));
    expect(after.sheets).toEqual([
      ...openpyxlInventory(saved).sheets.slice(0, -2),
      ...V3_SHEETS,
      "Historik",
      "Budgetjusteringar",
      "Listor",
    ]);
    expect(after.tables.Budgetjusteringar).toEqual({ tblBudgetjusteringar: "A3:C8" });
    // The example has no own row: v3's rows are 19–21, the variant's 22.
    expect(after.cells["Inställningar!B22"]?.[0]).toBe("Föreslagen");
    const model = parseModel(await readSnapshotFromBuffer(result.bytes, NAME), REGISTRY);
    expect(model.template.version).toBe(4);
  }
);

describe("a v2 workbook with a note right below Inställningar and print titles on its own sheet", () => {
  let result: Awaited<ReturnType<typeof nextPeriodWorkbook>>;
  let facts: Record<string, unknown>;
  beforeAll(async () => {
    const file = path.join(dir, "not-under.xlsx");
    const edit =
      "import sys, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "wb['Inställningar']['A20'] = 'Anteckning under tabellen'\n" +
      "wb['Analys'].print_title_rows = '1:1'\n" +
      "wb.save(sys.argv[2])\n";
    const run = spawnSync("/usr/bin/python3", ["-c", edit, ADDITIONS, file], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    result = await nextPeriodWorkbook(await read(file), NAME, REGISTRY, V4);
    const out = await written(result.bytes, "not-under-T2.xlsx");
    const inspect =
      "import sys, json, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "ws = wb['Budgetjusteringar']\n" +
      "h = ws['A3']\n" +
      "json.dump({'titles': {s.title: s.print_title_rows for s in wb.worksheets},\n" +
      "  'headerFill': h.fill.fgColor.rgb, 'headerBold': h.font.b, 'amountFormat': ws['B4'].number_format,\n" +
      "  'instructions': [c.value for r in wb['Instruktioner'].iter_rows() for c in r if c.value],\n" +
      "  'settings': ws.parent['Inställningar'].tables['tblInstallningar'].ref,\n" +
      "  'note': wb['Inställningar']['A20'].value, 'version': [r[1].value for r in wb['Inställningar'].iter_rows() if r[0].value == 'Mallversion']}, sys.stdout)\n";
    const facts_ = spawnSync("/usr/bin/python3", ["-c", inspect, out], { encoding: "utf8" });
    expect(facts_.stderr).toBe("");
    facts = JSON.parse(facts_.stdout) as Record<string, unknown>;
  });

  it("names the setting row it could not add, moves nothing, and still upgrades", () => {
    expect(result.notCarried).toEqual(
      ["Rapportenhet", "Kommunkod", "Klarmarkerad kontrollsumma", "Beslutsläge"].map((label) => ({
        sheet: "Inställningar",
        where: "cell A20",
        what: expect.stringMatching(
          new RegExp(`^raden ${label} \\(ny i mallversion 4\\) lades inte till`)
        ),
      }))
    );
    expect(facts.note).toBe("Anteckning under tabellen");
    expect(facts.settings).toBe("A3:B19");
    expect(facts.version).toEqual([4]);
  });

  it("keeps each sheet's print titles on its own sheet, and gives the new sheet its own", () => {
    const titles = facts.titles as Record<string, string | null>;
    expect(titles.Analys).toBe("1:1");
    expect(titles.Budgetjusteringar).toBe("$3:$3");
    expect(titles.Historik).toBe("$3:$3");
    expect(titles.Listor).toBeNull();
  });

  it("gives grafted cells the template's styles and Instruktioner the new table's text", () => {
    expect(facts.headerFill).toBe("FFDDEBF7");
    expect(facts.headerBold).toBe(true);
    expect(facts.amountFormat).toBe("#,##0.0");
    expect(facts.instructions).toEqual(
      expect.arrayContaining([expect.stringContaining("En rad per budgetjustering.")])
    );
  });
});

it("rebuilds, naming why, when the workbook already has a sheet by the new sheet's name", async () => {
  const file = path.join(dir, "eget-namn.xlsx");
  const edit =
    "import sys, openpyxl\n" +
    "wb = openpyxl.load_workbook(sys.argv[1])\n" +
    "wb.create_sheet('Budgetjusteringar')['A1'] = 'Mina justeringar'\n" +
    "wb.save(sys.argv[2])\n";
  const run = spawnSync("/usr/bin/python3", ["-c", edit, ADDITIONS, file], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  const result = await nextPeriodWorkbook(await read(file), NAME, REGISTRY, V4);
  expect(result.notCarried).toEqual(
    expect.arrayContaining([
      {
        sheet: "Budgetjusteringar",
        where: expect.stringMatching(/^delen /),
        what: expect.stringMatching(
          /^ett eget blad: mallversion 4 lägger till bladet Budgetjusteringar med tabellen tblBudgetjusteringar, men arbetsboken har redan/
        ),
      },
    ])
  );
  const model = parseModel(await readSnapshotFromBuffer(result.bytes, NAME), REGISTRY);
  expect(model.template.version).toBe(4);
});
