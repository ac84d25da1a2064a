/**
 * Signs: amounts are signed as the reports print them (intäkter positive, kostnader and
 * nettokostnader negative). A cost with a positive amount is almost always a sign error.
 */
import type { ModelTable } from "../../model";
import { signs as msg } from "../messages";
import { defineRule, hitAt, type RuleContext } from "../rule";
import { rowLabel } from "../tables";

/** The amount cells of a table that hold a number, with what the row and column are called. */
function* amounts(table: ModelTable) {
  const columns = table.def.columns.filter((c) => c.kind === "amount");
  for (const row of table.rows) {
    for (const column of columns) {
      const cell = row.cells[column.key];
      if (cell && typeof cell.value === "number")
        yield { row, column, cell, value: cell.value, label: rowLabel(table, row) };
    }
  }
}

const unitOf = (ctx: RuleContext) => ctx.model.settings.values.unit;

const costPositive = defineRule(
  {
    code: "kostnad-positiv",
    severity: "varning",
    title: "Kostnader i resultaträkningen är negativa",
  },
  function* (ctx) {
    const table = ctx.model.tables.incomeStatement;
    for (const { row, column, cell, value, label } of amounts(table)) {
      if (row.cells.type.value === "Kostnad" && value > 0)
        yield hitAt(row, cell, msg.costPositive(label, column.header, value, unitOf(ctx)));
    }
  }
);

const incomeNegative = defineRule(
  {
    code: "intakt-negativ",
    severity: "varning",
    title: "Intäkter i resultaträkningen är positiva",
  },
  function* (ctx) {
    const table = ctx.model.tables.incomeStatement;
    for (const { row, column, cell, value, label } of amounts(table)) {
      if (row.cells.type.value === "Intäkt" && value < 0)
        yield hitAt(row, cell, msg.incomeNegative(label, column.header, value, unitOf(ctx)));
    }
  }
);

const netCostPositive = defineRule(
  {
    code: "nettokostnad-positiv",
    severity: "varning",
    title: "Nettokostnader i driftsredovisningen är negativa",
  },
  function* (ctx) {
    const table = ctx.model.tables.operatingStatement;
    for (const { row, column, cell, value, label } of amounts(table)) {
      if (value > 0)
        yield hitAt(row, cell, msg.netCostPositive(label, column.header, value, unitOf(ctx)));
    }
  }
);

export const SIGN_RULES = [costPositive, incomeNegative, netCostPositive];
