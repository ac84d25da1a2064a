/**
 * Mål, Indikatorer and Rapporttext over T2 → Helår → T1 of the next year, each step written and
 * read back as a file: within the year Målvärde and Utfall fg år stay while the period's values
 * go to Historik; at the year end Utfall becomes Utfall fg år and Målvärde goes to Historik.
 */
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import type { Model } from "../../../src/core/model";
import { parseModel } from "../../../src/core/parse/parseModel";
import type { WorkbookContent } from "../../../src/core/template/content";
import { T1_2024 } from "./yearContent";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

async function written(content: WorkbookContent): Promise<Model> {
  return parseModel(await writtenSnapshot(content));
}

const T2: WorkbookContent = {
  ...T1_2024,
  settings: { ...T1_2024.settings, period: "T2" },
  tables: {
    ...T1_2024.tables,
    goals: [
      {
        id: "M1",
        goal: "Minskad sjukfrånvaro",
        level: "Nämnd",
        assessment: "Delvis uppfyllt",
        analysis: "T2-analys.",
      },
    ],
    indicators: [
      {
        id: "I1",
        goalId: "M1",
        indicator: "Sjukfrånvaro",
        area: "Mål",
        direction: "Lägre är bättre",
        priorYear: 9.1,
        target: 8,
        actual: 8.6,
        comment: "T2-kommentar.",
      },
    ],
    reportText: [{ section: "Väsentliga händelser", text: "T2-text." }],
  },
};

/** Historik's rows of the v3 tables as [År, Period, Tabell, Nyckel, Kolumn, Värde] (Värde as text). */
const v3History = (model: Model) =>
  model.history
    .map((r) => [
      r.cells.year.value,
      r.cells.period.value,
      r.cells.table.value,
      r.cells.key.value,
      r.cells.column.value,
      r.cells.value.value,
    ])
    .filter(([, , table]) =>
      ["tblMal", "tblIndikatorer", "tblRapporttext"].includes(String(table))
    );

const indicatorValues = (model: Model) =>
  model.indicators.map((i) => [
    i.cells.priorYear.value,
    i.cells.target.value,
    i.cells.actual.value,
    i.cells.comment.value,
  ]);

describe("carrying mål och indikatorer T2 → Helår → T1", () => {
  let helår: Model;
  let t1: Model;

  beforeAll(async () => {
    const filled = rollForward(await written(T2)).content;
    helår = await written(filled);
    // The ekonom fills in the year's outcome before the year end.
    const tables = filled.tables!;
    const helårFilled: WorkbookContent = {
      ...filled,
      tables: {
        ...tables,
        goals: (tables.goals ?? []).map((g) => ({
          ...g,
          assessment: "Uppfyllt",
          analysis: "Helårsanalys.",
        })),
        indicators: (tables.indicators ?? []).map((i) => ({
          ...i,
          actual: 7.9,
          comment: "Helårskommentar.",
        })),
        reportText: (tables.reportText ?? []).map((r) => ({ ...r, text: "Helårstext." })),
      },
    };
    t1 = await written(rollForward(await written(helårFilled)).content);
  });

  it("within the year keeps Målvärde (recording it) and Utfall fg år and clears Bedömning, Analys, Utfall, Kommentar and Text into Historik", () => {
    expect(helår.settings.values.period).toBe("Helår");
    expect(
      helår.goals.map((g) => [g.cells.id.value, g.cells.assessment.value, g.cells.analysis.value])
    ).toEqual([["M1", null, null]]);
    expect(indicatorValues(helår)).toEqual([[9.1, 8, null, null]]);
    expect(helår.reportText.map((r) => [r.cells.section.value, r.cells.text.value])).toEqual([
      ["Väsentliga händelser", null],
    ]);
    expect(v3History(helår)).toEqual(
      expect.arrayContaining([
        [2024, "T2", "tblMal", "M1", "Bedömning", "Delvis uppfyllt"],
        [2024, "T2", "tblMal", "M1", "Analys", "T2-analys."],
        [2024, "T2", "tblIndikatorer", "I1", "Utfall", "8.6"],
        [2024, "T2", "tblIndikatorer", "I1", "Kommentar", "T2-kommentar."],
        [2024, "T2", "tblRapporttext", "Väsentliga händelser", "Text", "T2-text."],
      ])
    );
    // Målvärde and Utfall fg år stay in the workbook; Historik records Målvärde once (the nämnd's
    // decision, so a change later in the year shows) and never Utfall fg år.
    expect(
      v3History(helår).filter(
        ([, , , , column]) => column === "Målvärde" || column === "Utfall fg år"
      )
    ).toEqual([[2024, "T2", "tblIndikatorer", "I1", "Målvärde", "8"]]);
  });

  it("at the year end makes Utfall the Utfall fg år and clears Målvärde into Historik", () => {
    expect([t1.settings.values.year, t1.settings.values.period]).toEqual([2025, "T1"]);
    expect(indicatorValues(t1)).toEqual([[7.9, null, null, null]]);
    expect(
      t1.goals.map((g) => [g.cells.id.value, g.cells.goal.value, g.cells.assessment.value])
    ).toEqual([["M1", "Minskad sjukfrånvaro", null]]);
    expect(v3History(t1)).toEqual(
      expect.arrayContaining([
        [2024, "Helår", "tblMal", "M1", "Bedömning", "Uppfyllt"],
        [2024, "Helår", "tblIndikatorer", "I1", "Utfall", "7.9"],
        [2024, "Helår", "tblIndikatorer", "I1", "Målvärde", "8"],
        [2024, "Helår", "tblIndikatorer", "I1", "Utfall fg år", "9.1"],
        [2024, "Helår", "tblRapporttext", "Väsentliga händelser", "Text", "Helårstext."],
        // The T2 rows are carried on.
        [2024, "T2", "tblMal", "M1", "Analys", "T2-analys."],
      ])
    );
  });
});
