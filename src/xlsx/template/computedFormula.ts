/**
 * A computed column's structured reference (`[@[Prognos helår]]-[@[Budget helår]]`) in the two
 * forms a file needs: A1 formulas per row for the cells (`H4-G4`), which calculate the same in
 * Excel, LibreOffice and exceljs round trips, and the fully qualified form Excel keeps as the
 * table's calculated-column formula (`tbl[[#This Row],[Prognos helår]]-…`), with which Excel fills
 * rows added to the table.
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

/** A header as a column specifier: `'` escapes the characters structured references reserve. */
export function columnSpecifier(header: string): string {
  return `[${header.replace(/['[\]#]/g, "'$&")}]`;
}

/**
 * The calculated-column formula as Excel stores it in the table part: every `[@…]` qualified with
 * the table's name and `[#This Row]` (the `@` form is only how Excel displays it).
 */
export function calculatedColumnFormula(table: string, structured: string): string {
  return structured.replace(
    THIS_ROW_REFERENCE,
    (_m, bracketed: string | undefined, plain: string | undefined) =>
      `${table}[[#This Row],${columnSpecifier(bracketed ?? plain ?? "")}]`
  );
}
