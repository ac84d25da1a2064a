import { parseModel } from "../../../src/core/parse/parseModel";
import { rollup } from "../../../src/core/rollup/rollup";
import { cellOf, makeSnapshot, type RowSpec } from "../../helpers/snapshot";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const ledgerRow = (
  label: Record<string, string>,
  budget: number,
  forecast: number,
  extra: RowSpec = {}
): RowSpec => ({ ...label, "Budget helår": budget, "Prognos helår": forecast, ...extra });

function rolled(tables: Parameters<typeof makeSnapshot>[0], settings = {}) {
  return rollup(parseModel(makeSnapshot(tables, settings)));
}

describe("resultaträkning", () => {
  const result = rolled({
    incomeStatement: [
      ledgerRow({ Post: "Taxor och avgifter", Typ: "Intäkt" }, 44.0, 48.7, {
        "Utfall period": 32.3,
      }),
      ledgerRow({ Post: "Bidrag (intäkter)", Typ: "Intäkt" }, 33.0, 27.5, {
        "Utfall period": 16.3,
      }),
      ledgerRow({ Post: "Personalkostnader", Typ: "Kostnad" }, -763.5, -829.9, {
        "Utfall period": -544.3,
        Periodbudget: -512.5,
      }),
      ledgerRow({ Post: "Lokalhyror", Typ: "Kostnad" }, -64.1, -68.9),
    ],
  }).incomeStatement;

  it("sums intäkter, kostnader and the total per column", () => {
    expect(result.income.budget).toBe(77);
    expect(result.income.forecast).toBe(76.2);
    expect(result.costs.forecast).toBe(-898.8);
    expect(result.total.budget).toBe(-750.6);
    expect(result.total.forecast).toBe(-822.6);
    expect(result.total.actual).toBe(-495.7);
  });

  it("computes avvikelse prognos mot budget per row and for the sums", () => {
    expect(result.lines.map((l) => l.figures.deviation)).toEqual([4.7, -5.5, -66.4, -4.8]);
    expect(result.income.deviation).toBe(-0.8);
    expect(result.total.deviation).toBe(-72);
  });

  it("gives utfall mot periodbudget only where a periodbudget is given", () => {
    expect(result.lines.map((l) => l.figures.periodDeviation)).toEqual([null, null, -31.8, null]);
    expect(result.costs.periodBudget).toBe(-512.5);
    expect(result.income.periodBudget).toBeNull();
    expect(result.income.periodDeviation).toBeNull();
  });

  it("leaves a column that no row fills empty rather than zero", () => {
    expect(result.total.priorYear).toBeNull();
  });

  it("keeps full precision: no rounding inside the roll-up", () => {
    const precise = rolled({
      incomeStatement: [ledgerRow({ Post: "A", Typ: "Kostnad" }, -10.04, -10.123)],
    }).incomeStatement;
    expect(precise.total.deviation).toBe(-0.083);
  });
});

describe("driftsredovisning", () => {
  it("gives Totalt and no groups when Verksamhetsområde is not used", () => {
    const result = rolled({
      operatingStatement: [
        ledgerRow({ Verksamhet: "Hemtjänst" }, -221.3, -247.0),
        ledgerRow({ Verksamhet: "Nämnd" }, -1.6, -1.4),
      ],
    }).operatingStatement;
    expect(result.groups).toBeNull();
    expect(result.total.forecast).toBe(-248.4);
    expect(result.total.deviation).toBe(-25.5);
  });

  it("subtotals per Verksamhetsområde in order of first appearance", () => {
    const result = rolled({
      operatingStatement: [
        ledgerRow({ Verksamhet: "Hemtjänst", Verksamhetsområde: "Äldreomsorg" }, -221.3, -247.0),
        ledgerRow({ Verksamhet: "LSS, boende", Verksamhetsområde: "LSS" }, -108.5, -121.9),
        ledgerRow(
          { Verksamhet: "Särskilt boende", Verksamhetsområde: "Äldreomsorg" },
          -301.3,
          -303.7
        ),
        ledgerRow({ Verksamhet: "Nämnd" }, -1.6, -1.4),
      ],
    }).operatingStatement;
    expect(result.groups?.map((g) => [g.area, g.lines.length, g.subtotal.forecast])).toEqual([
      ["Äldreomsorg", 2, -550.7],
      ["LSS", 1, -121.9],
      [null, 1, -1.4],
    ]);
    expect(result.total.forecast).toBe(-674);
  });
});

describe("volymer and investeringar", () => {
  it("computes the volume deviation and sums the amount deviations", () => {
    const result = rolled({
      volumes: [
        {
          Verksamhet: "Köpta platser",
          "Volym budget": 55,
          "Volym prognos": 54,
          "Avvikelse belopp": 1.2,
        },
        {
          Verksamhet: "Hemtjänst",
          "Volym budget": 346000,
          "Volym prognos": 346500,
          "Avvikelse belopp": -0.4,
        },
      ],
    }).volumes;
    expect(result.lines.map((l) => l.figures.volumeDeviation)).toEqual([-1, 500]);
    expect(result.amountDeviation).toBe(0.8);
  });

  it("totals investments with their deviation", () => {
    const result = rolled({
      investments: [
        { Investering: "Larm", "Budget helår": -4.2, "Utfall period": -2.1, "Prognos helår": -4.2 },
        { Investering: "Möbler", "Budget helår": -1.0, "Prognos helår": -1.5 },
      ],
    }).investments;
    expect(result.lines.map((l) => l.figures.deviation)).toEqual([0, -0.5]);
    expect(result.total).toEqual({
      budget: -5.2,
      actual: -2.1,
      forecast: -5.7,
      previousForecast: null,
      yearEnd: -5.7,
      deviation: -0.5,
      forecastChange: null,
    });
  });
});

describe("Prognos föregående tertial and Prognosförändring", () => {
  const t2 = rolled({
    incomeStatement: [
      ledgerRow({ Post: "Taxor", Typ: "Intäkt" }, 44, 48.7, { "Prognos föregående tertial": 46.8 }),
      ledgerRow({ Post: "Personal", Typ: "Kostnad" }, -763.5, -829.9, {
        "Prognos föregående tertial": -803.3,
      }),
      ledgerRow({ Post: "Ny post", Typ: "Kostnad" }, -5, -5),
    ],
    investments: [
      { Investering: "Larm", "Prognos helår": -4.5, "Prognos föregående tertial": -4 },
      { Investering: "Möbler", "Prognos helår": -1 },
    ],
  });

  it("gives each row its change, blank without a previous forecast (a row new this tertial)", () => {
    const { lines } = t2.incomeStatement;
    expect(lines.map((l) => l.figures.forecastChange)).toEqual([1.9, -26.6, null]);
    expect(t2.investments.lines.map((l) => l.figures.forecastChange)).toEqual([-0.5, null]);
  });

  it("sums the previous forecast, and takes a sum's change from its sums, as for Avvikelse", () => {
    expect(t2.incomeStatement.costs.previousForecast).toBe(-803.3);
    expect(t2.incomeStatement.total.previousForecast).toBe(-756.5);
    // −786.2 (every row's forecast) − (−756.5): the new row's forecast is part of the change.
    expect(t2.incomeStatement.total.forecastChange).toBe(-29.7);
    expect(t2.investments.total.forecastChange).toBe(-1.5);
  });

  it("is blank throughout in a workbook whose rows have no previous forecast (T1, version 1)", () => {
    const t1 = rolled({ incomeStatement: [ledgerRow({ Post: "Taxor", Typ: "Intäkt" }, 44, 48.7)] });
    expect(t1.incomeStatement.total.previousForecast).toBeNull();
    expect(t1.incomeStatement.total.forecastChange).toBeNull();
  });
});

describe("the year's figure", () => {
  const tables = {
    incomeStatement: [
      ledgerRow({ Post: "Personal", Typ: "Kostnad" }, -763.5, -829.9, {
        "Utfall period": -823.3,
        "Prognos föregående tertial": -829.9,
      }),
    ],
    investments: [
      { Investering: "Larm", "Budget helår": -4, "Utfall period": -6, "Prognos helår": -4.2 },
    ],
  };

  it("is the forecast before Helår", () => {
    const t2 = rolled(tables, { period: "T2" });
    expect(t2.basis).toBe("forecast");
    expect(t2.incomeStatement.total.yearEnd).toBe(-829.9);
    expect(t2.incomeStatement.total.deviation).toBe(-66.4);
  });

  it("is the outcome at Helår: deviation, change and väsentliga avvikelser follow it", () => {
    const helar = rolled(tables, { period: "Helår", materialAmount: 1 });
    expect(helar.basis).toBe("outcome");
    const { total } = helar.incomeStatement;
    expect(total.yearEnd).toBe(-823.3);
    expect(total.deviation).toBe(-59.8);
    // Outcome − T2's forecast: 6,6 better than forecast.
    expect(total.forecastChange).toBe(6.6);
    expect(helar.investments.total.deviation).toBe(-2);
    expect(helar.materialDeviations.map((d) => [d.label, d.yearEnd, d.deviation])).toEqual([
      ["Personal", -823.3, -59.8],
      ["Larm", -6, -2],
    ]);
  });
});

describe("väsentliga avvikelser", () => {
  const tables = {
    incomeStatement: [
      ledgerRow({ Post: "Taxor och avgifter", Typ: "Intäkt" }, 44.0, 48.7),
      ledgerRow({ Post: "Övriga intäkter", Typ: "Intäkt" }, 11.5, 11.9),
      ledgerRow({ Post: "Personalkostnader", Typ: "Kostnad" }, -763.5, -829.9, {
        Kommentar: "Sjukfrånvaro och vikarier.",
      }),
      ledgerRow({ Post: "Kapitaltjänstkostnader", Typ: "Kostnad" }, -5.0, -5.3),
    ],
    operatingStatement: [ledgerRow({ Verksamhet: "Hemtjänst" }, -221.3, -247.0)],
    investments: [{ Investering: "Larm", "Budget helår": -4.2, "Prognos helår": -3.2 }],
  };

  it("ranks rows at or over either threshold by size, with their comments and cells", () => {
    const result = rolled(tables, { materialAmount: 1, materialPercent: 5 }).materialDeviations;
    expect(result.map((d) => [d.label, d.deviation])).toEqual([
      ["Personalkostnader", -66.4],
      ["Hemtjänst", -25.7],
      ["Taxor och avgifter", 4.7],
      ["Larm", 1],
      ["Kapitaltjänstkostnader", -0.3],
    ]);
    const [personal] = result;
    expect(personal.comment).toBe("Sjukfrånvaro och vikarier.");
    expect(personal.source).toBe("incomeStatement");
    expect(personal.share).toBeCloseTo(-66.4 / 763.5, 12);
    expect(personal.commentCell).toBe(cellOf("incomeStatement", "Kommentar", 2));
  });

  it("counts a deviation exactly at the amount threshold (4,7 despite binary floating point)", () => {
    const result = rolled(tables, {
      materialAmount: 4.7,
      materialPercent: null,
    }).materialDeviations;
    expect(result.map((d) => d.label)).toEqual([
      "Personalkostnader",
      "Hemtjänst",
      "Taxor och avgifter",
    ]);
  });

  it("with Belopp och procent, keeps only the rows at or over both thresholds", () => {
    const limits = { materialAmount: 2, materialPercent: 5 };
    const labels = (settings: object) =>
      rolled(tables, { ...limits, ...settings }).materialDeviations.map((d) => d.label);
    // Larm (1,0; 23,8 %) and Kapitaltjänstkostnader (0,3; 6 %) reach the percent, not the amount.
    expect(labels({ materialCondition: "Belopp och procent" })).toEqual([
      "Personalkostnader",
      "Hemtjänst",
      "Taxor och avgifter",
    ]);
    const either = [
      "Personalkostnader",
      "Hemtjänst",
      "Taxor och avgifter",
      "Larm",
      "Kapitaltjänstkostnader",
    ];
    expect(labels({ materialCondition: "Belopp eller procent" })).toEqual(either);
    expect(labels({})).toEqual(either);
  });

  it("ignores a negative threshold (a finding of its own)", () => {
    const result = rolled(tables, { materialAmount: -1, materialPercent: null }).materialDeviations;
    expect(result).toEqual([]);
  });
});

describe("counts", () => {
  const result = rolled(
    {
      risks: [
        { "Risk-ID": "R1", Risk: "A", Riskhantering: "Hantera" },
        { "Risk-ID": "R2", Risk: "B", Riskhantering: "Hantera" },
        { "Risk-ID": "R3", Risk: "C", Riskhantering: "Bevaka" },
        { "Risk-ID": "R4", Risk: "D", Riskhantering: "hantera" },
      ],
      actions: [
        {
          "Åtgärds-ID": "Å1",
          "Risk-ID": "R1",
          Åtgärd: "a",
          Status: "Pågående",
          Slutdatum: utc("2024-08-30"),
        },
        {
          "Åtgärds-ID": "Å2",
          "Risk-ID": "R1",
          Åtgärd: "b",
          Status: "Pågående",
          Slutdatum: utc("2024-08-31"),
        },
        {
          "Åtgärds-ID": "Å3",
          "Risk-ID": "R2",
          Åtgärd: "c",
          Status: "Ej påbörjad",
          Slutdatum: utc("2024-03-01"),
        },
        {
          "Åtgärds-ID": "Å4",
          "Risk-ID": "R2",
          Åtgärd: "d",
          Status: "Avslutad",
          Slutdatum: utc("2023-12-31"),
        },
        {
          "Åtgärds-ID": "Å5",
          "Risk-ID": "R2",
          Åtgärd: "e",
          Status: "Avbruten",
          Slutdatum: utc("2023-12-31"),
        },
      ],
      controls: [
        {
          "Kontroll-ID": "K1",
          Kontrollaktivitet: "x",
          Resultat: "Kontroll genomförd utan avvikelse",
        },
        {
          "Kontroll-ID": "K2",
          Kontrollaktivitet: "y",
          Resultat: "Kontroll genomförd med stor avvikelse",
        },
        { "Kontroll-ID": "K3", Kontrollaktivitet: "z" },
      ],
    },
    { year: 2024, period: "T2" }
  );

  it("counts risks by riskhantering, an unreadable value apart", () => {
    expect(result.risks).toEqual({
      total: 4,
      byTreatment: { Hantera: 2, Acceptera: 0, Bevaka: 1 },
      withoutTreatment: 1,
    });
  });

  it("counts actions by status and those still open after their end date", () => {
    expect(result.actions.byStatus).toEqual({
      "Ej påbörjad": 1,
      Pågående: 2,
      Avslutad: 1,
      Avbruten: 1,
    });
    // 2024-08-30 and 2024-03-01 have passed by 2024-08-31; closed actions are never late.
    expect(result.actions.overdue).toBe(2);
    expect(result.periodEnd).toEqual(utc("2024-08-31"));
  });

  it("counts controls by resultat", () => {
    expect(result.controls.byResult["Kontroll genomförd utan avvikelse"]).toBe(1);
    expect(result.controls.byResult["Kontroll genomförd med stor avvikelse"]).toBe(1);
    expect(result.controls.withoutResult).toBe(1);
  });

  it("judges no action late without a period", () => {
    const noPeriod = rolled(
      {
        actions: [
          {
            "Åtgärds-ID": "Å1",
            "Risk-ID": "R1",
            Åtgärd: "a",
            Status: "Pågående",
            Slutdatum: utc("2020-01-01"),
          },
        ],
      },
      { period: null }
    );
    expect(noPeriod.actions.overdue).toBe(0);
    expect(noPeriod.periodEnd).toBeNull();
  });
});

describe("cross-check", () => {
  it("carries the cross-check of resultaträkning against driftsredovisning", () => {
    const result = rolled({
      incomeStatement: [ledgerRow({ Post: "Personal", Typ: "Kostnad" }, -10.5, -12.3)],
      operatingStatement: [ledgerRow({ Verksamhet: "Hemtjänst" }, -10.5, -11.1)],
    });
    const forecast = result.crossCheck.find((c) => c.header === "Prognos helår");
    expect(forecast).toMatchObject({ difference: -1.2, agrees: false });
    expect(result.crossCheck.find((c) => c.header === "Budget helår")?.agrees).toBe(true);
  });
});
