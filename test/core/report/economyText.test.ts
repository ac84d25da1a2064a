/** The economy's generated sentences, from real workbooks through the pipeline and one by one. */
import { analyse, generateReport } from "../../../src/core/pipeline";
import {
  materialDeviationNote,
  materialDeviationsText,
  NO_THRESHOLDS,
  thresholdText,
} from "../../../src/core/report/economyText";
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

describe("materialDeviationsText", () => {
  it("counts the resultaträkning's posts and the driftsredovisning's verksamheter apart", () => {
    const found = [
      ...["Personal", "Köp", "Bidrag", "Taxor"].map((l) => deviation("incomeStatement", l)),
      ...["Hemtjänst", "LSS", "Korttid", "Nämnd", "Öppen", "Assistans"].map((l) =>
        deviation("operatingStatement", l)
      ),
    ];
    expect(materialDeviationsText(found, EITHER, "mnkr")).toBe(
      `Fyra poster i resultaträkningen och sex verksamheter i driftsredovisningen har väsentliga ` +
        `avvikelser (minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget); de redovisas under ` +
        `Väsentliga avvikelser.`
    );
  });

  it("agrees in number, and counts investeringar too", () => {
    expect(materialDeviationsText([deviation("investments", "Larm")], EITHER, "mnkr")).toBe(
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
        "tkr"
      )
    ).toBe(
      `En verksamhet i driftsredovisningen och två investeringar har väsentliga avvikelser (minst ` +
        `5,0${NBSP}tkr och minst 10${NBSP}% av budget); de redovisas under Väsentliga avvikelser.`
    );
  });

  it("says so when none is material, or when no threshold is set", () => {
    expect(materialDeviationsText([], EITHER, "mnkr")).toBe(
      `Ingen avvikelse mot budget är väsentlig (minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget).`
    );
    expect(materialDeviationsText([], { amount: null, percent: null, both: false }, "mnkr")).toBe(
      NO_THRESHOLDS
    );
  });
});

describe("thresholdText and materialDeviationNote", () => {
  it("join the limits with eller, or och for Belopp och procent", () => {
    expect(thresholdText(EITHER, "mnkr")).toBe(
      `minst 5,0${NBSP}mnkr eller minst 10${NBSP}% av budget`
    );
    expect(thresholdText(BOTH, null)).toBe(`minst 5,0 och minst 10${NBSP}% av budget`);
    expect(thresholdText({ amount: 5, percent: null, both: true }, "kr")).toBe(
      `minst 5,0${NBSP}kr`
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
