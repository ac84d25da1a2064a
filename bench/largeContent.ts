/**
 * A large, realistic filled workbook for the benchmark: 1,000 risks, 10,000 åtgärder,
 * 2,000 kontroller, 1,000 driftsredovisning rows (sizes can be scaled). Deterministic: the same
 * sizes give the same content, so runs compare.
 */
import type { RowSpec, WorkbookContent } from "../src/core/template/content";
import { LISTS } from "../src/core/template/lists";
import { DEFAULT_SETTINGS } from "../test/helpers/snapshot";

export interface Sizes {
  readonly risks: number;
  readonly actions: number;
  readonly controls: number;
  readonly operating: number;
}

export const LARGE: Sizes = { risks: 1_000, actions: 10_000, controls: 2_000, operating: 1_000 };

/** A small linear congruential generator: reproducible without a dependency. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const day = (year: number, month: number, date: number) =>
  new Date(Date.UTC(year, month - 1, date));

export function largeContent(sizes: Sizes = LARGE): WorkbookContent {
  const rnd = random(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)];
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const amount = (scale: number) => round1(rnd() * scale);

  const operatingStatement: RowSpec[] = [];
  for (let i = 1; i <= sizes.operating; i++) {
    const budget = -amount(50);
    operatingStatement.push({
      Verksamhet: `Verksamhet ${i}`,
      Verksamhetsområde: `Område ${1 + (i % 12)}`,
      "Bokslut fg år": round1(budget * 0.98),
      "Utfall period fg år": round1(budget * 0.64),
      "Utfall period": round1(budget * 0.67),
      "Budget helår": budget,
      "Prognos helår": round1(budget - amount(2)),
      Kommentar: i % 3 === 0 ? `Avvikelsen beror på ökade personalkostnader (${i}).` : null,
    });
  }
  const total = (header: string) =>
    round1(operatingStatement.reduce((sum, row) => sum + (row[header] as number), 0));
  // The resultaträkning carries the same net total as the driftsredovisning, so the cross-check passes.
  const income = { budget: 40, forecast: 41 };
  const incomeStatement: RowSpec[] = [
    {
      Post: "Taxor och avgifter",
      Typ: "Intäkt",
      "Budget helår": income.budget,
      "Prognos helår": income.forecast,
    },
    {
      Post: "Personalkostnader",
      Typ: "Kostnad",
      "Bokslut fg år": total("Bokslut fg år"),
      "Utfall period fg år": total("Utfall period fg år"),
      "Utfall period": total("Utfall period"),
      "Budget helår": total("Budget helår") - income.budget,
      "Prognos helår": total("Prognos helår") - income.forecast,
      Kommentar: "Personalkostnaderna överstiger budget.",
    },
  ];

  const risks: RowSpec[] = [];
  for (let i = 1; i <= sizes.risks; i++) {
    risks.push({
      "Risk-ID": `R${i}`,
      Riskområde: `Riskområde ${1 + (i % 8)}`,
      Risk: `Risk nummer ${i}`,
      Riskbeskrivning: "Risk att den enskilde inte får det stöd hen har rätt till.",
      Konsekvensbeskrivning: "Kan leda till att behov inte tillgodoses.",
      Sannolikhet: 1 + Math.floor(rnd() * 4),
      Konsekvens: 1 + Math.floor(rnd() * 4),
      Riskhantering: pick(LISTS.riskhantering),
      "Existerande kontrollaktiviteter": "Avvikelsehantering",
    });
  }
  const actions: RowSpec[] = [];
  for (let i = 1; i <= sizes.actions; i++) {
    const status = pick(LISTS.atgardsstatus);
    actions.push({
      "Åtgärds-ID": `Å${i}`,
      "Risk-ID": `R${1 + (i % sizes.risks)}`,
      Åtgärd: `Åtgärd ${i}: kartlägga och följa upp rutinen`,
      Status: status,
      Slutdatum: day(2024, 1 + (i % 12), 1 + (i % 28)),
      Ansvarig: "Verksamhetschef",
      Uppföljningsdatum: day(2024, 1 + (i % 8), 15),
      "Kommentar vid senaste uppföljning":
        status === "Ej påbörjad" ? null : `Arbetet fortskrider enligt plan (${i}).`,
    });
  }
  const controls: RowSpec[] = [];
  for (let i = 1; i <= sizes.controls; i++) {
    const result = pick(LISTS.kontrollresultat);
    controls.push({
      "Kontroll-ID": `K${i}`,
      "Risk-ID": `R${1 + (i % sizes.risks)}`,
      Process: `Process ${1 + (i % 20)}`,
      Kontrollaktivitet: `Stickprov av underlag ${i}`,
      Ansvarig: "Controller",
      Tidpunkt: pick(LISTS.tidpunkt),
      Resultat: result,
      Kommentar:
        result === "Kontroll genomförd utan avvikelse" ? null : "Brister i dokumentationen.",
      "Åtgärd vid avvikelse":
        result === "Kontroll genomförd med stor avvikelse" ? "Ny rutin." : null,
    });
  }
  return {
    settings: { ...DEFAULT_SETTINGS, organisation: "Benchmarknämnden" },
    tables: {
      incomeStatement,
      operatingStatement,
      volumes: [
        {
          Verksamhet: "Hemtjänst",
          Volymenhet: "Timmar",
          "Volym budget": 346000,
          "Volym prognos": 350000,
        },
      ],
      investments: [
        {
          Investering: "Inventarier",
          "Budget helår": -4.2,
          "Utfall period": -2.1,
          "Prognos helår": -4.2,
        },
      ],
      risks,
      actions,
      controls,
    },
  };
}
