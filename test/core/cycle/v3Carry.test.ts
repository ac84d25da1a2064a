/**
 * Version 3's tables through Ny period, written and read back as files: Mål, Indikatorer and
 * Rapporttext keep their rows and clear the period's values into Historik; at the year end
 * Utfall becomes Utfall fg år and Målvärde is cleared; the mappings are kept as they are.
 */
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import type { Model } from "../../../src/core/model";
import { parseModel } from "../../../src/core/parse/parseModel";
import { validate } from "../../../src/core/validate";
import type { WorkbookContent } from "../../../src/core/template/content";
import { T1_2024 } from "./yearContent";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

async function written(content: WorkbookContent): Promise<Model> {
  return parseModel(await writtenSnapshot(content));
}

const T2: WorkbookContent = {
  ...T1_2024,
  settings: { ...T1_2024.settings, period: "Helår" },
  tables: {
    ...T1_2024.tables,
    goals: [
      {
        id: "M1",
        goal: "Minskad sjukfrånvaro",
        level: "Nämnd",
        assessment: "Delvis uppfyllt",
        analysis: "Sjunker.",
      },
    ],
    indicators: [
      {
        id: "I1",
        goalId: "M1",
        indicator: "Sjukfrånvaro",
        area: "Personal",
        direction: "Lägre är bättre",
        priorYear: 9.1,
        target: 8,
        actual: 8.4,
        comment: "Nära målet.",
      },
    ],
    reportText: [{ section: "Personal", heading: "Sjukfrånvaro", text: "Årets text." }],
    objectMapping: [{ dimension: 1, objectFrom: "1100", objectTo: "1199", activity: "Hemtjänst" }],
  },
};

const history = (model: Model) =>
  model.history.map((r) => [
    r.cells.table.value,
    r.cells.key.value,
    r.cells.column.value,
    r.cells.value.value,
  ]);

it("at the year end keeps the rows, moves Utfall to Utfall fg år and clears the period's values into Historik", async () => {
  const helar = await written(T2);
  const next = await written(rollForward(helar).content);

  expect(
    next.goals.map((r) => [
      r.cells.id.value,
      r.cells.goal.value,
      r.cells.assessment.value,
      r.cells.analysis.value,
    ])
  ).toEqual([["M1", "Minskad sjukfrånvaro", null, null]]);
  const [indicator] = next.indicators;
  expect([
    indicator.cells.priorYear.value,
    indicator.cells.target.value,
    indicator.cells.actual.value,
    indicator.cells.comment.value,
  ]).toEqual([8.4, null, null, null]);
  expect(indicator.cells.goalId.value).toBe("M1");
  expect(
    next.reportText.map((r) => [r.cells.section.value, r.cells.heading.value, r.cells.text.value])
  ).toEqual([["Personal", "Sjukfrånvaro", null]]);
  expect(next.accountMapping.length).toBe(helar.accountMapping.length);
  expect(next.accountMapping.length).toBeGreaterThan(0);
  expect(next.objectMapping.map((r) => r.cells.activity.value)).toEqual(["Hemtjänst"]);

  const v3 = history(next).filter(([table]) =>
    ["tblMal", "tblIndikatorer", "tblRapporttext"].includes(String(table))
  );
  expect(v3.map((entry) => entry.slice(0, 3))).toEqual(
    expect.arrayContaining([
      ["tblMal", "M1", "Bedömning"],
      ["tblMal", "M1", "Analys"],
      ["tblIndikatorer", "I1", "Utfall"],
      ["tblIndikatorer", "I1", "Målvärde"],
      ["tblIndikatorer", "I1", "Utfall fg år"],
      ["tblIndikatorer", "I1", "Kommentar"],
      ["tblRapporttext", "Personal", "Text"],
    ])
  );
  expect(v3.map((entry) => entry[3])).toEqual(
    expect.arrayContaining(["Delvis uppfyllt", "Sjunker.", "Nära målet.", "Årets text."])
  );
});

describe("a Målvärde changed during the year (malvarde-andrat)", () => {
  const TODAY = new Date(Date.UTC(2024, 8, 20));
  const T1: WorkbookContent = { ...T2, settings: { ...T2.settings, period: "T1" } };

  async function rolledToT2(target: number): Promise<Model> {
    const next = rollForward(await written(T1)).content;
    const [indicator] = next.tables?.indicators ?? [];
    return written({
      ...next,
      tables: { ...next.tables, indicators: [{ ...indicator, target, actual: 8.2 }] },
    });
  }

  it("Historik records Målvärde when the period closes, and a changed one is a varning naming both", async () => {
    const model = await rolledToT2(7.5);
    expect(history(model)).toEqual(
      expect.arrayContaining([["tblIndikatorer", "I1", "Målvärde", "8"]])
    );
    const found = validate(model, { today: TODAY }).filter((f) => f.code === "malvarde-andrat");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        sheet: "Indikatorer",
        message: expect.stringContaining("är 7,5 men var 8 i T1 2024"),
      }),
    ]);
  });

  it("is silent while the Målvärde stands as decided", async () => {
    const model = await rolledToT2(8);
    const found = validate(model, { today: TODAY });
    expect(found.map((f) => f.code)).not.toContain("malvarde-andrat");
  });
});
