/**
 * Prognossäkerhet: a year rolled T1 → T2 → Helår through real workbooks (yearContent.ts), its
 * T1 and T2 forecasts read back from Historik, against figures computed here by hand; and the
 * table Rapport Ekonomi prints from them.
 */
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import { parseModel } from "../../../src/core/parse/parseModel";
import { analyse, generateReport } from "../../../src/core/pipeline";
import type { Block } from "../../../src/core/report/reportDoc";
import type { AccuracyFigures } from "../../../src/core/rollup/forecastAccuracy";
import { rollup } from "../../../src/core/rollup/rollup";
import type { Snapshot } from "../../../src/core/snapshot";
import type { WorkbookContent } from "../../../src/core/template/content";
import { makeSnapshot } from "../../helpers/snapshot";
import { filled, HELAR_FILLING, T1_2024, T2_FILLING } from "../cycle/yearContent";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

/** The workbook written with exceljs and read back. */
const written = (content: WorkbookContent): Promise<Snapshot> => writtenSnapshot(content);

/** Forecast, outcome, miss and share, as a reader checks them by hand. */
function expected(t1: number | null, t2: number | null, outcome: number | null) {
  const miss = (f: number | null) => (f === null || outcome === null ? null : outcome - f);
  const share = (f: number | null) => {
    const m = miss(f);
    return m === null || f === null || f === 0 ? null : m / Math.abs(f);
  };
  return {
    outcome,
    periods: {
      T1: { forecast: t1, miss: miss(t1), share: share(t1) },
      T2: { forecast: t2, miss: miss(t2), share: share(t2) },
    },
  };
}

/** Full precision, compared to 9 decimals (the roll-up drops binary noise, a hand sum keeps it). */
function close(actual: AccuracyFigures, wanted: ReturnType<typeof expected>) {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
  const shape = (f: AccuracyFigures | ReturnType<typeof expected>) => ({
    outcome: round(f.outcome),
    periods: Object.fromEntries(
      Object.entries(f.periods).map(([p, m]) => [
        p,
        { forecast: round(m.forecast), miss: round(m.miss), share: round(m.share) },
      ])
    ),
  });
  expect(shape(actual)).toEqual(shape(wanted));
}

describe("Prognossäkerhet of a year rolled T1 → T2 → Helår", () => {
  let helar: Snapshot;

  beforeAll(async () => {
    const t1 = parseModel(await written(T1_2024));
    const t2 = parseModel(await written(filled(rollForward(t1).content, T2_FILLING)));
    helar = await written(filled(rollForward(t2).content, HELAR_FILLING));
  });

  it("compares each row's T1 and T2 forecasts with the year's outcome", () => {
    const accuracy = rollup(parseModel(helar)).forecastAccuracy!;
    expect(accuracy.year).toBe(2024);
    const [income, operating, investments] = accuracy.sections;
    // T1_2024's Prognos helår, T2_FILLING's, HELAR_FILLING's Utfall period.
    close(income.lines[0].figures, expected(89, 90, 91));
    close(income.lines[1].figures, expected(-740, -752, -755));
    close(income.total, expected(89 - 740, 90 - 752, 91 - 755));
    close(operating.lines[0].figures, expected(-330, -335, -338));
    close(operating.lines[1].figures, expected(-321, -318, -317));
    close(operating.total, expected(-330 - 321, -335 - 318, -338 - 317));
    close(investments.lines[0].figures, expected(-4, -4.5, -4.8));
    // By hand: personalkostnader missed T1's forecast by −755 − (−740) = −15, the largest miss.
    expect(income.lines[1].figures.periods.T1.miss).toBe(-15);
    expect(accuracy.largest).toEqual({
      source: "incomeStatement",
      label: "Personalkostnader",
      period: "T1",
      miss: -15,
      share: -15 / 740,
    });
  });

  it("prints them in Rapport Ekonomi, named by period, with the largest miss in words", () => {
    const doc = generateReport(analyse(helar)).doc;
    const blocks = doc.sheets[0].blocks;
    const at = blocks.findIndex((b) => b.kind === "heading" && b.text === "Prognossäkerhet");
    expect(at).toBeGreaterThan(0);
    const sentence = blocks[at + 1] as Extract<Block, { kind: "paragraph" }>;
    expect(sentence.text).toBe(
      "Den största prognosmissen finns inom personalkostnader i resultaträkningen: utfallet blev " +
        "15,0\u00a0mnkr (2,0\u00a0%) sämre än prognosen i T1."
    );
    const table = blocks.slice(at).find((b) => b.kind === "table") as Extract<
      Block,
      { kind: "table" }
    >;
    expect(table.columns.map((c) => c.header)).toEqual([
      "Post / Verksamhet / Investering (mnkr)",
      "Prognos T1 2024",
      "Prognos T2 2024",
      "Utfall helår 2024",
      "Utfall mot prognos T1",
      "Utfall mot prognos T1, andel",
      "Utfall mot prognos T2",
      "Utfall mot prognos T2, andel",
    ]);
    const personal = table.rows.find(
      (r) => r.kind === "line" && r.cells[0].value === "Personalkostnader"
    );
    expect(personal?.kind === "line" && personal.cells.map((c) => c.value)).toEqual([
      "Personalkostnader",
      -740,
      -752,
      -755,
      -15,
      -15 / 740,
      -3,
      -3 / 752,
    ]);
  });
});

describe("the Helår report of that year", () => {
  it("is a verksamhetsberättelse: no forecast of its own in any title, column or sentence", async () => {
    const t1 = parseModel(await written(T1_2024));
    const t2 = parseModel(await written(filled(rollForward(t1).content, T2_FILLING)));
    const helar = await written(filled(rollForward(t2).content, HELAR_FILLING));
    const report = generateReport(analyse(helar));
    const economy = report.doc.sheets[0];
    // The avstämning names the workbook's columns by their headers (where a difference is fixed).
    const reconciliation = economy.blocks.indexOf(
      economy.blocks.find((b) => b.kind === "heading" && b.text.startsWith("Avstämning"))!
    );
    const texts = economy.blocks
      .filter((_, i) => i !== reconciliation + 1)
      .flatMap((b): string[] =>
        b.kind === "table"
          ? [
              ...b.columns.map((c) => c.header),
              ...b.rows.flatMap((r) =>
                r.kind === "group" ? [r.text] : r.cells.map((c) => String(c.value))
              ),
            ]
          : "text" in b
            ? [b.text]
            : []
      );
    const all = [...texts, report.summary].join("\n");
    expect(all).toContain("Utfall helår 2024");
    expect(all).toContain("Avvikelse utfall mot budget");
    expect(all).toContain("Volym utfall helår");
    expect(all).not.toMatch(
      /Prognos helår|[Hh]elårsprognos|Avvikelse prognos|Volym prognos|prognos helår/
    );
    // The forecasts that are named are the earlier tertials', by period.
    expect(all).toContain("Prognos T2 2024");
    // Utfall jan–dec 2023 would repeat Bokslut 2023, as Utfall period would repeat the year's figure.
    const ledgerHeaders = economy.blocks.flatMap((b) =>
      b.kind === "table" ? [b.columns.map((c) => c.header)] : []
    )[0];
    expect(ledgerHeaders).toContain("Bokslut 2023");
    expect(ledgerHeaders).not.toContain("Utfall jan–dec 2023");
    expect(ledgerHeaders).toContain("Utfall helår 2024");
    expect(all).toContain("Jämfört med prognosen i T2 blev utfallet för helåret");
  });
});

describe("Prognossäkerhet without a full Historik", () => {
  const history = (key: string, period: string, value: number) => ({
    År: 2024,
    Period: period,
    Tabell: "tblDriftsredovisning",
    Nyckel: key,
    Kolumn: "Prognos helår",
    Värde: value,
  });
  const helar = (rows: Parameters<typeof makeSnapshot>[0]) =>
    rollup(parseModel(makeSnapshot(rows, { period: "Helår" }))).forecastAccuracy!;

  it("leaves a row with no recorded forecast blank, and its sum too, never 0", () => {
    const accuracy = helar({
      operatingStatement: [
        { Verksamhet: "Hemtjänst", "Utfall period": -338, "Prognos helår": -338 },
        { Verksamhet: "Ny verksamhet", "Utfall period": -12, "Prognos helår": -12 },
      ],
      history: [history("Hemtjänst", "T1", -330), history("Hemtjänst", "T2", -335)],
    });
    const [, operating] = accuracy.sections;
    close(operating.lines[0].figures, expected(-330, -335, -338));
    close(operating.lines[1].figures, expected(null, null, -12));
    close(operating.total, expected(null, null, -350));
    expect(accuracy.anyForecast).toBe(true);
  });

  it("takes T2's forecast from Prognos föregående tertial when Historik lacks it", () => {
    const accuracy = helar({
      operatingStatement: [
        {
          Verksamhet: "Hemtjänst",
          "Utfall period": -338,
          "Prognos föregående tertial": -335,
        },
      ],
    });
    close(accuracy.sections[1].lines[0].figures, expected(null, -335, -338));
  });

  it("says so instead of a table when no row has a forecast, and is absent before Helår", () => {
    const rows = {
      operatingStatement: [{ Verksamhet: "Hemtjänst", "Utfall period": -338 }],
    };
    expect(helar(rows).anyForecast).toBe(false);
    const blocks = generateReport(analyse(makeSnapshot(rows, { period: "Helår" }))).doc.sheets[0]
      .blocks;
    const at = blocks.findIndex((b) => b.kind === "heading" && b.text === "Prognossäkerhet");
    expect(blocks[at + 1]).toEqual({
      kind: "paragraph",
      style: "note",
      text:
        "Historiken saknar prognoser från T1 och T2 2024, så prognossäkerheten kan inte redovisas. " +
        "Prognoserna sparas i bladet Historik när arbetsboken förs vidare med Ny period.",
    });
    expect(rollup(parseModel(makeSnapshot(rows, { period: "T2" }))).forecastAccuracy).toBeNull();
  });
});
