/**
 * Resultaträkning and driftsredovisning agree column by column, up to rounding of the entered
 * figures: judged on the roll-up's cross-check, the one the report's avstämning shows.
 */
import { crossCheck as msg } from "../messages";
import { defineRule } from "../rule";

const disagreement = defineRule(
  {
    code: "avstamning-differens",
    severity: "fel",
    title: "Resultaträkningen och driftsredovisningen har samma summor",
  },
  function* ({ model, rollup }) {
    const unit = model.settings.values.unit;
    const income = model.tables.incomeStatement.sheet;
    const operating = model.tables.operatingStatement.sheet;
    for (const result of rollup.crossCheck) {
      if (result.agrees) continue;
      const a = result.incomeStatement;
      const b = result.operatingStatement;
      const message =
        a.terms === 0 || b.terms === 0
          ? msg.oneSided(
              result.header,
              a.terms === 0 ? operating : income,
              a.terms === 0 ? income : operating,
              a.terms === 0 ? b.total : a.total,
              unit
            )
          : msg.difference(
              result.header,
              a.total,
              b.total,
              result.difference,
              a.terms + b.terms,
              result.tolerance,
              unit
            );
      yield { sheet: result.sheet, cell: result.cell, message };
    }
  }
);

export const CROSS_CHECK_RULES = [disagreement];
