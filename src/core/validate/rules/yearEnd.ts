/**
 * At Helår the year is over and the report is a verksamhetsberättelse: the year's figure is
 * Utfall period (rollup/yearEnd.ts). A Prognos helår that differs from it is a varning, not a
 * fel: the report is right either way (it shows the outcome), but the forecast is either left
 * over from T2 or points at a mistyped outcome, and Ny period keeps it in Historik as the year's
 * last forecast. The ekonom checks it; a workbook with it may still be ready.
 */
import type { ModelCell, ModelRow } from "../../model";
import { difference } from "../../rollup/sum";
import { yearEndForecast as message } from "../messages";
import { defineRule, hitAt } from "../rule";
import { labelOrRow } from "../tables";

interface Judged {
  readonly line: ModelRow & { readonly cells: { readonly forecast: ModelCell<number> } };
  readonly label: string | null;
  readonly figures: { readonly forecast: number | null; readonly actual: number | null };
}

export const yearEndForecastRule = defineRule(
  {
    code: "prognos-skiljer-sig-fran-utfall",
    severity: "varning",
    title: "Vid helår är Prognos helår tom eller lika med Utfall period",
  },
  function* ({ model, rollup }) {
    if (rollup.basis !== "outcome") return;
    const rows: Judged[] = [
      ...rollup.incomeStatement.lines.map((r) => ({ ...r, label: r.line.cells.post.value })),
      ...rollup.operatingStatement.lines.map((r) => ({ ...r, label: r.line.cells.activity.value })),
      ...rollup.investments.lines.map((r) => ({ ...r, label: r.line.cells.name.value })),
    ];
    for (const { line, label, figures } of rows) {
      const { forecast, actual } = figures;
      if (forecast === null || difference(forecast, actual) === 0) continue;
      yield hitAt(
        line,
        line.cells.forecast,
        message(labelOrRow(label, line.row), forecast, actual, model.settings.values.unit)
      );
    }
  }
);

export const YEAR_END_RULES = [yearEndForecastRule];
