/**
 * The ready-mark (Klarmarkerad, template v2): a workbook marked Ja must be free of fel, and say
 * who marked it and when. These rules judge the other rules' findings, so they run last.
 */
import { isBlank } from "../../parse/values";
import { readyMark as msg } from "../messages";
import { defineRule, type Hit } from "../rule";

const markedWithErrors = defineRule(
  {
    code: "klarmarkerad-med-fel",
    severity: "fel",
    title: "En klarmarkerad arbetsbok har inga fel",
  },
  function* ({ model, earlier }): Generator<Hit> {
    const cell = model.settings.cells.readyMark;
    if (!cell || model.settings.values.readyMark !== "Ja") return;
    const fel = earlier.filter((f) => f.severity === "fel").length;
    if (fel === 0) return;
    yield { sheet: model.tables.settings.sheet, cell: cell.address, message: msg.withErrors(fel) };
  }
);

const markedIncompletely = defineRule(
  {
    code: "klarmarkering-ofullstandig",
    severity: "varning",
    title: "En klarmarkerad arbetsbok säger av vem och när",
  },
  function* ({ model }): Generator<Hit> {
    const mark = model.settings.cells.readyMark;
    if (!mark || model.settings.values.readyMark !== "Ja") return;
    const { readyBy, readyDate } = model.settings.cells;
    const missing = [
      ...(readyBy && !isBlank(readyBy.raw) ? [] : [{ label: "Klarmarkerad av", cell: readyBy }]),
      ...(readyDate && !isBlank(readyDate.raw)
        ? []
        : [{ label: "Klarmarkerad datum", cell: readyDate }]),
    ];
    if (missing.length === 0) return;
    yield {
      sheet: model.tables.settings.sheet,
      // Where the first missing value goes; the Klarmarkerad cell when its row is missing too.
      cell: missing[0].cell?.address ?? mark.address,
      message: msg.incomplete(missing.map((m) => m.label)),
    };
  }
);

export const READY_MARK_RULES = [markedWithErrors, markedIncompletely];
