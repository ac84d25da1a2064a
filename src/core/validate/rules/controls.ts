/** Internal controls: results that need a comment or an action, and controls due without a result. */
import { isBlank } from "../../parse/values";
import { isDueBy } from "../../period";
import type { ControlResult } from "../../template/lists";
import { controls as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { textOf } from "../tables";

const NEEDS_COMMENT: readonly ControlResult[] = [
  "Kontroll genomförd med mindre avvikelse",
  "Kontroll genomförd med stor avvikelse",
  "Kontroll ej genomförd",
];

const commentMissing = defineRule(
  {
    code: "kontroll-kommentar-saknas",
    severity: "fel",
    title: "Kontroller med avvikelse eller som inte genomförts har en kommentar",
  },
  function* ({ model }) {
    for (const control of model.controls) {
      const result = control.cells.result.value;
      if (result === null || !NEEDS_COMMENT.includes(result) || !isBlank(control.cells.comment.raw))
        continue;
      const id = textOf(control.cells.id);
      yield hitAt(control, control.cells.comment, msg.commentMissing(id, control.row, result));
    }
  }
);

const actionMissing = defineRule(
  {
    code: "kontroll-atgard-saknas",
    severity: "varning",
    title: "Kontroller med stor avvikelse har en åtgärd vid avvikelse",
  },
  function* ({ model }) {
    for (const control of model.controls) {
      const cell = control.cells.actionOnDeviation;
      if (control.cells.result.value !== "Kontroll genomförd med stor avvikelse") continue;
      if (cell.absent || !isBlank(cell.raw)) continue;
      yield hitAt(control, cell, msg.actionMissing(textOf(control.cells.id), control.row));
    }
  }
);

const resultMissing = defineRule(
  {
    code: "kontroll-resultat-saknas",
    severity: "fel",
    title: "Kontroller vars tidpunkt har passerat har ett resultat",
  },
  function* ({ model, period }) {
    if (!period) return;
    for (const control of model.controls) {
      const { timing, result } = control.cells;
      if (!isBlank(result.raw)) continue; // a wrong value is status-ogiltig's finding
      if (!isBlank(timing.raw) && timing.value === null) continue; // so is a wrong timing
      // Without a timing the control is due by the end of the year the plan covers.
      const due = timing.value === "Löpande" || isDueBy(timing.value ?? "Helår", period.period);
      if (!due) continue;
      const id = textOf(control.cells.id);
      yield hitAt(control, result, msg.resultMissing(id, control.row, timing.value));
    }
  }
);

export const CONTROL_RULES = [commentMissing, actionMissing, resultMissing];
