/**
 * The A1 cell references in a formula, each rewritten by a callback: what Ny period needs to
 * expand a shared formula into each cell's own (the master's references shifted, as Excel derives
 * them) and to follow the rows a roll moves. String literals and structured references
 * (`tbl[Kolumn]`, whose headers may look like `Q1`) are left as they are.
 */
import { columnLetters, columnNumber } from "../../core/snapshot";

export interface CellReference {
  /** The sheet as written (`'Min flik'`, `Blad2`), or null for the formula's own sheet. */
  readonly sheet: string | null;
  readonly column: number;
  readonly row: number;
  readonly absoluteColumn: boolean;
  readonly absoluteRow: boolean;
}

/** `$B$4`, `B4`, … from a reference's parts. */
export function referenceText(ref: Omit<CellReference, "sheet">): string {
  return (
    `${ref.absoluteColumn ? "$" : ""}${columnLetters(ref.column)}` +
    `${ref.absoluteRow ? "$" : ""}${ref.row}`
  );
}

/** A quoted sheet name as text, or a plain one as written. */
export function sheetNameOf(written: string): string {
  return written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
}

// A string literal, a bracketed part (structured references, external workbooks), or a
// reference with its optional sheet; anything else is copied.
const TOKEN =
  /"(?:[^"]|"")*"|\[(?:[^[\]]|\[[^\]]*\])*\]|((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(!\u00C0-\uFFFF])/g;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * The formula with each reference replaced by `rewrite(ref)` (a reference's text, e.g. `#REF!`).
 * The second end of a range (`Blad2!A1:B4`) belongs to the first end's sheet.
 */
export function mapReferences(formula: string, rewrite: (ref: CellReference) => string): string {
  let rangeSheet: { sheet: string | null; end: number } | null = null;
  return formula.replace(
    TOKEN,
    (
      whole,
      sheet: string | undefined,
      dollarColumn: string | undefined,
      letters: string | undefined,
      dollarRow: string | undefined,
      digits: string | undefined,
      at: number
    ) => {
      if (letters === undefined || digits === undefined) return whole;
      const before = at > 0 ? formula[at - 1] : "";
      // A name or number that merely ends in letters and digits (`LOG10`, `x1A1`) is no reference.
      if (!sheet && /[\w.$\u00C0-\uFFFF]/.test(before)) return whole;
      const column = columnNumber(letters.toUpperCase());
      const row = Number(digits);
      if (column < 1 || column > MAX_COLUMN || row < 1 || row > MAX_ROW) return whole;
      const ownSheet =
        sheet !== undefined
          ? sheet.slice(0, -1)
          : before === ":" && rangeSheet?.end === at - 1
            ? rangeSheet.sheet
            : null;
      rangeSheet = { sheet: ownSheet, end: at + whole.length };
      const text = rewrite({
        sheet: ownSheet,
        column,
        row,
        absoluteColumn: dollarColumn === "$",
        absoluteRow: dollarRow === "$",
      });
      return sheet !== undefined && !text.startsWith("#") ? `${sheet}${text}` : text;
    }
  );
}

/** The formula as it reads `rows` and `columns` further on: relative parts move, `$` parts stay. */
export function shiftedFormula(formula: string, rows: number, columns: number): string {
  return mapReferences(formula, (ref) => {
    const row = ref.absoluteRow ? ref.row : ref.row + rows;
    const column = ref.absoluteColumn ? ref.column : ref.column + columns;
    if (row < 1 || row > MAX_ROW || column < 1 || column > MAX_COLUMN) return "#REF!";
    return referenceText({ ...ref, row, column });
  });
}
