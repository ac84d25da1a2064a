/**
 * A material deviation (prognos − budget at or beyond the workbook's amount or percent threshold)
 * must be explained in the row's Kommentar. Which rows are material is the roll-up's answer, the
 * same rows the report lists under Väsentliga avvikelser.
 */
import { thresholdsOf } from "../../rollup/materiality";
import { materialDeviation as message } from "../messages";
import { defineRule } from "../rule";
import { labelOrRow } from "../tables";

export const materialDeviationRule = defineRule(
  {
    code: "vasentlig-avvikelse-utan-kommentar",
    severity: "fel",
    title: "Väsentliga avvikelser prognos mot budget är kommenterade",
  },
  function* ({ model, rollup }) {
    const { unit } = model.settings.values;
    const limits = thresholdsOf(model.settings.values);
    for (const d of rollup.materialDeviations) {
      if (d.commented) continue;
      yield {
        sheet: d.sheet,
        cell: d.commentCell,
        message: message(
          labelOrRow(d.label, d.row),
          d.deviation,
          d.share === null ? null : d.share * 100,
          unit,
          limits,
          rollup.basis
        ),
      };
    }
  }
);

export const MATERIAL_DEVIATION_RULES = [materialDeviationRule];
