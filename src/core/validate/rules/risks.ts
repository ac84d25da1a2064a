/** Risks: one to be handled (Hantera) has an action, and each can be placed in the risk matrix. */
import { isBlank } from "../../parse/values";
import { risks as msg } from "../messages";
import { defineRule, hitAt } from "../rule";
import { textOf } from "../tables";

const treatWithoutAction = defineRule(
  {
    code: "hantera-utan-atgard",
    severity: "varning",
    title: "En risk med riskhantering Hantera har minst en åtgärd",
  },
  function* ({ model }) {
    const withActions = new Set(model.actions.map((a) => textOf(a.cells.riskId)));
    for (const risk of model.risks) {
      const id = textOf(risk.cells.id);
      if (id !== null && risk.cells.treatment.value === "Hantera" && !withActions.has(id))
        yield hitAt(risk, risk.cells.treatment, msg.treatWithoutAction(id));
    }
  }
);

/** The risk matrix's axes. Their values are checked by the cell rules; here only their absence. */
const MATRIX_AXIS_KEYS = ["likelihood", "impact"] as const;

const notRated = defineRule(
  {
    code: "risk-ej-vardera",
    severity: "varning",
    title: "Risker har sannolikhet och konsekvens så att riskmatrisen kan placera dem",
  },
  function* ({ model }) {
    const columns = model.template.tables.risks.columns;
    const axes = MATRIX_AXIS_KEYS.flatMap((key) => columns.filter((c) => c.key === key));
    for (const risk of model.risks) {
      for (const axis of axes) {
        const cell = risk.cells[axis.key as (typeof MATRIX_AXIS_KEYS)[number]];
        if (!isBlank(cell.raw)) continue;
        const message = msg.notRated(
          axis.header,
          textOf(risk.cells.id),
          risk.row,
          axis.min ?? 1,
          axis.max ?? 4
        );
        yield hitAt(risk, cell, message);
      }
    }
  }
);

export const RISK_RULES = [treatWithoutAction, notRated];
