/**
 * Turns a computed column's structured reference (`[@[Prognos helår]]-[@[Budget helår]]`) into
 * A1 formulas per row (`H4-G4`). exceljs cannot write a table's calculated-column formula, and
 * plain A1 formulas calculate the same in Excel, LibreOffice and exceljs round trips.
 */
import { columnLetters } from "../../core/snapshot";

// `[@Header]` or `[@[Header with spaces]]`
const THIS_ROW_REFERENCE = /\[@(?:\[([^\]]+)\]|([^[\]]+))\]/g;

/**
 * Compiles once, then gives the formula of any row. `columnOf(header)` is the 1-based sheet
 * column of a header of the same table, or -1 when there is none.
 */
export function compileThisRowFormula(
  structured: string,
  columnOf: (header: string) => number
): (row: number) => string {
  const literals: string[] = [];
  const columns: string[] = [];
  let last = 0;
  for (const match of structured.matchAll(THIS_ROW_REFERENCE)) {
    const header = match[1] ?? match[2];
    const column = columnOf(header);
    if (column < 1) throw new Error(`Formeln ${structured} pekar på okänd kolumn "${header}".`);
    literals.push(structured.slice(last, match.index));
    columns.push(columnLetters(column));
    last = match.index + match[0].length;
  }
  const tail = structured.slice(last);
  return (row) => columns.map((c, i) => `${literals[i]}${c}${row}`).join("") + tail;
}
