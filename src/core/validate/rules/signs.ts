/**
 * Signs: amounts are signed as the reports print them (intäkter positive, kostnader and
 * nettokostnader negative). A cost with a positive amount is almost always a sign error.
 */
import type { ModelRow, ModelTable } from "../../model";
import type { Unit } from "../../template/lists";
import { signs as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
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

type SignMessage = (label: string, header: string, value: number, unit: Unit | null) => string;

/** A rule that flags amounts of the wrong sign in one table; `wrong` says which rows and values. */
function signRule(
  meta: { code: string; title: string },
  table: "incomeStatement" | "operatingStatement",
  wrong: (row: ModelRow, value: number) => boolean,
  message: SignMessage
) {
  return defineRule({ ...meta, severity: "varning" }, function* ({ model }) {
    for (const { row, column, cell, value, label } of amounts(model.tables[table])) {
      if (wrong(row, value))
        yield hitAt(row, cell, message(label, column.header, value, model.settings.values.unit));
    }
  });
}

export const SIGN_RULES = [
  signRule(
    { code: "kostnad-positiv", title: "Kostnader i resultaträkningen är negativa" },
    "incomeStatement",
    (row, value) => row.cells.type.value === "Kostnad" && value > 0,
    msg.costPositive
  ),
  signRule(
    { code: "intakt-negativ", title: "Intäkter i resultaträkningen är positiva" },
    "incomeStatement",
    (row, value) => row.cells.type.value === "Intäkt" && value < 0,
    msg.incomeNegative
  ),
  signRule(
    { code: "nettokostnad-positiv", title: "Nettokostnader i driftsredovisningen är negativa" },
    "operatingStatement",
    (_row, value) => value > 0,
    msg.netCostPositive
  ),
];
