/** IDs are unique within their table, and every reference to another table names a row of it. */
import type { ModelRow } from "../../model";
import { foldForComparison } from "../../text/suggest";
import { ids as msg } from "../messages";
import { lookupTable, type TableDef } from "../../template/definition";
import { defineRule, hitAt } from "../rule";
import { allTables, textOf } from "../tables";

/** The column every table with its own IDs (Risker, Åtgärder, Internkontroll, Mål, Indikatorer) calls `id`. */
const ID_KEY = "id";

const duplicate = defineRule(
  {
    code: "id-dubblett",
    severity: "fel",
    title: "Risk-ID, Åtgärds-ID, Kontroll-ID, Mål-ID och Indikator-ID är unika",
  },
  function* ({ model }) {
    for (const table of allTables(model)) {
      const column = table.def.columns.find((c) => c.key === ID_KEY);
      if (!column) continue;
      const first = new Map<string, string>();
      for (const row of table.rows) {
        const cell = row.cells[ID_KEY];
        const id = textOf(cell);
        if (id === null) continue;
        const seen = first.get(id);
        if (seen === undefined) first.set(id, cell.address);
        else yield hitAt(row, cell, msg.duplicate(column.header, id, seen));
      }
    }
  }
);

/**
 * Every lookup column (Risk-ID in Åtgärder and Internkontroll, Mål-ID in Indikatorer, Post and
 * Verksamhet in Kontoplan) names a row of the table it looks up. One rule, one code: the code
 * dates from when Risk-ID was the only lookup, and codes are never renamed.
 */
const unknownReference = defineRule(
  {
    code: "risk-id-okant",
    severity: "fel",
    title: "Risk-ID, Mål-ID och Kontoplanens Post och Verksamhet finns i tabellen de pekar på",
  },
  function* ({ model }) {
    for (const table of allTables(model)) {
      for (const column of table.def.columns) {
        const lookup = column.lookup;
        if (!lookup) continue;
        const target = lookupTable(model.template, lookup);
        const targetKey = target.columns.find((c) => c.header === lookup.header)?.key;
        if (targetKey === undefined) continue;
        const known = knownValues(model.tables[target.key].rows, targetKey);
        for (const row of table.rows) {
          if (isShippedRow(table.def, row)) continue;
          const cell = row.cells[column.key];
          const value = textOf(cell);
          if (value === null || cell.absent || known.exact.has(value)) continue;
          const suggestion = known.byFolded.get(foldForComparison(value)) ?? null;
          yield hitAt(
            row,
            cell,
            target.key === "risks"
              ? msg.unknownRisk(value, suggestion)
              : msg.unknownReference(column.header, value, target.sheet, lookup.header, suggestion)
          );
        }
      }
    }
  }
);

/**
 * A row exactly as the template ships it (Kontoplan's Kommun-Bas mapping) is a suggestion, not
 * the ekonom's statement: it names the Posts of the template's example, and a unit that never
 * imports a ledger would otherwise have to edit Kontoplan to get rid of fel. Once edited, it is
 * checked like any row (the import reads it).
 */
function isShippedRow(def: TableDef, row: ModelRow): boolean {
  return (def.initialRows ?? []).some((shipped) =>
    Object.entries(shipped).every(([key, value]) => row.cells[key]?.raw === value)
  );
}

/**
 * A reference differs from the value meant in case or spacing ("r1" for R1); typos between short
 * IDs (R1/R2) cannot be told apart. So one lookup by folded form: linear in the number of rows.
 */
function knownValues(rows: readonly ModelRow[], key: string) {
  const exact = new Set<string>();
  const byFolded = new Map<string, string | null>();
  for (const row of rows) {
    const value = textOf(row.cells[key]);
    if (value === null) continue;
    exact.add(value);
    const folded = foldForComparison(value);
    byFolded.set(folded, byFolded.has(folded) ? null : value); // null: two values fold alike
  }
  return { exact, byFolded };
}

export const ID_RULES = [duplicate, unknownReference];
