/** IDs are unique within their table, and every Risk-ID reference names a risk that exists. */
import type { ModelRow } from "../../model";
import { foldForComparison } from "../../text/suggest";
import { ids as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { allTables, textOf } from "../tables";

/** The column every table with its own IDs (Risker, Åtgärder, Internkontroll) calls `id`. */
const ID_KEY = "id";

const duplicate = defineRule(
  { code: "id-dubblett", severity: "fel", title: "Risk-ID, Åtgärds-ID och Kontroll-ID är unika" },
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

const unknownRisk = defineRule(
  {
    code: "risk-id-okant",
    severity: "fel",
    title: "Risk-ID i Åtgärder och Internkontroll finns på bladet Risker",
  },
  function* ({ model }) {
    const known = new Set<string>();
    // A reference differs from the ID meant in case or spacing ("r1" for R1); typos between short
    // IDs (R1/R2) cannot be told apart. So one lookup by folded form: linear in the number of rows.
    const byFolded = new Map<string, string | null>();
    for (const risk of model.risks) {
      const id = textOf(risk.cells.id);
      if (id === null) continue;
      known.add(id);
      const folded = foldForComparison(id);
      byFolded.set(folded, byFolded.has(folded) ? null : id); // null: two IDs fold alike
    }
    const referring: readonly ModelRow[] = [...model.actions, ...model.controls];
    for (const row of referring) {
      const cell = row.cells.riskId;
      const id = textOf(cell);
      if (id === null || cell.absent || known.has(id)) continue;
      yield hitAt(row, cell, msg.unknownRisk(id, byFolded.get(foldForComparison(id)) ?? null));
    }
  }
);

export const ID_RULES = [duplicate, unknownRisk];
