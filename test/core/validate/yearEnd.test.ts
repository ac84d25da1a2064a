import { cellOf } from "../../helpers/snapshot";
import { findings, withCode } from "./run";

const CODE = "prognos-skiljer-sig-fran-utfall";
const NBSP = "\u00a0";
const MINUS = "\u2212";
const HELAR = { period: "Helår" } as const;

const cost = (post: string, actual: number | null, forecast: number | null) => ({
  Post: post,
  Typ: "Kostnad",
  "Utfall period": actual,
  "Budget helår": actual,
  "Prognos helår": forecast,
});

describe(CODE, () => {
  it("warns at Prognos helår when it differs from Utfall period at Helår, naming both", () => {
    const found = withCode(
      findings({ incomeStatement: [cost("Personalkostnader", -823.3, -829.9)] }, HELAR),
      CODE
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        sheet: "Resultaträkning",
        cell: cellOf("incomeStatement", "Prognos helår", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      `Personalkostnader: Prognos helår (${MINUS}829,9${NBSP}mnkr) skiljer sig från Utfall period ` +
        `(${MINUS}823,3${NBSP}mnkr). Vid helår redovisar rapporten utfallet, inte prognosen: ` +
        "kontrollera Utfall period och skriv samma belopp i Prognos helår, eller töm Prognos helår."
    );
  });

  it("warns when a forecast stands beside an empty outcome, in every table it covers", () => {
    const found = withCode(
      findings(
        {
          operatingStatement: [
            { Verksamhet: "Hemtjänst", "Utfall period": null, "Prognos helår": -247 },
          ],
          investments: [{ Investering: "Larm", "Utfall period": -4, "Prognos helår": -4.2 }],
        },
        HELAR
      ),
      CODE
    );
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Driftsredovisning", cellOf("operatingStatement", "Prognos helår", 0)],
      ["Investeringar", cellOf("investments", "Prognos helår", 0)],
    ]);
    expect(found[0].message).toMatch(
      /^Hemtjänst: Prognos helår är ifylld .* men Utfall period är tom\./
    );
  });

  it("is silent when the forecast equals the outcome (despite floating point) or is empty", () => {
    const rows = [
      cost("Lokaler", -68.4, -68.4),
      cost("Köp", 0.1 + 0.2, 0.3),
      cost("Övrigt", -5, null),
    ];
    expect(withCode(findings({ incomeStatement: rows }, HELAR), CODE)).toEqual([]);
  });

  it("is silent before Helår, when the forecast is the year's figure", () => {
    const rows = [cost("Personalkostnader", -544.3, -829.9)];
    expect(withCode(findings({ incomeStatement: rows }, { period: "T2" }), CODE)).toEqual([]);
  });
});

describe("vasentlig-avvikelse-utan-kommentar at Helår", () => {
  it("judges the outcome against budget, and says so", () => {
    const found = withCode(
      findings(
        {
          investments: [
            { Investering: "Larm", "Budget helår": -4, "Utfall period": -6, "Prognos helår": -4 },
          ],
        },
        { ...HELAR, materialAmount: 1 }
      ),
      "vasentlig-avvikelse-utan-kommentar"
    );
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^Larm: avvikelsen utfall mot budget är −2,0/);
  });
});
