/**
 * What an ekonom enters in a period, for the benchmark of three years of Ny period: the outcome,
 * the period budget, a forecast and some comments on every ledger row, a new budget in T1, a
 * tenth of the åtgärder moving on a status (Avslutade leave at the year end and new ones take
 * their place in T1), a tenth of the risks re-scored, and the results of the kontroller due.
 * Deterministic: the same content and step give the same filling.
 */
import type { CellValue } from "../src/core/snapshot";
import type { RowSpec, WorkbookContent } from "../src/core/template/content";
import type { Period } from "../src/core/template/lists";

type Row = Record<string, CellValue>;

const SHARE_OF_YEAR: Record<Period, number> = { T1: 4 / 12, T2: 8 / 12, Helår: 1 };
const NEXT_STATUS: Record<string, string> = { "Ej påbörjad": "Pågående", Pågående: "Avslutad" };

const round1 = (value: number) => Math.round(value * 10) / 10;

/** `content` filled for its period; `plannedActions`: how many åtgärder a year's plan holds. */
export function filledPeriod(
  content: WorkbookContent,
  step: number,
  plannedActions: number
): WorkbookContent {
  const period = content.settings?.period as Period;
  const share = SHARE_OF_YEAR[period];
  const tables = content.tables ?? {};
  // A small deterministic spread per row and step.
  const spread = (i: number) => ((i * 7919 + step * 104_729) % 200) / 100 - 1;

  const ledger = (rows: readonly RowSpec[] = [], withPeriodBudget = true) =>
    rows.map((row, i): Row => {
      const budget = typeof row.budget === "number" ? row.budget : round1(-20 - (i % 40));
      return {
        ...row,
        budget,
        ...(withPeriodBudget ? { periodBudget: round1(budget * share) } : {}),
        actual: round1(budget * share + spread(i)),
        forecast: round1(budget + spread(i + 1)),
        comment: i % 3 === 0 ? `Avvikelsen i ${period} beror på personalkostnader (${i}).` : null,
      };
    });

  const actions = (tables.actions ?? []).map((row, i): Row => {
    const next = NEXT_STATUS[String(row.status)];
    return (i + step) % 10 === 0 && next ? { ...row, status: next } : { ...row };
  });
  // The new year's plan: as many new åtgärder as the year end left behind.
  const missing = period === "T1" ? plannedActions - actions.length : 0;
  for (let i = 0; i < missing; i++) {
    actions.push({
      id: `Å${step}-${i + 1}`,
      text: `Ny åtgärd ${i + 1} år ${String(content.settings?.year)}`,
      status: "Ej påbörjad",
    });
  }

  const risks = (tables.risks ?? []).map((row, i): Row =>
    (i + step) % 10 === 0 ? { ...row, likelihood: 1 + ((Number(row.likelihood) + 1) % 4) } : row
  );
  const controls = (tables.controls ?? []).map((row): Row =>
    row.timing === period || row.timing === "Löpande"
      ? { ...row, result: "Kontroll genomförd utan avvikelse", comment: `Granskad i ${period}.` }
      : row
  );

  return {
    ...content,
    settings: {
      ...content.settings,
      assessment: "Tillräcklig",
      assessmentAnalysis: `Kontrollerna i ${period} visar inga större brister.`,
      readyMark: "Ja",
      readyBy: "Eva Ekonom",
    },
    tables: {
      ...tables,
      incomeStatement: ledger(tables.incomeStatement),
      operatingStatement: ledger(tables.operatingStatement),
      investments: ledger(tables.investments, false),
      actions,
      risks,
      controls,
    },
  };
}
