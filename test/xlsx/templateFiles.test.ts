/**
 * The committed template and example workbooks are what the code builds (compared by content,
 * not bytes), the example holds the published figures as the data file says, and a copy saved by
 * LibreOffice keeps every table.
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_2024_T2 } from "../../scripts/data/exempel-2024-T2";
import type { DataTableKey } from "../../src/core/template/definition";
import { type TableDef } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { TEMPLATE_V1 } from "../../src/core/template/v1";
import { TEMPLATE_V2 } from "../../src/core/template/v2";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { tableModels } from "../../src/xlsx/exceljsShim";
import { readWorkbook, summarizeWorkbook, writeAndRead } from "./templateSummary";

const ROOT = path.join(__dirname, "..", "..");
const TEMPLATE = path.join(ROOT, "templates", "tertialuppfoljning-v3.xlsx");
const TEMPLATE_V2_FILE = path.join(ROOT, "templates", "tertialuppfoljning-v2.xlsx");
const TEMPLATE_V1_FILE = path.join(ROOT, "templates", "tertialuppfoljning-v1.xlsx");
const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
const LIBREOFFICE_EXAMPLE = path.join(
  ROOT,
  "test",
  "fixtures",
  "libreoffice",
  "exempel-2024-T2.xlsx"
);

const readFile = async (file: string) => readWorkbook(await fs.readFile(file));

/** Data rows of a table as header → value, empty cells left out; formulas as their text. */
function rowsByHeader(workbook: ExcelJS.Workbook, def: TableDef): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(def.sheet);
  if (!sheet) throw new Error(`bladet ${def.sheet} saknas`);
  const [table] = tableModels(sheet).filter((t) => t.name === def.name);
  const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(table.tableRef) ?? [];
  const rows: Record<string, unknown>[] = [];
  for (let r = Number(first) + 1; r <= Number(last); r++) {
    const row: Record<string, unknown> = {};
    table.columns.forEach((column, j) => {
      const value = sheet.getRow(r).getCell(j + 1).value;
      if (value === null || value === undefined) return;
      row[column.name] =
        typeof value === "object" && "formula" in value ? { formula: value.formula } : value;
    });
    rows.push(row);
  }
  return rows;
}

/** The example is a version-1 workbook (scripts/build-example.ts): its tables are v1's. */
const dataDef = (key: DataTableKey) => TEMPLATE_V1.tableList.find((t) => t.key === key)!;

describe("templates/tertialuppfoljning-v3.xlsx", () => {
  it("is the workbook buildWorkbook(LATEST_TEMPLATE) builds (run npm run build:template if not)", async () => {
    const [committed, built] = await Promise.all([
      readFile(TEMPLATE),
      writeAndRead(buildWorkbook(LATEST_TEMPLATE)),
    ]);
    expect(LATEST_TEMPLATE.version).toBe(3);
    expect(summarizeWorkbook(committed)).toEqual(summarizeWorkbook(built));
  });
});

describe("templates/tertialuppfoljning-v2.xlsx (version 2's file, kept as a fixture)", () => {
  it("is still the workbook the version-2 definition builds", async () => {
    const [committed, built] = await Promise.all([
      readFile(TEMPLATE_V2_FILE),
      writeAndRead(buildWorkbook(TEMPLATE_V2)),
    ]);
    expect(summarizeWorkbook(committed)).toEqual(summarizeWorkbook(built));
  });
});

describe("templates/tertialuppfoljning-v1.xlsx (version 1's file, kept as a fixture)", () => {
  it("is still the workbook the version-1 definition builds", async () => {
    const [committed, built] = await Promise.all([
      readFile(TEMPLATE_V1_FILE),
      writeAndRead(buildWorkbook(TEMPLATE_V1)),
    ]);
    expect(summarizeWorkbook(committed)).toEqual(summarizeWorkbook(built));
  });
});

describe("templates/exempel-2024-T2.xlsx", () => {
  let example: ExcelJS.Workbook;
  beforeAll(async () => {
    example = await readFile(EXAMPLE);
  });

  it("is the workbook built from scripts/data (run npm run build:example if not)", async () => {
    const built = await writeAndRead(buildWorkbook(TEMPLATE_V1, EXAMPLE_2024_T2));
    expect(summarizeWorkbook(example)).toEqual(summarizeWorkbook(built));
  });

  it("holds the published rows and no sum rows", () => {
    const counts = Object.fromEntries(
      TEMPLATE_V1.tableList
        .filter((t) => t !== TEMPLATE_V1.tables.settings)
        .map((t) => [t.key, rowsByHeader(example, t).length])
    );
    expect(counts).toEqual({
      incomeStatement: 9,
      operatingStatement: 15,
      volumes: 7,
      investments: 1,
      risks: 5,
      actions: 8,
      controls: 6,
    });
    const names = [
      ...rowsByHeader(example, dataDef("incomeStatement")).map((r) => r.Post),
      ...rowsByHeader(example, dataDef("operatingStatement")).map((r) => r.Verksamhet),
    ];
    expect(names.filter((n) => /^(Summa|Totalt)/.test(String(n)))).toEqual([]);
  });

  it("keeps the published figures as they are, errors included", () => {
    const income = rowsByHeader(example, dataDef("incomeStatement"));
    expect(income.find((r) => r.Post === "Personalkostnader")).toMatchObject({
      Typ: "Kostnad",
      "Bokslut fg år": -760,
      "Utfall period fg år": -505.8,
      "Utfall period": -544.3,
      "Budget helår": -763.5,
      "Prognos helår": -829.9,
      "Avvikelse prognos mot budget": { formula: "H7-G7" },
    });
    // The periodbudget is ours (see the data file), built on 004's −31,8 and −30,2 for jan–aug.
    expect(income.find((r) => r.Post === "Personalkostnader")?.Periodbudget).toBe(-512.5);
    const periodBudget = (rows: Record<string, unknown>[]) =>
      Number(rows.reduce((sum, r) => sum + Number(r.Periodbudget), 0).toFixed(1));
    const actual = (rows: Record<string, unknown>[]) =>
      Number(rows.reduce((sum, r) => sum + Number(r["Utfall period"]), 0).toFixed(1));
    expect(actual(income) - periodBudget(income)).toBeCloseTo(-30.2, 6);
    expect(income.filter((r) => r.Typ === "Intäkt")).toHaveLength(3);
    const operating = rowsByHeader(example, dataDef("operatingStatement"));
    expect(periodBudget(operating)).toBe(periodBudget(income));
    expect(operating.find((r) => r.Verksamhet === "Bostadsanpassning")).toMatchObject({
      "Utfall period fg år": 1.6,
      Verksamhetsområde: "Övrigt",
    });
  });

  it("holds five risks and eight åtgärder, five Pågående and three Avslutad", () => {
    const risks = rowsByHeader(example, dataDef("risks"));
    expect(risks.map((r) => [r["Risk-ID"], r.Sannolikhet, r.Konsekvens, r.Riskhantering])).toEqual([
      ["R1", 3, 3, "Hantera"],
      ["R2", 4, 3, "Hantera"],
      ["R3", 2, 4, "Hantera"],
      ["R4", 3, 2, "Hantera"],
      ["R5", 3, 3, "Hantera"],
    ]);
    const actions = rowsByHeader(example, dataDef("actions"));
    expect(actions.map((a) => [a["Åtgärds-ID"], a["Risk-ID"], a.Status])).toEqual([
      ["Å1", "R1", "Pågående"],
      ["Å2", "R1", "Pågående"],
      ["Å3", "R2", "Pågående"],
      ["Å4", "R3", "Pågående"],
      ["Å5", "R3", "Avslutad"],
      ["Å6", "R3", "Avslutad"],
      ["Å7", "R4", "Avslutad"],
      ["Å8", "R5", "Pågående"],
    ]);
    expect(actions[7].Åtgärd).toMatch(
      /^Genomföra rekommendationer enligt revisionsrapport\n- tydliggöra/
    );
    expect(actions[0].Uppföljningsdatum).toEqual(new Date(Date.UTC(2024, 0, 26)));
    // Words the PDF broke across lines are whole again.
    expect(String(actions[2].Åtgärd)).toContain("kompetensförsörjningsplanen");
    const texts = actions.flatMap((a) => [a.Åtgärd, a["Kommentar vid senaste uppföljning"]]);
    expect(texts.filter((t) => /\p{L}\n\p{Ll}|-\n/u.test(String(t)))).toEqual([]);
  });

  it("holds the six controls of chapter 10, two without a published result", () => {
    const controls = rowsByHeader(example, dataDef("controls"));
    expect(controls.map((c) => [c["Kontroll-ID"], c.Tidpunkt, c.Resultat ?? null])).toEqual([
      ["K1", "T2", "Kontroll genomförd med stor avvikelse"],
      ["K2", "T2", "Kontroll genomförd med mindre avvikelse"],
      ["K3", "T2", null],
      ["K4", "T2", null],
      ["K5", "T2", "Kontroll genomförd med stor avvikelse"],
      ["K6", "T2", "Kontroll genomförd med mindre avvikelse"],
    ]);
    expect(controls.every((c) => c["Risk-ID"] === undefined && c.Kommentar)).toBe(true);
  });

  it("has the example's settings, with no Bedömning av intern kontroll", () => {
    const settings = rowsByHeader(example, TEMPLATE_V1.tables.settings);
    expect(settings.map((r) => r.Inställning)).toEqual(TEMPLATE_V1.settingRows.map((s) => s.label));
    expect(Object.fromEntries(settings.map((r) => [r.Inställning, r.Värde ?? null]))).toEqual({
      Organisation: "Vård- och omsorgsnämnden",
      År: 2024,
      Period: "T2",
      Enhet: "mnkr",
      "Väsentlig avvikelse belopp": 5,
      "Väsentlig avvikelse procent": 10,
      "Bedömning av intern kontroll": null,
      "Analys intern kontroll": null,
      Mallversion: 1,
    });
  });
});

describe("test/fixtures/libreoffice/exempel-2024-T2.xlsx (the example saved by LibreOffice)", () => {
  it("keeps every table with its headers and the example's values", async () => {
    const [saved, example] = await Promise.all([readFile(LIBREOFFICE_EXAMPLE), readFile(EXAMPLE)]);
    for (const def of TEMPLATE_V1.tableList) {
      const sheet = saved.getWorksheet(def.sheet)!;
      const [table] = tableModels(sheet);
      expect(table.name).toBe(def.name);
      expect(table.columns.map((c) => c.name)).toEqual(def.columns.map((c) => c.header));
      expect(rowsByHeader(saved, def)).toEqual(rowsByHeader(example, def));
    }
    expect(saved.getWorksheet("Listor")?.state).toBe("hidden");
  });
});
