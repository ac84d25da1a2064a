/** Actions: late ones, closed ones without a word on what was done, follow-up dates that cannot be right. */
import { isBlank } from "../../parse/values";
import { actions as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { textOf } from "../tables";

const OPEN_STATUSES: readonly string[] = ["Ej påbörjad", "Pågående"];

const late = defineRule(
  {
    code: "atgard-forsenad",
    severity: "varning",
    title: "Åtgärder som inte är avslutade har inte passerat sitt slutdatum",
  },
  function* ({ model, period }) {
    if (!period) return;
    for (const action of model.actions) {
      const { status, endDate } = action.cells;
      if (status.value === null || !OPEN_STATUSES.includes(status.value)) continue;
      if (endDate.value === null || endDate.value.getTime() >= period.end.getTime()) continue;
      const id = textOf(action.cells.id);
      yield hitAt(
        action,
        endDate,
        msg.late(id, action.row, status.value, endDate.value, period.end)
      );
    }
  }
);

const closedWithoutComment = defineRule(
  {
    code: "avslutad-utan-kommentar",
    severity: "varning",
    title: "Avslutade åtgärder har en kommentar vid senaste uppföljning",
  },
  function* ({ model }) {
    for (const action of model.actions) {
      if (action.cells.status.value === "Avslutad" && isBlank(action.cells.comment.raw))
        yield hitAt(
          action,
          action.cells.comment,
          msg.closedWithoutComment(textOf(action.cells.id), action.row)
        );
    }
  }
);

const followUpDate = defineRule(
  {
    code: "uppfoljningsdatum-orimligt",
    severity: "varning",
    title: "Uppföljningsdatum ligger i år och inte efter dagens datum",
  },
  function* ({ model, period, today }) {
    for (const action of model.actions) {
      const cell = action.cells.followUpDate;
      const date = cell.value;
      if (date === null) continue;
      // Following up shortly after the period has ended is normal: only the future is wrong.
      if (date.getTime() > today.getTime()) {
        yield hitAt(action, cell, msg.followUpAfterToday(date, today));
      } else if (period && date.getTime() < period.yearStart.getTime()) {
        yield hitAt(action, cell, msg.followUpBeforeYear(date, period.year));
      }
    }
  }
);

export const ACTION_RULES = [late, closedWithoutComment, followUpDate];
