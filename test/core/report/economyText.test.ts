/** The economy's generated sentences, from real workbooks through the pipeline and one by one. */
import { analyse, generateReport } from "../../../src/core/pipeline";
import {
  forecastAccuracyText,
  forecastChangeText,
  materialDeviationNote,
  materialDeviationsText,
  NO_THRESHOLDS,
  thresholdText,
} from "../../../src/core/report/economyText";
import type { ForecastAccuracy } from "../../../src/core/rollup/forecastAccuracy";
import type {
  MaterialDeviation,
  MaterialityThresholds,
} from "../../../src/core/rollup/materiality";
import type { CellValue } from "../../../src/core/snapshot";
import type { SettingKey } from "../../../src/core/template/definition";
import { makeSnapshot, type RowSpec } from "../../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 20));
const NBSP = "\u00a0";

/** The summary of a workbook whose resultaträkning holds `lines` (thresholds 1,0 mnkr or 5 %). */
function summary(
  lines: readonly RowSpec[],
  settings: Partial<Record<SettingKey, CellValue>> = {}
): string {
  const snapshot = makeSnapshot({ incomeStatement: lines }, settings);
  return generateReport(analyse(snapshot, { today: TODAY })).summary;
}

const cost = (post: string, budget: number, forecast: number, extra: RowSpec = {}): RowSpec => ({
  Post: post,
  Typ: "Kostnad",
  "Budget helår": budget,
  "Prognos helår": forecast,
  ...extra,
});

describe("economySummary", () => {
  it("calls a forecast below budget an underskott, by its size, and names the largest deviation", () => {
    expect(summary([cost("Personalkostnader", -763.5, -829.9), cost("Lokaler", -60, -59.5)])).toBe(
      `Helårsprognosen är 889,4${NBSP}mnkr, vilket innebär ett underskott på 65,9${NBSP}mnkr mot ` +
        `budget. Den största avvikelsen finns inom personalkostnader, \u221266,4${NBSP}mnkr mot budget. ` +
        `En post i resultaträkningen har en väsentlig avvikelse (minst 1,0${NBSP}mnkr eller minst ` +
        `5${NBSP}% av budget); den redovisas under Väsentliga avvikelser.`
    );
  });

  it("calls a forecast above budget an överskott, and signs a positive deviation", () => {
    expect(summary([cost("Köp av verksamhet", -300, -276.4)])).toMatch(
      new RegExp(
        `^Helårsprognosen är 276,4${NBSP}mnkr, vilket innebär ett överskott på 23,6${NBSP}mnkr mot ` +
          `budget\\. Den största avvikelsen finns inom köp av verksamhet, \\+23,6${NBSP}mnkr mot budget\\.`
      )
    );
  });

  it("says in line with budget, and names no largest deviation when there is none", () => {
    expect(summary([cost("Lokaler", -60, -60)])).toBe(
      `Helårsprognosen är 60,0${NBSP}mnkr, vilket är i nivå med budget. Ingen avvikelse mot budget ` +
        `är väsentlig (minst 1,0${NBSP}mnkr eller minst 5${NBSP}% av budget).`
    );
  });

  it("words a net income and the period's outcome against the periodbudget", () => {
    const line = {
      Post: "Taxor",
      Typ: "Intäkt",
      "Utfall period": 30.2,
      Periodbudget: 29.0,
      "Budget helår": 44,
      "Prognos helår": 44.02,
    };
    expect(summary([line])).toBe(
      `Utfallet för perioden januari–augusti är en nettointäkt på 30,2${NBSP}mnkr, vilket innebär ` +
        `ett överskott på 1,2${NBSP}mnkr mot periodbudgeten. Helårsprognosen är en nettointäkt på ` +
        `44,0${NBSP}mnkr, vilket är i nivå med budget. Ingen avvikelse mot budget är väsentlig ` +
        `(minst 1,0${NBSP}mnkr eller minst 5${NBSP}% av budget).`
    );
  });

  it("states the condition Belopp och procent in the limits", () => {
    expect(
      summary([cost("Lokaler", -60, -60)], { materialCondition: "Belopp och procent" })
    ).toContain(`(minst 1,0${NBSP}mnkr och minst 5${NBSP}% av budget)`);
  });
});

const deviation = (source: MaterialDeviation["source"], label: string): MaterialDeviation => ({
  source,
  label,
  budget: -100,
  yearEnd: -110,
  deviation: -10,
  share: -0.1,
  comment: null,
  commented: false,
  sheet: "",
  row: 4,
  commentCell: "J4",
});
const EITHER: MaterialityThresholds = { amount: 5, percent: 10, both: false };
const BOTH: MaterialityThresholds = { ...EITHER, both: true };
const ALL_COMPARED = { compared: 12, missing: 0 };

describe("materialDeviationsText", () => {
  it("counts the resultaträkning's posts and the driftsredovisning's verksamheter apart", () => {
    const found = [
      ...["Personal", "Köp", "Bidrag", "Taxor"].map((l) => deviation("incomeStatement", l)),
      ...["Hemtjänst", "LSS", "Korttid", "Nämnd", "Öppen", "Assistans"].map((l) =>
        deviation("operatingStatement", l)
      ),
    ];
    expect(materialDeviationsText(found, EITHER, "mnkr", ALL_COMPARED)).toBe(
      `Fyra poster i resultaträkningen och sex verksamheter i driftsredovisningen har väsentliga ` +
        `avvikelser (minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget); de redovisas under ` +
        `Väsentliga avvikelser.`
    );
  });

  it("agrees in number, and counts investeringar too", () => {
    expect(
      materialDeviationsText([deviation("investments", "Larm")], EITHER, "mnkr", ALL_COMPARED)
    ).toBe(
      `En investering har en väsentlig avvikelse (minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av ` +
        `budget); den redovisas under Väsentliga avvikelser.`
    );
    expect(
      materialDeviationsText(
        [
          deviation("operatingStatement", "Hemtjänst"),
          deviation("investments", "Larm"),
          deviation("investments", "Kök"),
        ],
        BOTH,
        "tkr",
        ALL_COMPARED
      )
    ).toBe(
      `En verksamhet i driftsredovisningen och två investeringar har väsentliga avvikelser (minst ` +
        `5${NBSP}tkr och minst 10${NBSP}% av budget); de redovisas under Väsentliga avvikelser.`
    );
  });

  it("says so when none is material, or when no threshold is set", () => {
    expect(materialDeviationsText([], EITHER, "mnkr", ALL_COMPARED)).toBe(
      `Ingen avvikelse mot budget är väsentlig (minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget).`
    );
    expect(
      materialDeviationsText([], { amount: null, percent: null, both: false }, "mnkr", ALL_COMPARED)
    ).toBe(NO_THRESHOLDS);
  });

  it("never states a comparison it could not make", () => {
    expect(materialDeviationsText([], EITHER, "mnkr", { compared: 0, missing: 9 })).toBe(
      "Jämförelsen mot budget kan inte göras: ingen rad har både Budget helår och Prognos helår."
    );
    expect(materialDeviationsText([], EITHER, "mnkr", { compared: 0, missing: 0 }, "outcome")).toBe(
      "Jämförelsen mot budget kan inte göras: ingen rad har både Budget helår och Utfall period."
    );
    expect(materialDeviationsText([], EITHER, "mnkr", { compared: 4, missing: 2 })).toBe(
      `Ingen av de jämförda raderna har en väsentlig avvikelse mot budget (minst 5,0${NBSP}mnkr ` +
        `eller minst 10${NBSP}% av budget). Två rader med budget saknar Prognos helår och kunde ` +
        `inte jämföras.`
    );
    expect(
      materialDeviationsText([deviation("investments", "Larm")], EITHER, "mnkr", {
        compared: 4,
        missing: 1,
      })
    ).toMatch(
      /Väsentliga avvikelser\. En rad med budget saknar Prognos helår och kunde inte jämföras\.$/
    );
  });
});

describe("thresholdText and materialDeviationNote", () => {
  it("join the limits with eller, or och for Belopp och procent", () => {
    expect(thresholdText(EITHER, "mnkr")).toBe(
      `minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget`
    );
    expect(thresholdText(BOTH, null)).toBe(`minst 5,0 och minst 10${NBSP}% av budget`);
    // As the unit shows amounts: whole tkr and kr, one decimal in mnkr.
    expect(thresholdText({ amount: 5, percent: null, both: true }, "kr")).toBe(`minst 5${NBSP}kr`);
    expect(thresholdText({ amount: 5000, percent: null, both: true }, "tkr")).toBe(
      `minst 5${NBSP}000${NBSP}tkr`
    );
    // Never rounded to another figure than the one given.
    expect(thresholdText({ amount: 2.5, percent: null, both: true }, "tkr")).toBe(
      `minst 2,5${NBSP}tkr`
    );
  });

  it("say which limits no deviation reaches", () => {
    const intro = `Avvikelser prognos helår mot budget på minst 5,0${NBSP}mnkr`;
    expect(materialDeviationNote(EITHER, "mnkr", 0)).toBe(
      `${intro} eller minst 10${NBSP}% av budget, störst först. Ingen avvikelse når någon av gränserna.`
    );
    expect(materialDeviationNote(BOTH, "mnkr", 0)).toBe(
      `${intro} och minst 10${NBSP}% av budget, störst först. Ingen avvikelse når båda gränserna.`
    );
    expect(materialDeviationNote({ ...EITHER, percent: null }, "mnkr", 0)).toBe(
      `${intro}, störst först. Ingen avvikelse når gränsen.`
    );
    expect(materialDeviationNote(EITHER, "mnkr", 2)).toBe(
      `${intro} eller minst 10${NBSP}% av budget, störst först.`
    );
  });
});

describe("forecastChangeText", () => {
  const worse = [
    { label: "Personalkostnader", change: -8.1 },
    { label: "Hemtjänst", change: -3 },
  ];

  it("says how much the forecast got worse, and names the movers (two, one or none)", () => {
    expect(forecastChangeText(-12.3, worse, "forecast", "T1", "mnkr")).toBe(
      `Jämfört med prognosen i T1 har helårsprognosen försämrats med 12,3${NBSP}mnkr, främst inom ` +
        `personalkostnader (\u22128,1${NBSP}mnkr) och hemtjänst (\u22123,0${NBSP}mnkr).`
    );
    expect(
      forecastChangeText(2, [{ label: "Köp av verksamhet", change: 2 }], "forecast", "T1", "mnkr")
    ).toBe(
      `Jämfört med prognosen i T1 har helårsprognosen förbättrats med 2,0${NBSP}mnkr, främst inom ` +
        `köp av verksamhet (+2,0${NBSP}mnkr).`
    );
    expect(forecastChangeText(-0.1, [], "forecast", "T1", "mnkr")).toBe(
      `Jämfört med prognosen i T1 har helårsprognosen försämrats med 0,1${NBSP}mnkr.`
    );
  });

  it("calls a change that prints as 0,0 unchanged, and says nothing without a previous forecast", () => {
    expect(forecastChangeText(0.04, worse, "forecast", "T1", "mnkr")).toBe(
      "Jämfört med prognosen i T1 är helårsprognosen oförändrad."
    );
    expect(forecastChangeText(null, [], "forecast", "T1", "mnkr")).toBeNull();
  });

  it("at Helår compares the outcome with T2's forecast, without calling it a forecast", () => {
    expect(
      forecastChangeText(
        5.1,
        [{ label: "Personalkostnader", change: 6.6 }],
        "outcome",
        "T2",
        "mnkr"
      )
    ).toBe(
      `Jämfört med prognosen i T2 blev utfallet för helåret 5,1${NBSP}mnkr bättre, främst inom ` +
        `personalkostnader (+6,6${NBSP}mnkr).`
    );
    expect(forecastChangeText(-0.02, [], "outcome", "T2", "mnkr")).toBe(
      "Utfallet för helåret blev detsamma som prognosen i T2."
    );
  });
});

describe("economySummary by period", () => {
  const tables = {
    incomeStatement: [
      cost("Personalkostnader", -763.5, -829.9, {
        "Prognos föregående tertial": -803.3,
        "Utfall period": -823.3,
      }),
      cost("Lokalhyror", -64.1, -68.9, {
        "Prognos föregående tertial": -70,
        "Utfall period": -68.4,
      }),
    ],
    operatingStatement: [
      {
        Verksamhet: "Hemtjänst",
        "Budget helår": -221.3,
        "Prognos helår": -247,
        "Prognos föregående tertial": -236.7,
        "Utfall period": -244.4,
      },
      {
        Verksamhet: "Särskilt boende",
        "Budget helår": -606.3,
        "Prognos helår": -651.8,
        "Prognos föregående tertial": -636.6,
        "Utfall period": -647.3,
      },
    ],
  };

  it("in T2 adds how the forecast moved since T1, naming the largest mover of each ledger in that direction", () => {
    const text = generateReport(
      analyse(makeSnapshot(tables, { period: "T2" }), { today: TODAY })
    ).summary;
    // Summa totalt: −898,8 against T1's −873,3; Lokalhyror moved the other way and is not named.
    expect(text).toContain(
      `Jämfört med prognosen i T1 har helårsprognosen försämrats med 25,5${NBSP}mnkr, främst inom ` +
        `personalkostnader (\u221226,6${NBSP}mnkr) och särskilt boende (\u221215,2${NBSP}mnkr).`
    );
  });

  it("at Helår speaks of the year's outcome, never of a forecast of its own", () => {
    const text = generateReport(
      analyse(makeSnapshot(tables, { period: "Helår" }), { today: TODAY })
    ).summary;
    expect(text).toMatch(
      new RegExp(
        `^Utfallet för helåret är 891,7${NBSP}mnkr, vilket innebär ett underskott på 64,1${NBSP}mnkr ` +
          `mot budget\\. Den största avvikelsen finns inom personalkostnader, \u221259,8${NBSP}mnkr mot budget\\. `
      )
    );
    expect(text).not.toMatch(/[Hh]elårsprognos|Prognos helår/);
    // The outcome against T2's forecast (Prognos föregående tertial at Helår): −891,7 − (−873,3).
    expect(text).toContain(
      `Jämfört med prognosen i T2 blev utfallet för helåret 18,4${NBSP}mnkr sämre`
    );
  });

  it("at Helår says so when the resultaträkning has no outcome", () => {
    const text = generateReport(
      analyse(makeSnapshot({ incomeStatement: [cost("Lokaler", -60, -60)] }, { period: "Helår" }), {
        today: TODAY,
      })
    ).summary;
    expect(text).toMatch(
      /^Resultaträkningen saknar utfall, så något helårsutfall kan inte redovisas\. /
    );
  });
});

describe("forecastAccuracyText", () => {
  const accuracy = (miss: number | null, share: number | null): ForecastAccuracy => ({
    year: 2024,
    sections: [],
    anyForecast: true,
    largest:
      miss === null
        ? null
        : { source: "operatingStatement", label: "Hemtjänst", period: "T2", miss, share },
  });

  it("names the largest miss, its table and period, better or worse", () => {
    expect(forecastAccuracyText(accuracy(2.6, 0.0105), "mnkr")).toBe(
      `Den största prognosmissen finns inom hemtjänst i driftsredovisningen: utfallet blev ` +
        `2,6${NBSP}mnkr (1,1${NBSP}%) bättre än prognosen i T2.`
    );
    expect(forecastAccuracyText(accuracy(-2.6, null), "mnkr")).toBe(
      `Den största prognosmissen finns inom hemtjänst i driftsredovisningen: utfallet blev ` +
        `2,6${NBSP}mnkr sämre än prognosen i T2.`
    );
  });

  it("says when the outcome met every forecast, and gives no sentence without forecasts", () => {
    expect(forecastAccuracyText(accuracy(null, null), "mnkr")).toBe(
      "Utfallet blev på varje rad detsamma som prognoserna i T1 och T2."
    );
    expect(forecastAccuracyText({ ...accuracy(1, 1), anyForecast: false }, "mnkr")).toBeNull();
  });
});

describe("materialDeviationNote at Helår", () => {
  it("speaks of the outcome against budget", () => {
    expect(
      materialDeviationNote({ amount: 5, percent: 10, both: false }, "mnkr", 2, "outcome")
    ).toBe(
      `Avvikelser utfall mot budget på minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget, störst först.`
    );
  });
});
