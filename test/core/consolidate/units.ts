/**
 * Three units' T2 2024 workbooks (template v2), as a controller collects them: each balances
 * (Resultaträkning = Driftsredovisning), each uses Risk-ID R1 and R2, one has no Enhetskod, one
 * lacks the Post "Verksamhetens intäkter" and has "Avskrivningar" the others lack, and one gives no
 * Verksamhetsområde.
 */
import type { RowSpec, WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import type { SettingKey } from "../../../src/core/template/definition";
import type { CellValue } from "../../../src/core/snapshot";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Three weeks after T2 2024 ended. */
export const TODAY = utc(2024, 9, 20);

const SETTINGS = {
  organisation: "Vård- och omsorgsnämnden",
  year: 2024,
  period: "T2",
  unit: "mnkr",
  materialAmount: 100,
  materialPercent: 50,
  assessment: "Tillräcklig",
  assessmentAnalysis: "Kontrollerna fungerar.",
} as const;

type Amounts = readonly [budget: number, forecast: number, actual: number];
const ledger = ([budget, forecast, actual]: Amounts) => ({ budget, forecast, actual });

function riskTables(prefix: string) {
  return {
    risks: [
      {
        id: "R1",
        area: "Gemensamt",
        title: `${prefix}: kompetensförsörjning`,
        likelihood: 3,
        impact: 3,
        treatment: "Hantera",
      },
      {
        id: "R2",
        area: "Gemensamt",
        title: `${prefix}: informationssäkerhet`,
        likelihood: 2,
        impact: 4,
        treatment: "Bevaka",
      },
    ],
    actions: [
      {
        id: "Å1",
        riskId: "R1",
        text: "Rekrytera",
        status: "Pågående",
        endDate: utc(2024, 12, 31),
        responsible: "Verksamhetschef",
        followUpDate: utc(2024, 9, 10),
        comment: "Annonser ute.",
      },
    ],
    controls: [
      {
        id: "K1",
        riskId: "R2",
        process: "Informationssäkerhet",
        activity: "Behörighetsgenomgång",
        timing: "T2",
        result: "Kontroll genomförd utan avvikelse",
      },
    ],
  } as const;
}

function unit(
  settings: Partial<Record<SettingKey, CellValue>>,
  income: Readonly<Record<string, readonly ["Intäkt" | "Kostnad", ...Amounts]>>,
  operating: readonly { activity: string; area?: string; amounts: Amounts }[],
  investment: Amounts
): WorkbookContent {
  return {
    settings: { ...SETTINGS, ...settings },
    tables: {
      incomeStatement: Object.entries(income).map(([post, [type, ...amounts]]) => ({
        post,
        type,
        ...ledger(amounts),
      })),
      operatingStatement: operating.map(({ activity, area, amounts }) => ({
        activity,
        ...(area ? { area } : {}),
        ...ledger(amounts),
      })),
      volumes: [
        { activity: "Insatser", volumeUnit: "Antal", budgetVolume: 100, forecastVolume: 104 },
      ],
      investments: [{ name: "Inventarier", ...ledger(investment) }],
      ...riskTables(String(settings.reportingUnit ?? "Enheten")),
    },
  };
}

export const ELDERLY = unit(
  {
    reportingUnit: "Äldreomsorg",
    unitCode: "ÄO",
    readyMark: "Ja",
    readyBy: "Eva Ekonom",
    readyDate: utc(2024, 9, 12),
  },
  {
    "Verksamhetens intäkter": ["Intäkt", 88, 89, 31],
    Personalkostnader: ["Kostnad", -720, -740, -250],
  },
  [
    { activity: "Hemtjänst", area: "Äldreomsorg", amounts: [-320, -330, -110] },
    { activity: "Särskilt boende", area: "Äldreomsorg", amounts: [-312, -321, -109] },
  ],
  [-5, -4, -1]
);

export const FAMILY = unit(
  { reportingUnit: "Individ- och familjeomsorg", readyMark: "Ja", readyBy: "Ivar Ekonom" },
  {
    "Verksamhetens intäkter": ["Intäkt", 10, 12, 4],
    Personalkostnader: ["Kostnad", -200, -205, -70],
  },
  [
    { activity: "Barn och unga", area: "Individ- och familjeomsorg", amounts: [-120, -121, -40] },
    { activity: "Vuxna", area: "Individ- och familjeomsorg", amounts: [-70, -72, -26] },
  ],
  [-2, -2.5, -0.5]
);

export const DISABILITY = unit(
  { reportingUnit: "Funktionsstöd", unitCode: "FS", readyMark: "Nej" },
  {
    Personalkostnader: ["Kostnad", -300, -310, -100],
    Avskrivningar: ["Kostnad", -5, -5, -2],
  },
  [{ activity: "Daglig verksamhet", amounts: [-305, -315, -102] }],
  [-1, -1, 0]
);

export const UNITS = [
  { file: "Äldreomsorg.xlsx", content: ELDERLY },
  { file: "IFO.xlsx", content: FAMILY },
  { file: "Funktionsstöd.xlsx", content: DISABILITY },
] as const;

/**
 * The unit's content entered in another Enhet: every amount and the materiality amount × `factor`,
 * then `plus` added to every amount (as a ledger gives it: "1 234,56" kronor, not whole
 * thousands), so that a conversion that rounds anything shows.
 */
export function enteredIn(
  content: WorkbookContent,
  unit: "kr" | "tkr" | "mnkr",
  factor: number,
  plus = 0
): WorkbookContent {
  const tables = Object.fromEntries(
    Object.entries(content.tables ?? {}).map(([key, rows]) => {
      const def = LATEST_TEMPLATE.tableList.find((t) => t.key === key);
      const amounts = new Set(def?.columns.filter((c) => c.kind === "amount").map((c) => c.key));
      return [
        key,
        (rows ?? []).map((row) =>
          Object.fromEntries(
            Object.entries(row as RowSpec).map(([k, v]) => [
              k,
              amounts.has(k) && typeof v === "number" ? v * factor + plus : v,
            ])
          )
        ),
      ];
    })
  );
  const materialAmount = Number(content.settings?.materialAmount) * factor;
  return { ...content, settings: { ...content.settings, unit, materialAmount }, tables };
}
