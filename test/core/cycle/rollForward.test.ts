/**
 * Ny period, T1 → T2 → Helår → T1 of the next year, through real workbooks: each period is built
 * with buildWorkbook, written, read back with exceljs, parsed and rolled forward; the ekonom's
 * figures are filled in between. Also: a version-1 workbook rolls forward into version 2.
 */
import { rollForward, type RolledForward } from "../../../src/core/cycle/nextPeriod";
import { PeriodUnknownError } from "../../../src/core/errors";
import type { Model } from "../../../src/core/model";
import { parseModel } from "../../../src/core/parse/parseModel";
import type { WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { TEMPLATE_V1 } from "../../../src/core/template/v1";
import type { TemplateDefinition } from "../../../src/core/template/definition";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/saveWorkbook";
import { EXAMPLE_2024_T2 } from "../../../scripts/data/exempel-2024-T2";
import { filled, HELAR_FILLING, T1_2024, T2_FILLING } from "./yearContent";

async function written(
  content: WorkbookContent,
  template: TemplateDefinition = LATEST_TEMPLATE
): Promise<Model> {
  const bytes = await workbookBytes(buildWorkbook(template, content));
  return parseModel(await readSnapshotFromBuffer(bytes, "arbetsbok.xlsx"));
}

const ids = (model: Model) => ({
  risks: model.risks.map((r) => r.cells.id.value),
  actions: model.actions.map((a) => a.cells.id.value),
  controls: model.controls.map((c) => c.cells.id.value),
});

/** Historik's rows as `år period tabell nyckel kolumn = värde`. */
const historyOf = (model: Model) =>
  model.history.map(
    ({ cells: c }) =>
      `${c.year.value} ${c.period.value} ${c.table.value} ${c.key.value} ${c.column.value} = ${String(c.value.raw)}`
  );

const column = <K extends string>(
  rows: readonly { cells: Record<K, { value: unknown }> }[],
  key: K
) => rows.map((r) => r.cells[key].value);

describe("T1 → T2 → Helår → T1 of the next year", () => {
  let t1: Model;
  let t2: Model;
  let helar: Model;
  let next: Model;
  let rolls: RolledForward[];

  beforeAll(async () => {
    t1 = await written(T1_2024);
    const toT2 = rollForward(t1);
    t2 = await written(filled(toT2.content, T2_FILLING));
    const toHelar = rollForward(t2);
    helar = await written(filled(toHelar.content, HELAR_FILLING));
    const toNext = rollForward(helar);
    next = await written(toNext.content);
    rolls = [toT2, toHelar, toNext];
  });

  it("moves through the periods and years, always as the latest template version", () => {
    expect(rolls.map((r) => [r.closed, r.next])).toEqual([
      [
        { year: 2024, period: "T1" },
        { year: 2024, period: "T2" },
      ],
      [
        { year: 2024, period: "T2" },
        { year: 2024, period: "Helår" },
      ],
      [
        { year: 2024, period: "Helår" },
        { year: 2025, period: "T1" },
      ],
    ]);
    for (const model of [t2, helar, next]) {
      expect(model.template.version).toBe(LATEST_TEMPLATE.version);
      expect(model.settings.values.templateVersion).toBe(LATEST_TEMPLATE.version);
    }
    expect(
      [t2, helar, next].map((m) => [m.settings.values.year, m.settings.values.period])
    ).toEqual([
      [2024, "T2"],
      [2024, "Helår"],
      [2025, "T1"],
    ]);
  });

  it("keeps the settings that describe the nämnd and resets the ready-mark", () => {
    for (const model of [t2, helar, next]) {
      expect(model.settings.values).toMatchObject({
        organisation: "Vård- och omsorgsnämnden",
        unit: "mnkr",
        materialAmount: 1,
        materialPercent: 5,
        readyMark: "Nej",
        readyBy: null,
        readyDate: null,
      });
    }
  });

  it("keeps every risk, åtgärd and kontroll within the year", async () => {
    expect(ids(t2)).toEqual(ids(t1));
    expect(ids(helar)).toEqual(ids(t1));
    const rolled = await written(rollForward(t1).content);
    expect(column(rolled.actions, "status")).toEqual(["Pågående", "Avslutad", "Pågående"]);
    expect(rolled.actions[0].cells.endDate.value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(rolled.actions[0].cells.comment.value).toBe("Annonser ute.");
    expect(rolled.risks.map((r) => r.cells.likelihood.value)).toEqual([3, 2]);
  });

  it("moves every forecast into Prognos föregående tertial and clears the period's own figures", () => {
    expect(column(t2.incomeStatement, "previousForecast")).toEqual([89, -740]);
    expect(column(t2.operatingStatement, "previousForecast")).toEqual([-330, -321]);
    expect(column(t2.investments, "previousForecast")).toEqual([-4]);
    expect(column(helar.incomeStatement, "previousForecast")).toEqual([90, -752]);
    expect(column(helar.operatingStatement, "previousForecast")).toEqual([-335, -318]);
    expect(column(helar.investments, "previousForecast")).toEqual([-4.5]);
    const rolled = rollForward(t1).content.tables!;
    expect(
      rolled.incomeStatement!.map((r) => [r.forecast, r.actual, r.comment, r.periodBudget])
    ).toEqual([
      [undefined, undefined, undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ]);
    // Budgets and last year's bokslut stay within the year.
    expect(column(helar.incomeStatement, "budget")).toEqual([88, -720]);
    expect(column(helar.incomeStatement, "priorYear")).toEqual([90, -700]);
  });

  it("computes Prognosförändring as Prognos helår − Prognos föregående tertial (negative = worse)", () => {
    const change = LATEST_TEMPLATE.tables.incomeStatement.columns.find(
      (c) => c.key === "forecastChange"
    )!;
    const values = (m: Model) =>
      m.incomeStatement.map((r) =>
        change.compute!({
          forecast: r.cells.forecast.value,
          previousForecast: r.cells.previousForecast.value,
        })
      );
    expect(values(t2)).toEqual([90 - 89, -752 - -740]);
    expect(values(t1)).toEqual([null, null]);
  });

  it("keeps a kontroll's result when it was reported for a period and clears a Löpande one", async () => {
    const rolled = await written(rollForward(t1).content);
    expect(
      rolled.controls.map((c) => [c.cells.id.value, c.cells.result.value, c.cells.comment.value])
    ).toEqual([
      ["K1", "Kontroll genomförd utan avvikelse", "Inga fel."],
      ["K2", null, null],
      ["K3", null, null],
    ]);
    // K3 (T2), reported in T2, keeps its result into Helår.
    expect(helar.controls[2].cells.result.value).toBe("Kontroll genomförd utan avvikelse");
  });

  it("writes each closed period's values into Historik, tagged with that period", () => {
    const history = historyOf(next);
    for (const [period, forecasts] of [
      ["T1", [89, -740]],
      ["T2", [90, -752]],
      ["Helår", [91, -755]],
    ] as const) {
      expect(history).toEqual(
        expect.arrayContaining([
          `2024 ${period} tblResultatrakning Verksamhetens intäkter Prognos helår = ${forecasts[0]}`,
          `2024 ${period} tblResultatrakning Personalkostnader Prognos helår = ${forecasts[1]}`,
        ])
      );
    }
    expect(history).toEqual(
      expect.arrayContaining([
        "2024 T1 tblResultatrakning Verksamhetens intäkter Utfall period = 31",
        "2024 T1 tblResultatrakning Verksamhetens intäkter Kommentar = Något högre intäkter.",
        "2024 T1 tblDriftsredovisning Hemtjänst Prognos helår = -330",
        "2024 T2 tblInvesteringar Inventarier Prognos helår = -4.5",
        "2024 T1 tblAtgarder Å1 Status = Pågående",
        // Åtgärder dropped at the year end stay in Historik whole.
        "2024 Helår tblAtgarder Å2 Åtgärd = Introduktion",
        "2024 Helår tblAtgarder Å2 Slutdatum = 2024-03-31",
        "2024 Helår tblAtgarder Å3 Kommentar vid senaste uppföljning = Ersatt av Å1.",
        "2024 T2 tblAtgarder Å3 Status = Avbruten",
        "2024 T1 tblInternkontroll K2 Resultat = Kontroll genomförd med mindre avvikelse",
        "2024 T1 tblRisker R1 Sannolikhet = 3",
        "2024 T1 tblVolymer Hemtjänst Volym prognos = 1100",
      ])
    );
    // A value the roll keeps is not copied (the åtgärd's dates), only its status, and that
    // only when it is new or changed: Å1 stays Pågående all year, Å3 changes in T2.
    expect(history.filter((h) => / tblAtgarder Å[13] Status /.test(h))).toEqual([
      "2024 T1 tblAtgarder Å1 Status = Pågående",
      "2024 T1 tblAtgarder Å3 Status = Pågående",
      "2024 T2 tblAtgarder Å3 Status = Avbruten",
      "2024 Helår tblAtgarder Å3 Status = Avbruten", // dropped at the year end: its whole row
    ]);
    // Every forecast of every period is there once.
    const forecasts = history.filter((h) => h.includes(" Prognos helår = "));
    expect(forecasts).toHaveLength(3 * (2 + 2 + 1));
    expect(rolls.map((r) => r.historyTotal)).toEqual([
      historyOf(t2).length,
      historyOf(helar).length,
      history.length,
    ]);
  });

  it("at the year end: Bokslut fg år from the outcome, budgets and forecasts cleared, finished åtgärder dropped", () => {
    expect(next.incomeStatement.map((r) => [r.cells.post.value, r.cells.priorYear.value])).toEqual([
      ["Verksamhetens intäkter", 91],
      ["Personalkostnader", -755],
    ]);
    for (const key of [
      "budget",
      "forecast",
      "previousForecast",
      "actual",
      "periodBudget",
    ] as const) {
      expect(column(next.incomeStatement, key)).toEqual([null, null]);
      expect(column(next.operatingStatement, key)).toEqual([null, null]);
    }
    expect(column(next.investments, "budget")).toEqual([null]);
    expect(rolls[2].droppedActions).toEqual(["Å2", "Å3"]);
    expect(ids(next)).toEqual({ ...ids(t1), actions: ["Å1"] });
    expect(column(next.controls, "result")).toEqual([null, null, null]);
  });

  it("fills Utfall period fg år from Historik's Utfall period of the same period a year earlier", () => {
    expect(column(next.incomeStatement, "actualPriorYear")).toEqual([31, -250]);
    expect(column(next.operatingStatement, "actualPriorYear")).toEqual([-110, -109]);
    // Within 2024 Historik holds no 2023 figures, so the column is left for the ekonom.
    expect(column(t2.incomeStatement, "actualPriorYear")).toEqual([null, null]);
  });

  it("rolling the same period again keeps its Historik rows and does not repeat them", async () => {
    const rolled = rollForward(t1).content;
    // A T2 workbook set back to T1 by hand: its Historik holds only T1 2024 rows.
    const backToT1 = await written({ ...rolled, settings: { ...rolled.settings, period: "T1" } });
    expect(backToT1.history.length).toBeGreaterThan(0);
    const again = await written(rollForward(backToT1).content);
    expect(historyOf(again)).toEqual(expect.arrayContaining(historyOf(backToT1)));
    expect(new Set(historyOf(again)).size).toBe(historyOf(again).length);
    // What the set-back workbook still holds of T1 (statuses, kept results) is there already.
    expect(historyOf(again).length - historyOf(backToT1).length).toBeLessThan(
      historyOf(backToT1).length / 4
    );
  });
});

describe("a version-1 workbook", () => {
  it("rolls forward into the latest version, its forecasts in Prognos föregående tertial", async () => {
    const v1 = await written(EXAMPLE_2024_T2, TEMPLATE_V1);
    expect(v1.template.version).toBe(1);
    expect(v1.history).toEqual([]);
    expect(v1.incomeStatement[0].cells.previousForecast.absent).toBe(true);
    const rolled = rollForward(v1);
    const helar = await written(rolled.content);
    expect(helar.template.version).toBe(3);
    expect([helar.settings.values.year, helar.settings.values.period]).toEqual([2024, "Helår"]);
    expect(column(helar.incomeStatement, "previousForecast")).toEqual(
      column(v1.incomeStatement, "forecast")
    );
    expect(column(helar.operatingStatement, "previousForecast")).toEqual(
      column(v1.operatingStatement, "forecast")
    );
    expect(ids(helar)).toEqual(ids(v1));
    expect(helar.history.length).toBe(rolled.historyAdded);
    expect(historyOf(helar)).toEqual(
      expect.arrayContaining([
        "2024 T2 tblResultatrakning Personalkostnader Prognos helår = -829.9",
      ])
    );
  });
});

describe("a workbook without a usable period", () => {
  it.each([
    [{ period: null }, /Period \(bladet Inställningar, cell B\d+\) är inte ifylld/],
    [{ period: "T4" }, /Period \(bladet Inställningar, cell B\d+\) "T4" går inte att använda/],
    [{ year: "i år" }, /År \(bladet Inställningar, cell B\d+\) "i år" går inte att använda/],
  ])("is refused with a Swedish message naming the cell (%j)", async (settings, message) => {
    const model = await written({ ...T1_2024, settings: { ...T1_2024.settings, ...settings } });
    expect(() => rollForward(model)).toThrow(PeriodUnknownError);
    expect(() => rollForward(model)).toThrow(message);
  });
});
