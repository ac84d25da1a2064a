/**
 * The example year (templates/exempel-2024-ar/): the nämnd of exempel-2024-T2 through T1, T2 and
 * Helår 2024 in template version 2, each period made by `rollForward` from the one before and
 * then filled as an ekonom would. T2 holds the published figures of document 004 (the same as
 * exempel-2024-T2.xlsx), so only T1 and Helår are ours:
 *
 * - T1 (jan–apr): half of T2's outcomes, four twelfths of the budget as periodbudget, and a
 *   forecast that had seen 60 % of the deviation T2 reports; åtgärd Å1 not yet begun and
 *   Å5–Å7 still Pågående; risk R5 and its åtgärd Å8 not yet identified (they come in T2) and
 *   R2 rated sannolikhet 3 (4 in T2); kontroll K2 planned and reported in T1, K4 planned for
 *   Helår, the other T2 kontroller not yet reported. So the T2 report has changes to show.
 * - Helår: the outcome lands a tenth of the way from T2's forecast back towards the budget,
 *   Prognos helår equals it, Utfall period fg år is last year's bokslut, the periodbudget is the
 *   whole budget; two more åtgärder finished, the two open kontroller reported, and the
 *   internal control assessed.
 */
import type { CellValue } from "../../src/core/snapshot";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import type { DataTableKey } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { EXAMPLE_2024_T2 } from "./exempel-2024-T2";

const round1 = (n: number) => Math.round(n * 10) / 10;
const num = (v: CellValue | undefined) => (typeof v === "number" ? v : null);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

type Row = Readonly<Record<string, CellValue>>;
type Tables = NonNullable<WorkbookContent["tables"]>;

const T2 = EXAMPLE_2024_T2.tables!;

/** A ledger or investment row as it stood at T1. */
function atT1(row: Row, withPeriodBudget = true): Row {
  const budget = num(row.budget);
  const forecast = num(row.forecast);
  const half = (v: CellValue | undefined) => (num(v) === null ? null : round1(num(v)! / 2));
  return {
    ...row,
    actualPriorYear: half(row.actualPriorYear),
    actual: half(row.actual),
    periodBudget: !withPeriodBudget || budget === null ? null : round1((budget * 4) / 12),
    forecast:
      budget === null || forecast === null ? forecast : round1(budget + (forecast - budget) * 0.6),
  };
}

const withoutNulls = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));

/** Tidpunkt in the example year's plan, where it differs from the published T2's. */
const YEAR_TIMING: Readonly<Record<string, "T1" | "Helår">> = { K2: "T1", K4: "Helår" };
const T2_CONTROLS = T2.controls!.map((c) => ({
  ...c,
  timing: YEAR_TIMING[String(c.id)] ?? c.timing,
}));

export const EXAMPLE_2024_T1: WorkbookContent = {
  settings: {
    ...EXAMPLE_2024_T2.settings,
    period: "T1",
    templateVersion: LATEST_TEMPLATE.version,
  },
  tables: {
    incomeStatement: T2.incomeStatement!.map((r) => withoutNulls(atT1(r))),
    operatingStatement: T2.operatingStatement!.map((r) => withoutNulls(atT1(r))),
    volumes: T2.volumes,
    investments: T2.investments!.map((r) => withoutNulls(atT1(r, false))),
    risks: T2.risks!.filter((r) => r.id !== "R5").map((r) =>
      r.id === "R2" ? { ...r, likelihood: 3 } : r
    ),
    actions: T2.actions!.filter((a) => a.riskId !== "R5").map((a) =>
      a.id === "Å1"
        ? { ...a, status: "Ej påbörjad" as const }
        : a.status === "Avslutad"
          ? { ...a, status: "Pågående" as const }
          : a
    ),
    controls: T2_CONTROLS.map((c) =>
      c.timing === "T1" ? c : { ...c, result: undefined, comment: undefined }
    ),
  },
};

/** The columns an ekonom fills, by table, and the column naming a row. */
const KEYS: Readonly<Record<Exclude<DataTableKey, "history">, string>> = {
  incomeStatement: "post",
  operatingStatement: "activity",
  volumes: "activity",
  investments: "name",
  risks: "id",
  actions: "id",
  controls: "id",
  reportText: "section",
  goals: "id",
  indicators: "id",
  accountMapping: "accountFrom",
  objectMapping: "objectFrom",
};

/**
 * A rolled workbook filled with `source`'s rows (matched by key): every column `source` gives
 * wins, the carried columns it does not give (Prognos föregående tertial, Historik) stay, and
 * a row the rolled workbook lacks is added at the end (a risk identified this period).
 */
export function fillFrom(rolled: WorkbookContent, source: Partial<Tables>): WorkbookContent {
  const tables: Record<string, readonly Row[]> = { ...(rolled.tables ?? {}) };
  for (const [table, key] of Object.entries(KEYS)) {
    const given = (source as Record<string, readonly Row[] | undefined>)[table];
    if (!given) continue;
    const byKey = new Map(given.map((r) => [String(r[key]), r]));
    const rolledRows = tables[table] ?? [];
    const carried = new Set(rolledRows.map((r) => String(r[key])));
    tables[table] = [
      ...rolledRows.map((r) => ({ ...r, ...byKey.get(String(r[key])) })),
      ...given.filter((r) => !carried.has(String(r[key]))),
    ];
  }
  return { ...rolled, tables: tables as Tables };
}

/** T2 of the cycle: the published figures over the rolled T1, in the year's plan. */
export const T2_FILLED_FROM: Partial<Tables> = { ...T2, controls: T2_CONTROLS };

/** What the ekonom fills at Helår, from T2 (the published figures) and the year's close. */
function helarLedger(row: Row, withPeriodBudget = true): Row {
  const budget = num(row.budget);
  const forecast = num(row.forecast);
  const outcome =
    budget === null || forecast === null ? forecast : round1(forecast + (budget - forecast) * 0.1);
  return withoutNulls({
    ...row,
    actualPriorYear: row.priorYear,
    actual: outcome,
    periodBudget: withPeriodBudget ? budget : null,
    forecast: outcome,
  });
}

const FINISHED = "Genomfört under hösten; följs upp i verksamhetsberättelsen.";

export const HELAR_FILLED_FROM: Partial<Tables> = {
  incomeStatement: T2.incomeStatement!.map((r) => helarLedger(r)),
  operatingStatement: T2.operatingStatement!.map((r) => helarLedger(r)),
  volumes: T2.volumes,
  investments: T2.investments!.map((r) => helarLedger(r, false)),
  actions: [
    { id: "Å1", status: "Avslutad", followUpDate: utc(2024, 12, 16), comment: FINISHED },
    { id: "Å2", status: "Avslutad", followUpDate: utc(2024, 12, 16), comment: FINISHED },
    {
      id: "Å3",
      endDate: utc(2025, 6, 30),
      followUpDate: utc(2024, 12, 16),
      comment: "Förlängd till juni 2025.",
    },
  ] satisfies RowOf<"actions">[],
  controls: [
    {
      id: "K3",
      result: "Kontroll genomförd utan avvikelse",
      comment: "Stickprov i december utan anmärkning.",
    },
    {
      id: "K4",
      result: "Kontroll genomförd med mindre avvikelse",
      comment: "Två beslut saknade signatur; rättat.",
    },
  ] satisfies RowOf<"controls">[],
};

export const HELAR_SETTINGS = {
  assessment: "Delvis tillräcklig",
  assessmentAnalysis:
    "Två kontroller visade stora avvikelser under året; åtgärderna är påbörjade men inte slutförda.",
} as const;
