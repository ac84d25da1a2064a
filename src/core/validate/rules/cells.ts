/**
 * Each cell holds what its column's kind allows. Driven entirely by the template definition
 * (ColumnDef kind, list, min, max): a new column needs no new code here.
 */
import { isBlank } from "../../parse/values";
import { isCellError } from "../../snapshot";
import type { ColumnDef } from "../../template/definition";
import { LISTS } from "../../template/lists";
import { suggestValue } from "../../text/suggest";
import { isPlausibleYear } from "../context";
import { cells as msg, notAnAllowedValue } from "../messages";
import { defineRule, hitAt } from "../rule";
import { cellsWhere, formulaInputs, type CellVisit } from "../tables";

const isNumeric = (c: ColumnDef) =>
  c.kind === "amount" || c.kind === "number" || c.kind === "integer";

/**
 * A computed cell whose inputs hold an error value or text shows #VALUE! (or the input's error)
 * because of them; the input is reported (felvarde, inte-ett-tal or tal-som-text), so the
 * computed cell is not reported a second time.
 */
function errorComesFromInput({ table, row, column }: CellVisit): boolean {
  if (column.kind !== "computed") return false;
  return formulaInputs(column).some((header) => {
    const input = table.def.columns.find((c) => c.header === header);
    const raw = input ? (row.cells[input.key]?.raw ?? null) : null;
    return isCellError(raw) || (typeof raw === "string" && !isBlank(raw));
  });
}

const errorValue = defineRule(
  { code: "felvarde", severity: "fel", title: "Inga felvärden (#REF!, #DIV/0! …) i tabellerna" },
  function* ({ model }) {
    for (const visit of cellsWhere(model, () => true)) {
      const { row, column, cell } = visit;
      if (isCellError(cell.raw) && !errorComesFromInput(visit))
        yield hitAt(
          row,
          cell,
          msg.errorValue(column.header, cell.raw.error, column.kind === "computed")
        );
    }
  }
);

const notANumber = defineRule(
  { code: "inte-ett-tal", severity: "fel", title: "Belopp och tal är tal" },
  function* ({ model }) {
    for (const { row, column, cell } of cellsWhere(model, isNumeric)) {
      if (cell.value === null && !isBlank(cell.raw) && !isCellError(cell.raw))
        yield hitAt(row, cell, msg.notANumber(column.header, cell.raw, column.kind === "amount"));
    }
  }
);

const numberAsText = defineRule(
  { code: "tal-som-text", severity: "varning", title: "Belopp och tal är inte skrivna som text" },
  function* ({ model }) {
    for (const { row, column, cell } of cellsWhere(model, isNumeric)) {
      if (typeof cell.raw === "string" && typeof cell.value === "number")
        yield hitAt(row, cell, msg.numberAsText(column.header, cell.raw, cell.value));
    }
  }
);

const outOfRange = defineRule(
  { code: "varde-utanfor-intervall", severity: "fel", title: "Heltal och gränser enligt mallen" },
  function* ({ model }) {
    for (const { row, column, cell } of cellsWhere(model, isNumeric)) {
      if (typeof cell.value !== "number") continue;
      const integer = column.kind === "integer";
      const wrong =
        (integer && !Number.isInteger(cell.value)) ||
        (column.min !== undefined && cell.value < column.min) ||
        (column.max !== undefined && cell.value > column.max);
      if (wrong)
        yield hitAt(
          row,
          cell,
          msg.outOfRange(column.header, cell.raw, integer, column.min, column.max)
        );
    }
  }
);

const notADate = defineRule(
  { code: "inte-ett-datum", severity: "fel", title: "Datum är rimliga datum" },
  function* ({ model }) {
    for (const { row, column, cell } of cellsWhere(model, (c) => c.kind === "date")) {
      if (isBlank(cell.raw) || isCellError(cell.raw)) continue;
      if (!(cell.value instanceof Date)) {
        yield hitAt(row, cell, msg.notADate(column.header, cell.raw));
      } else if (!isPlausibleYear(cell.value.getUTCFullYear())) {
        // A number in a date cell reads as an Excel serial: 2024 becomes 1905-07-16.
        yield hitAt(row, cell, msg.implausibleDate(column.header, cell.raw, cell.value));
      }
    }
  }
);

const notAllowed = defineRule(
  { code: "status-ogiltig", severity: "fel", title: "Statuskolumner har ett värde ur listan" },
  function* ({ model }) {
    for (const { row, column, cell } of cellsWhere(model, (c) => c.kind === "status")) {
      if (cell.value !== null || isBlank(cell.raw) || isCellError(cell.raw) || !column.list)
        continue;
      const allowed = LISTS[column.list];
      const suggestion = typeof cell.raw === "string" ? suggestValue(cell.raw, allowed) : null;
      yield hitAt(row, cell, notAnAllowedValue(column.header, cell.raw, allowed, suggestion));
    }
  }
);

export const CELL_RULES = [errorValue, notANumber, numberAsText, outOfRange, notADate, notAllowed];
