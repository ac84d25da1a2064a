/** IDs are unique within their table, and every Risk-ID reference names a risk that exists. */
import type { ModelRow } from "../../model";
import { suggestValue } from "../../text/suggest";
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
    const known = model.risks
      .map((r) => textOf(r.cells.id))
      .filter((id): id is string => id !== null);
    const knownSet = new Set(known);
    const referring: readonly ModelRow[] = [...model.actions, ...model.controls];
    for (const row of referring) {
      const cell = row.cells.riskId;
      const id = textOf(cell);
      if (id === null || cell.absent || knownSet.has(id)) continue;
      yield hitAt(row, cell, msg.unknownRisk(id, suggestValue(id, known)?.value ?? null));
    }
  }
);

export const ID_RULES = [duplicate, unknownRisk];
