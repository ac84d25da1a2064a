/**
 * Klar means complete. A report is final only when the period's figures are in: a row with a
 * budget needs its Utfall period, and until Helår its Prognos helår (at Helår the outcome is the
 * year's figure, rollup/yearEnd.ts). Without them the roll-up compares nothing and the summary
 * would call a blank unit "in line with budget".
 *
 * Investeringar is judged row by row like the ledgers (a row with a budget and no figures makes the
 * investment sum wrong), but it may be empty: many units have no investments of their own, while
 * every unit has a resultaträkning and a driftsredovisning.
 */
import { isBlank } from "../../parse/values";
import type { ModelCell, ModelRow, ModelTable } from "../../model";
import { completeness as message } from "../messages";
import { defineRule, hitAt, type Hit } from "../rule";
import { rowLabel } from "../tables";

type FigureRow = ModelRow & {
  readonly cells: {
    readonly budget: ModelCell<number>;
    readonly actual: ModelCell<number>;
    readonly forecast: ModelCell<number>;
  };
};

/** The tables whose rows carry budget, outcome and forecast. */
const FIGURE_TABLES = ["incomeStatement", "operatingStatement", "investments"] as const;
/** The tables every period's report needs rows in. */
const REQUIRED_TABLES = ["incomeStatement", "operatingStatement"] as const;

function* budgetedRowsMissing(
  tables: readonly ModelTable[],
  column: "actual" | "forecast",
  hit: (table: ModelTable, row: FigureRow) => Hit
): Generator<Hit> {
  for (const table of tables) {
    for (const row of table.rows as readonly FigureRow[]) {
      const cell = row.cells[column];
      // A budget typed as text is reported by inte-ett-tal; a blank budget asks for nothing.
      if (row.cells.budget.value === null || cell.absent || !isBlank(cell.raw)) continue;
      yield hit(table, row);
    }
  }
}

const actualMissing = defineRule(
  {
    code: "utfall-saknas",
    severity: "fel",
    title: "Rader med Budget helår har Utfall period",
  },
  ({ model }) =>
    budgetedRowsMissing(
      FIGURE_TABLES.map((key) => model.tables[key]),
      "actual",
      (table, row) =>
        hitAt(
          row,
          row.cells.actual,
          message.actualMissing(rowLabel(table, row), model.settings.values.period)
        )
    )
);

const forecastMissing = defineRule(
  {
    code: "prognos-saknas",
    severity: "fel",
    title: "Före helår har rader med Budget helår en Prognos helår",
  },
  ({ model, period }) =>
    // Without a valid Period the settings rules speak; at Helår the outcome is the year's figure.
    period === null || period.period === "Helår"
      ? []
      : budgetedRowsMissing(
          FIGURE_TABLES.map((key) => model.tables[key]),
          "forecast",
          (table, row) =>
            hitAt(row, row.cells.forecast, message.forecastMissing(rowLabel(table, row)))
        )
);

const emptyLedger = defineRule(
  {
    code: "tabell-tom",
    severity: "fel",
    title: "Resultaträkningen och driftsredovisningen har rader",
  },
  function* ({ model }) {
    for (const table of REQUIRED_TABLES.map((key) => model.tables[key])) {
      if (table.rows.length > 0) continue;
      yield {
        sheet: table.sheet,
        cell: table.tableAddress,
        message: message.emptyTable(table.sheet),
      };
    }
  }
);

export const COMPLETENESS_RULES = [emptyLedger, actualMissing, forecastMissing];
