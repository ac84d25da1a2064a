/** Required cells (ColumnDef.required) are filled in every row that is otherwise filled. */
import { isBlank } from "../../parse/values";
import { LISTS } from "../../template/lists";
import { cells as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { cellsWhere } from "../tables";

const requiredMissing = defineRule(
  { code: "obligatorisk-saknas", severity: "fel", title: "Obligatoriska celler är ifyllda" },
  function* ({ model }) {
    // Parsing drops blank rows, so every row here has something in it.
    for (const { row, column, cell } of cellsWhere(model, (c) => c.required)) {
      if (!isBlank(cell.raw)) continue;
      const allowed = column.kind === "status" && column.list ? LISTS[column.list] : null;
      yield hitAt(row, cell, msg.requiredMissing(column.header, allowed, column.help));
    }
  }
);

export const REQUIRED_RULES = [requiredMissing];
