/**
 * A small nämnd's T1 workbook (template v2) and how the ekonom fills the later periods: the input
 * of the round-trip tests. Figures are small and distinct so every carried value can be traced.
 */
import type { RowOf, WorkbookContent } from "../../../src/core/template/content";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const T1_2024: WorkbookContent = {
  settings: {
    organisation: "Vård- och omsorgsnämnden",
    year: 2024,
    period: "T1",
    unit: "mnkr",
    materialAmount: 1,
    materialPercent: 5,
    readyMark: "Ja",
    readyBy: "Eva Ekonom",
    readyDate: utc(2024, 5, 10),
  },
  tables: {
    incomeStatement: [
      {
        post: "Verksamhetens intäkter",
        type: "Intäkt",
        priorYear: 90,
        actualPriorYear: 30,
        actual: 31,
        periodBudget: 29,
        budget: 88,
        forecast: 89,
        comment: "Något högre intäkter.",
      },
      {
        post: "Personalkostnader",
        type: "Kostnad",
        priorYear: -700,
        actualPriorYear: -230,
        actual: -250,
        periodBudget: -240,
        budget: -720,
        forecast: -740,
        comment: "Sjukfrånvaro och vikarier.",
      },
    ],
    operatingStatement: [
      {
        activity: "Hemtjänst",
        area: "Äldreomsorg",
        priorYear: -300,
        actualPriorYear: -100,
        periodBudget: -107,
        comment: "Fler kunder i egen regi.",
        actual: -110,
        budget: -320,
        forecast: -330,
      },
      {
        activity: "Särskilt boende",
        area: "Äldreomsorg",
        priorYear: -310,
        actualPriorYear: -100,
        periodBudget: -104,
        comment: "Fler årsplaceringar.",
        actual: -109,
        budget: -312,
        forecast: -321,
      },
    ],
    volumes: [
      { activity: "Hemtjänst", volumeUnit: "Timmar", budgetVolume: 1000, forecastVolume: 1100 },
    ],
    investments: [
      { name: "Inventarier", budget: -5, actual: -1, forecast: -4, comment: "Färre inköp." },
    ],
    risks: [
      { id: "R1", title: "Kompetensförsörjning", likelihood: 3, impact: 3, treatment: "Hantera" },
      { id: "R2", title: "Informationssäkerhet", likelihood: 2, impact: 4, treatment: "Bevaka" },
    ],
    actions: [
      {
        id: "Å1",
        riskId: "R1",
        text: "Rekrytera",
        status: "Pågående",
        endDate: utc(2024, 12, 31),
        followUpDate: utc(2024, 4, 20),
        comment: "Annonser ute.",
      },
      {
        id: "Å2",
        riskId: "R1",
        text: "Introduktion",
        status: "Avslutad",
        endDate: utc(2024, 3, 31),
        followUpDate: utc(2024, 4, 20),
        comment: "Klar.",
      },
      {
        id: "Å3",
        riskId: "R1",
        text: "Bemanningspool",
        status: "Pågående",
        endDate: utc(2024, 10, 31),
        followUpDate: utc(2024, 4, 20),
        comment: "Utreds.",
      },
    ],
    controls: [
      {
        id: "K1",
        process: "Inköp",
        activity: "Stickprov av fakturor",
        timing: "T1",
        result: "Kontroll genomförd utan avvikelse",
        comment: "Inga fel.",
      },
      {
        id: "K2",
        process: "Lön",
        activity: "Avstämning av lönelistor",
        timing: "Löpande",
        result: "Kontroll genomförd med mindre avvikelse",
        comment: "Två rättelser.",
        actionOnDeviation: "Påminnelse till chefer.",
      },
      { id: "K3", process: "Delegation", activity: "Beslut enligt delegation", timing: "T2" },
    ],
  },
};

type Amounts = { readonly actual: number; readonly forecast: number };

/** What the ekonom fills in a rolled workbook: outcomes and forecasts by Post/Verksamhet/Investering. */
export interface Filling {
  readonly income: Readonly<Record<string, Amounts>>;
  readonly operating: Readonly<Record<string, Amounts>>;
  readonly investments: Readonly<Record<string, Amounts>>;
  readonly actions?: Readonly<Record<string, Partial<RowOf<"actions">>>>;
  readonly controls?: Readonly<Record<string, Partial<RowOf<"controls">>>>;
  /** Periodbudget for the income statement (Helår: the whole budget). */
  readonly periodBudget?: Readonly<Record<string, number>>;
}

export const T2_FILLING: Filling = {
  income: {
    "Verksamhetens intäkter": { actual: 60, forecast: 90 },
    Personalkostnader: { actual: -490, forecast: -752 },
  },
  operating: {
    Hemtjänst: { actual: -222, forecast: -335 },
    "Särskilt boende": { actual: -215, forecast: -318 },
  },
  investments: { Inventarier: { actual: -3, forecast: -4.5 } },
  actions: { Å3: { status: "Avbruten", comment: "Ersatt av Å1." } },
  controls: { K3: { result: "Kontroll genomförd utan avvikelse", comment: "Stickprov utan fel." } },
};

export const HELAR_FILLING: Filling = {
  income: {
    "Verksamhetens intäkter": { actual: 91, forecast: 91 },
    Personalkostnader: { actual: -755, forecast: -755 },
  },
  operating: {
    Hemtjänst: { actual: -338, forecast: -338 },
    "Särskilt boende": { actual: -317, forecast: -317 },
  },
  investments: { Inventarier: { actual: -4.8, forecast: -4.8 } },
};

/** The rolled content with the ekonom's figures filled in, as the example-year script does too. */
export function filled(content: WorkbookContent, filling: Filling): WorkbookContent {
  const tables = content.tables ?? {};
  const byName = <R extends Readonly<Record<string, unknown>>>(
    rows: readonly R[] | undefined,
    key: keyof R,
    values: Readonly<Record<string, object>> | undefined
  ): R[] => (rows ?? []).map((row) => ({ ...row, ...(values?.[String(row[key])] ?? {}) }));
  return {
    ...content,
    tables: {
      ...tables,
      incomeStatement: byName(tables.incomeStatement, "post", filling.income),
      operatingStatement: byName(tables.operatingStatement, "activity", filling.operating),
      investments: byName(tables.investments, "name", filling.investments),
      actions: byName(tables.actions, "id", filling.actions),
      controls: byName(tables.controls, "id", filling.controls),
    },
  };
}
