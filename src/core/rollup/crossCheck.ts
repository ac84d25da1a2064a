/**
 * Resultaträkning (by type) and driftsredovisning (by activity) are two views of the same ledger:
 * each amount column must have the same total in both. Figures typed with one decimal are rounded,
 * so the totals may differ by as much as that rounding can explain — half a unit of the column's
 * last decimal, times the number of terms. A larger difference is an error in the entered figures.
 * The column's precision is that of its finest figure: Excel stores a typed −760,0 as −760, so a
 * whole number among one-decimal figures was rounded to one decimal too.
 */
import type { Model, ModelTable } from "../model";
import { enteredDecimals } from "../text/decimals";

export interface CrossCheckSide {
  /** Sum of the column's numeric cells; 0 when there are none. */
  readonly total: number;
  /** How many cells hold a number (the terms of the sum). */
  readonly terms: number;
}

export interface CrossCheckResult {
  /** Column key, e.g. `actualPriorYear`. */
  readonly column: string;
  /** Header text, e.g. `Utfall period fg år`. */
  readonly header: string;
  readonly incomeStatement: CrossCheckSide;
  readonly operatingStatement: CrossCheckSide;
  /** Resultaträkning total − driftsredovisning total. */
  readonly difference: number;
  /** The largest difference rounding of the entered figures can explain. */
  readonly tolerance: number;
  /** |difference| ≤ tolerance. */
  readonly agrees: boolean;
  /** The column's header cell in Driftsredovisning (where a finding points). */
  readonly sheet: string;
  readonly cell: string;
}

/** Drops binary floating-point noise (0.1 + 0.2) before comparing; amounts never need 9 decimals. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

interface ColumnTotals extends CrossCheckSide {
  /** The most decimals any term was entered with. */
  readonly decimals: number;
}

function columnTotals(table: ModelTable, key: string): ColumnTotals {
  let total = 0;
  let terms = 0;
  let decimals = 0;
  for (const row of table.rows) {
    const cell = row.cells[key];
    if (typeof cell?.value !== "number") continue;
    total += cell.value;
    terms++;
    decimals = Math.max(decimals, enteredDecimals(cell.raw));
  }
  return { total: clean(total), terms, decimals };
}

/** One result per amount column that both tables have, in the driftsredovisning's column order. */
export function crossCheck(model: Model): CrossCheckResult[] {
  const income = model.tables.incomeStatement;
  const operating = model.tables.operatingStatement;
  const incomeAmountHeaders = new Set(
    income.def.columns.filter((c) => c.kind === "amount").map((c) => c.header)
  );
  const isPresent = (table: ModelTable, key: string) =>
    !table.rows.some((r) => r.cells[key]?.absent);

  return operating.def.columns
    .filter((c) => c.kind === "amount" && incomeAmountHeaders.has(c.header))
    .flatMap((column) => {
      const incomeColumn = income.def.columns.find((c) => c.header === column.header);
      if (
        !incomeColumn ||
        !isPresent(income, incomeColumn.key) ||
        !isPresent(operating, column.key)
      )
        return [];
      const a = columnTotals(income, incomeColumn.key);
      const b = columnTotals(operating, column.key);
      const difference = clean(a.total - b.total);
      const halfUnit = 0.5 * 10 ** -Math.max(a.decimals, b.decimals);
      const tolerance = clean((a.terms + b.terms) * halfUnit);
      return [
        {
          column: column.key,
          header: column.header,
          incomeStatement: { total: a.total, terms: a.terms },
          operatingStatement: { total: b.total, terms: b.terms },
          difference,
          tolerance,
          agrees: Math.abs(difference) <= tolerance,
          sheet: operating.sheet,
          cell: operating.headerAddress[column.key],
        },
      ];
    });
}
