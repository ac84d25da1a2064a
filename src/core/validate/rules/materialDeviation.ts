/**
 * A material deviation (prognos − budget at or beyond the workbook's amount or percent threshold)
 * must be explained in the row's Kommentar.
 */
import type { ModelCell, ModelRow, ModelTable } from "../../model";
import { isBlank } from "../../parse/values";
import { isMaterialDeviation, shareOfBudget, thresholdsOf } from "../../rollup/materiality";
import { materialDeviation as message } from "../messages";
import { defineRule, hitAt } from "../rule";
import { rowLabel } from "../tables";

type DeviationRow = ModelRow<{
  readonly budget: ModelCell<number>;
  readonly forecast: ModelCell<number>;
  readonly comment: ModelCell<string>;
}>;

/** Floating-point noise (0,1 + 0,2 − 0,3) must not turn an exact budget into a deviation. */
const clean = (value: number) => Math.round(value * 1e9) / 1e9;

export const materialDeviationRule = defineRule(
  {
    code: "vasentlig-avvikelse-utan-kommentar",
    severity: "fel",
    title: "Väsentliga avvikelser prognos mot budget är kommenterade",
  },
  function* ({ model }) {
    const limits = thresholdsOf(model.settings.values);
    if (limits.amount === null && limits.percent === null) return;
    const tables: readonly ModelTable[] = [
      model.tables.incomeStatement,
      model.tables.operatingStatement,
      model.tables.investments,
    ];
    for (const table of tables) {
      for (const row of table.rows as readonly DeviationRow[]) {
        const { budget, forecast, comment } = row.cells;
        if (budget.value === null || forecast.value === null || !isBlank(comment.raw)) continue;
        const deviation = clean(forecast.value - budget.value);
        if (!isMaterialDeviation(deviation, budget.value, limits)) continue;
        const share = shareOfBudget(deviation, budget.value);
        yield hitAt(
          row,
          comment,
          message(
            rowLabel(table, row),
            deviation,
            share === null ? null : share * 100,
            model.settings.values.unit,
            limits
          )
        );
      }
    }
  }
);

export const MATERIAL_DEVIATION_RULES = [materialDeviationRule];
