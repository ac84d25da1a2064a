/**
 * A large, realistic filled workbook for the benchmark: 1,000 risks, 10,000 åtgärder,
 * 2,000 kontroller, 1,000 driftsredovisning rows (sizes can be scaled). Deterministic: the same
 * sizes give the same content, so runs compare.
 */
import type { LedgerAmountKey } from "../src/core/rollup/ledger";
import type { RowOf, WorkbookContent } from "../src/core/template/content";
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

  const operatingStatement: RowOf<"operatingStatement">[] = [];
  for (let i = 1; i <= sizes.operating; i++) {
    const budget = -amount(50);
    operatingStatement.push({
      activity: `Verksamhet ${i}`,
      area: `Område ${1 + (i % 12)}`,
      priorYear: round1(budget * 0.98),
      actualPriorYear: round1(budget * 0.64),
      actual: round1(budget * 0.67),
      budget: budget,
      forecast: round1(budget - amount(2)),
      comment: i % 3 === 0 ? `Avvikelsen beror på ökade personalkostnader (${i}).` : null,
    });
  }
  const total = (key: LedgerAmountKey) =>
    round1(operatingStatement.reduce((sum, row) => sum + (row[key] as number), 0));
  // The resultaträkning carries the same net total as the driftsredovisning, so the cross-check passes.
  const income = { budget: 40, forecast: 41 };
  const incomeStatement: RowOf<"incomeStatement">[] = [
    {
      post: "Taxor och avgifter",
      type: "Intäkt",
      budget: income.budget,
      forecast: income.forecast,
    },
    {
      post: "Personalkostnader",
      type: "Kostnad",
      priorYear: total("priorYear"),
      actualPriorYear: total("actualPriorYear"),
      actual: total("actual"),
      budget: total("budget") - income.budget,
      forecast: total("forecast") - income.forecast,
      comment: "Personalkostnaderna överstiger budget.",
    },
  ];

  const risks: RowOf<"risks">[] = [];
  for (let i = 1; i <= sizes.risks; i++) {
    risks.push({
      id: `R${i}`,
      area: `Riskområde ${1 + (i % 8)}`,
      title: `Risk nummer ${i}`,
      description: "Risk att den enskilde inte får det stöd hen har rätt till.",
      consequence: "Kan leda till att behov inte tillgodoses.",
      likelihood: 1 + Math.floor(rnd() * 4),
      impact: 1 + Math.floor(rnd() * 4),
      treatment: pick(LISTS.riskhantering),
      existingControls: "Avvikelsehantering",
    });
  }
  const actions: RowOf<"actions">[] = [];
  for (let i = 1; i <= sizes.actions; i++) {
    const status = pick(LISTS.atgardsstatus);
    actions.push({
      id: `Å${i}`,
      riskId: `R${1 + (i % sizes.risks)}`,
      text: `Åtgärd ${i}: kartlägga och följa upp rutinen`,
      status: status,
      endDate: day(2024, 1 + (i % 12), 1 + (i % 28)),
      responsible: "Verksamhetschef",
      followUpDate: day(2024, 1 + (i % 8), 15),
      comment: status === "Ej påbörjad" ? null : `Arbetet fortskrider enligt plan (${i}).`,
    });
  }
  const controls: RowOf<"controls">[] = [];
  for (let i = 1; i <= sizes.controls; i++) {
    const result = pick(LISTS.kontrollresultat);
    controls.push({
      id: `K${i}`,
      riskId: `R${1 + (i % sizes.risks)}`,
      process: `Process ${1 + (i % 20)}`,
      activity: `Stickprov av underlag ${i}`,
      responsible: "Controller",
      timing: pick(LISTS.tidpunkt),
      result: result,
      comment: result === "Kontroll genomförd utan avvikelse" ? null : "Brister i dokumentationen.",
      actionOnDeviation: result === "Kontroll genomförd med stor avvikelse" ? "Ny rutin." : null,
    });
  }
  return {
    settings: { ...DEFAULT_SETTINGS, organisation: "Benchmarknämnden" },
    tables: {
      incomeStatement,
      operatingStatement,
      volumes: [
        {
          activity: "Hemtjänst",
          volumeUnit: "Timmar",
          budgetVolume: 346000,
          forecastVolume: 350000,
        },
      ],
      investments: [
        {
          name: "Inventarier",
          budget: -4.2,
          actual: -2.1,
          forecast: -4.2,
        },
      ],
      risks,
      actions,
      controls,
    },
  };
}
