/**
 * A material deviation (prognos − budget at or beyond the workbook's amount or percent threshold)
 * must be explained in the row's Kommentar.
 */
import type { ModelCell, ModelRow, ModelTable } from "../../model";
import { isBlank } from "../../parse/values";
import { materialDeviation as message } from "../messages";
import { defineRule, hitAt } from "../rule";
import { rowLabel } from "../tables";

type DeviationRow = ModelRow<{
  readonly budget: ModelCell<number>;
  readonly forecast: ModelCell<number>;
  readonly comment: ModelCell<string>;
}>;

/** 48,7 − 44,0 is 4,700000000000003 in binary floating point; at the threshold 4,7 it must count. */
const clean = (value: number) => Math.round(value * 1e9) / 1e9;

const threshold = (value: number | null) => (value !== null && value >= 0 ? value : null);

export const materialDeviationRule = defineRule(
  {
    code: "vasentlig-avvikelse-utan-kommentar",
    severity: "fel",
    title: "Väsentliga avvikelser prognos mot budget är kommenterade",
  },
  function* ({ model }) {
    const { unit, materialAmount, materialPercent } = model.settings.values;
    const limits = { amount: threshold(materialAmount), percent: threshold(materialPercent) };
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
        if (deviation === 0) continue;
        const size = Math.abs(deviation);
        const percentOfBudget =
          budget.value !== 0 ? clean((size / Math.abs(budget.value)) * 100) : null;
        const material =
          (limits.amount !== null && size >= clean(limits.amount)) ||
          (limits.percent !== null &&
            percentOfBudget !== null &&
            percentOfBudget >= limits.percent);
        if (!material) continue;
        const signedPercent =
          percentOfBudget === null ? null : Math.sign(deviation) * percentOfBudget;
        yield hitAt(
          row,
          comment,
          message(rowLabel(table, row), deviation, signedPercent, unit, limits)
        );
      }
    }
  }
);

export const MATERIAL_DEVIATION_RULES = [materialDeviationRule];
