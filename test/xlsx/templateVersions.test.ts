/**
 * Every committed template version's file reads into the latest Model and reports; the tables
 * version 3 adds are empty for older workbooks, and a fresh version-3 file holds every sheet,
 * header, list and setting of the contract's "Version 3".
 */
import path from "node:path";
import { UnknownTemplateVersionError } from "../../src/core/errors";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse, generateReport } from "../../src/core/pipeline";
import { plainText } from "../../src/core/report/plainText";
import { LISTS } from "../../src/core/template/lists";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { makeSnapshot } from "../helpers/snapshot";
import { openpyxlInventory } from "../helpers/openpyxlInventory";

const TEMPLATES = path.join(__dirname, "..", "..", "templates");
const file = (version: number) => path.join(TEMPLATES, `tertialuppfoljning-v${version}.xlsx`);
const V3_TABLES = ["reportText", "goals", "indicators", "accountMapping", "objectMapping"] as const;

describe.each([1, 2])("a version-%i template file", (version) => {
  it("reads into the latest Model, the tables version 3 adds empty, and reports", async () => {
    const model = parseModel(await readSnapshotFromFile(file(version)));
    expect(model.template.version).toBe(version);
    for (const key of V3_TABLES) expect(model[key]).toEqual([]);
    expect(model.settings.values.reportUnit).toBeNull();
    expect(model.settings.values.municipalityCode).toBeNull();
    expect(model.settings.values.readyDigest).toBeNull();
    const text = plainText(generateReport(analyse(await readSnapshotFromFile(file(version)))).doc);
    expect(text).toContain("Resultaträkning");
  });
});

describe("the version-3 template file", () => {
  it("holds the contract's sheets, tables and exact headers, Kontoplan's two tables side by side", async () => {
    const snapshot = await readSnapshotFromFile(file(3));
    for (const [sheet, table, headers] of [
      ["Rapporttext", "tblRapporttext", ["Avsnitt", "Rubrik", "Text", "Rapporterande enhet"]],
      [
        "Mål",
        "tblMal",
        [
          "Mål-ID",
          "Mål",
          "Målnivå",
          "Överordnat mål-ID",
          "Bedömning",
          "Analys",
          "Rapporterande enhet",
        ],
      ],
      [
        "Indikatorer",
        "tblIndikatorer",
        [
          "Indikator-ID",
          "Mål-ID",
          "Indikator",
          "Område",
          "Måttenhet",
          "Riktning",
          "Utfall fg år",
          "Målvärde",
          "Utfall",
          "Trend",
          "Målvärde uppnått",
          "Källa",
          "Kommentar",
          "Rapporterande enhet",
        ],
      ],
      ["Kontoplan", "tblKontomappning", ["Konto från", "Konto till", "Post"]],
      ["Kontoplan", "tblObjektmappning", ["Dimension", "Objekt från", "Objekt till", "Verksamhet"]],
    ] as const) {
      expect(snapshot.tables.find((t) => t.name === table)).toMatchObject({ sheet, headers });
    }
    // openpyxl, independent of the exceljs reader, finds both tables on Kontoplan, apart.
    expect(openpyxlInventory(file(3)).tables.Kontoplan).toEqual({
      tblKontomappning: "A3:C11",
      tblObjektmappning: "E3:H8",
    });
  });

  it("holds the new settings, the new lists after v2's, and the Kommun-Bas mapping", async () => {
    const model = parseModel(await readSnapshotFromFile(file(3)));
    expect(model.template.version).toBe(3);
    const labels = model.tables.settings.rows.map((r) => r.cells.name.value);
    expect(labels).toEqual(
      expect.arrayContaining(["Rapportenhet", "Kommunkod", "Klarmarkerad kontrollsumma"])
    );
    expect(Object.keys(LISTS).slice(-7)).toEqual([
      "avsnitt",
      "malniva",
      "malbedomning",
      "omrade",
      "riktning",
      "trend",
      "rapportenhet",
    ]);
    expect(LISTS.malbedomning).toEqual([
      "Uppfyllt",
      "Delvis uppfyllt",
      "Ej uppfyllt",
      "Kan inte bedömas",
    ]);
    expect(LISTS.rapportenhet).toEqual(["mnkr", "tkr"]);
    // Every class 3–7 account maps to a Post, in ranges that neither overlap nor leave a gap;
    // class 8 (skatter, statsbidrag, finansiella poster) is no nämnd's and is named when imported.
    const ranges = model.accountMapping.map((r) => [
      r.cells.accountFrom.value,
      r.cells.accountTo.value,
    ]);
    expect(ranges[0][0]).toBe(3000);
    expect(ranges.at(-1)![1]).toBe(7999);
    ranges.slice(1).forEach(([from], i) => expect(from).toBe(ranges[i][1]! + 1));
    expect(model.objectMapping).toEqual([]);
  });
});

it("names the versions it reads when a workbook's Mallversion is unknown", () => {
  expect(LATEST_TEMPLATE.version).toBe(3);
  expect(() => parseModel(makeSnapshot({}, { templateVersion: 4 }))).toThrow(
    new UnknownTemplateVersionError("test.xlsx", "4", "Inställningar", "C21", [1, 2, 3])
  );
  expect(() => parseModel(makeSnapshot({}, { templateVersion: 4 }))).toThrow(
    /läser mallversion 1, 2 eller 3\./
  );
});
