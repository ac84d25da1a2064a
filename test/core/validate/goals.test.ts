import { analyse } from "../../../src/core/pipeline";
import type { RowSpec } from "../../helpers/snapshot";
import { cellOf, DEFAULT_SETTINGS } from "../../helpers/snapshot";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "../../../src/core/template/kommunBas";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/saveWorkbook";
import { findings, LEDGER_CELLS, TODAY, withCode } from "./run";

/** A mål bedömt with an analys, and an indicator for it that has everything. */
const GOAL: RowSpec = {
  "Mål-ID": "M1",
  Mål: "Minskad sjukfrånvaro",
  Målnivå: "Nämnd",
  Bedömning: "Delvis uppfyllt",
  Analys: "Sjukfrånvaron minskar men når inte målvärdet.",
};
const INDICATOR: RowSpec = {
  "Indikator-ID": "I1",
  "Mål-ID": "M1",
  Indikator: "Sjukfrånvaro",
  Område: "Mål",
  Måttenhet: "%",
  Riktning: "Lägre är bättre",
  "Utfall fg år": 9.1,
  Målvärde: 8,
  Utfall: 8.6,
};

const codesOf = (all: readonly { code: string }[]) => all.map((f) => f.code);

describe("mål och indikatorer: a correctly filled pair", () => {
  it("finds nothing, in T1, T2 and Helår", () => {
    for (const period of ["T1", "T2", "Helår"]) {
      expect(findings({ goals: [GOAL], indicators: [INDICATOR] }, { period })).toEqual([]);
    }
  });
});

describe("mal-bedomning-saknas / mal-bedomning-saknas-tidigt", () => {
  const unassessed = { ...GOAL, Bedömning: null, Analys: null };

  it("is a fel at T2 and Helår, at the Bedömning cell, naming the mål", () => {
    for (const period of ["T2", "Helår"]) {
      const found = findings({ goals: [GOAL, { ...unassessed, "Mål-ID": "M2" }] }, { period });
      expect(codesOf(found)).toEqual(["mal-bedomning-saknas"]);
      expect(found[0]).toMatchObject({
        severity: "fel",
        sheet: "Mål",
        cell: cellOf("goals", "Bedömning", 1),
      });
      expect(found[0].message).toBe(
        `Målet M2 har ingen Bedömning. I ${period} ska nämnden bedöma varje mål: välj Uppfyllt, ` +
          "Delvis uppfyllt, Ej uppfyllt eller Kan inte bedömas."
      );
    }
  });

  it("is only a varning at T1", () => {
    const found = findings({ goals: [unassessed] }, { period: "T1" });
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ["mal-bedomning-saknas-tidigt", "varning"],
    ]);
  });

  it("names the row of a mål without Mål-ID", () => {
    const found = withCode(
      findings({ goals: [{ ...unassessed, "Mål-ID": null }] }, { period: "T2" }),
      "mal-bedomning-saknas"
    );
    expect(found[0].message).toMatch(/^Målet på rad 4 har ingen Bedömning/);
  });
});

describe("mal-analys-saknas", () => {
  it("is a fel at T2 and Helår for a bedömt mål without Analys, at the Analys cell", () => {
    for (const period of ["T2", "Helår"]) {
      const found = findings({ goals: [{ ...GOAL, Analys: "  " }] }, { period });
      expect(codesOf(found)).toEqual(["mal-analys-saknas"]);
      expect(found[0]).toMatchObject({ severity: "fel", cell: cellOf("goals", "Analys", 0) });
      expect(found[0].message).toContain("bedömt som Delvis uppfyllt men har ingen Analys");
    }
  });

  it("is silent at T1, where the bedömning is early", () => {
    expect(findings({ goals: [{ ...GOAL, Analys: null }] }, { period: "T1" })).toEqual([]);
  });
});

describe("Bedömning outside the list", () => {
  it("is status-ogiltig with the nearest value suggested, and not also 'saknas'", () => {
    const found = findings({ goals: [{ ...GOAL, Bedömning: "delvis uppfylt" }] });
    expect(codesOf(found)).toEqual(["status-ogiltig"]);
    expect(found[0].cell).toBe(cellOf("goals", "Bedömning", 0));
    expect(found[0].message).toContain("Delvis uppfyllt");
  });
});

describe("id-dubblett for Mål-ID and Indikator-ID", () => {
  it("reports the second mål and the second indicator with the same ID", () => {
    const found = withCode(
      findings({
        goals: [GOAL, { ...GOAL, Mål: "Ett annat mål" }],
        indicators: [INDICATOR, { ...INDICATOR, Indikator: "Korttidssjukfrånvaro" }],
      }),
      "id-dubblett"
    );
    expect(found.map((f) => [f.sheet, f.cell, f.message])).toEqual([
      [
        "Mål",
        cellOf("goals", "Mål-ID", 1),
        `Mål-ID M1 finns redan i ${cellOf("goals", "Mål-ID", 0)}. Ge varje rad ett eget Mål-ID.`,
      ],
      [
        "Indikatorer",
        cellOf("indicators", "Indikator-ID", 1),
        `Indikator-ID I1 finns redan i ${cellOf("indicators", "Indikator-ID", 0)}. Ge varje rad ett eget Indikator-ID.`,
      ],
    ]);
  });
});

describe("risk-id-okant over every lookup column", () => {
  it("reports an indicator whose Mål-ID names no mål, suggesting the folded match", () => {
    const found = withCode(
      findings({
        goals: [GOAL],
        indicators: [
          { ...INDICATOR, "Mål-ID": "m1", "Indikator-ID": "I1" },
          { ...INDICATOR, "Mål-ID": "M9", "Indikator-ID": "I2" },
          { ...INDICATOR, "Mål-ID": null, "Indikator-ID": "I3", Område: "Verksamhet" },
        ],
      }),
      "risk-id-okant"
    );
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["fel", "Indikatorer", cellOf("indicators", "Mål-ID", 0)],
      ["fel", "Indikatorer", cellOf("indicators", "Mål-ID", 1)],
    ]);
    expect(found[0].message).toBe(
      "Mål-ID m1 finns inte i kolumnen Mål-ID på bladet Mål. Menar du M1? Välj ett värde som " +
        "finns där, eller lägg till raden på bladet Mål."
    );
    expect(found[1].message).not.toContain("Menar du");
  });

  it("checks Kontoplan's Post against Resultaträkning and Verksamhet against Driftsredovisning", () => {
    const found = withCode(
      findings({
        accountMapping: [
          { "Konto från": 5000, "Konto till": 5999, Post: "Personalkostnader" },
          { "Konto från": 4000, "Konto till": 4499, Post: "Köp av verksamhet" },
        ],
        objectMapping: [
          { Dimension: 1, "Objekt från": "100", "Objekt till": "199", Verksamhet: "hemtjänst" },
        ],
      }),
      "risk-id-okant"
    );
    // Findings come sorted by row: the object mapping's first row lies above the second account row.
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Kontoplan", cellOf("objectMapping", "Verksamhet", 0)],
      ["Kontoplan", cellOf("accountMapping", "Post", 1)],
    ]);
    expect(found[1].message).toContain(
      "Post Köp av verksamhet finns inte i kolumnen Post på bladet Resultaträkning."
    );
    expect(found[0].message).toContain("Menar du Hemtjänst?");
  });

  it("leaves the template's own Kommun-Bas rows alone until the ekonom edits one", () => {
    const shipped = KOMMUN_BAS_ACCOUNT_MAPPING.map((r) => ({
      "Konto från": r.accountFrom,
      "Konto till": r.accountTo,
      Post: r.post,
    }));
    expect(findings({ accountMapping: shipped })).toEqual([]);
    const edited = [{ ...shipped[0], "Konto till": 3050 }, ...shipped.slice(1)];
    const found = withCode(findings({ accountMapping: edited }), "risk-id-okant");
    expect(found.map((f) => f.cell)).toEqual([cellOf("accountMapping", "Post", 0)]);
  });

  it("leaves Överordnat mål-ID alone: a KF-mål lives outside the unit's workbook", () => {
    expect(findings({ goals: [{ ...GOAL, "Överordnat mål-ID": "KF3" }] })).toEqual([]);
  });
});

describe("malvarde-saknas", () => {
  it("warns at the Målvärde of a Mål indicator that has an Utfall", () => {
    const found = findings({ goals: [GOAL], indicators: [{ ...INDICATOR, Målvärde: null }] });
    expect(found.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["malvarde-saknas", "varning", cellOf("indicators", "Målvärde", 0)],
    ]);
    expect(found[0].message).toMatch(/^Indikatorn I1 har ett Utfall men inget Målvärde/);
  });

  it("is silent for a Personal or Verksamhet indicator, or one without Utfall", () => {
    const all = findings({
      goals: [GOAL],
      indicators: [
        { ...INDICATOR, Målvärde: null, Område: "Personal" },
        { ...INDICATOR, "Indikator-ID": "I2", Målvärde: null, Utfall: null },
      ],
    });
    expect(withCode(all, "malvarde-saknas")).toEqual([]);
  });
});

describe("riktning-saknas", () => {
  it("warns at the Riktning cell of an indicator without one", () => {
    const found = findings({ goals: [GOAL], indicators: [{ ...INDICATOR, Riktning: null }] });
    expect(found.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ["riktning-saknas", "varning", cellOf("indicators", "Riktning", 0)],
    ]);
    expect(found[0].message).toContain("Trend och Målvärde uppnått blir tomma");
  });
});

describe("the goal rules on a real workbook", () => {
  it("find each problem at its cell in an .xlsx written by the template builder and read back", async () => {
    const workbook = buildWorkbook(LATEST_TEMPLATE, {
      settings: { ...DEFAULT_SETTINGS, period: "T2" },
      tables: {
        ...LEDGER_CELLS,
        goals: [
          { id: "M1", goal: "Minskad sjukfrånvaro", level: "Nämnd", assessment: "Uppfyllt" },
          { id: "M1", goal: "Samordnade processer", level: "Nämnd" },
        ],
        indicators: [{ id: "I1", goalId: "M7", indicator: "Sjukfrånvaro", area: "Mål", actual: 8 }],
      },
    });
    const snapshot = await readSnapshotFromBuffer(await workbookBytes(workbook), "mal.xlsx");
    const found = analyse(snapshot, { today: TODAY }).findings;
    const at = (code: string) =>
      found.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell}`);
    // Where the built template puts each table, as the reader found it.
    const address = (name: string, header: string, i: number) => {
      const table = snapshot.tables.find((t) => t.name === name)!;
      const column = table.firstColumn + table.headers.indexOf(header);
      return `${table.sheet}!${String.fromCharCode(64 + column)}${table.headerRow + 1 + i}`;
    };
    const goalsAt = (header: string, i: number) => address("tblMal", header, i);
    const indicatorsAt = (header: string, i: number) => address("tblIndikatorer", header, i);
    expect(at("id-dubblett")).toEqual([goalsAt("Mål-ID", 1)]);
    expect(at("mal-analys-saknas")).toEqual([goalsAt("Analys", 0)]);
    expect(at("mal-bedomning-saknas")).toEqual([goalsAt("Bedömning", 1)]);
    expect(at("risk-id-okant")).toEqual([indicatorsAt("Mål-ID", 0)]);
    expect(at("malvarde-saknas")).toEqual([indicatorsAt("Målvärde", 0)]);
    expect(at("riktning-saknas")).toEqual([indicatorsAt("Riktning", 0)]);
  });
});
