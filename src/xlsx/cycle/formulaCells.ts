/**
 * Formulas of a package Ny period edits. Shared formulas of a table sheet are expanded into each
 * cell's own before rows move or cells are cleared: a shared formula's master holds the text its
 * dependents derive theirs from, so a master moved or cleared away from them would break them.
 * Once rows have moved, every formula (in any sheet, and a chart's series) that refers to a moved
 * row is made to refer to where the row went, as Excel does when rows are moved.
 */
import { decodeXml, escapeXml } from "../xmlText";
import { mapReferences, referenceText, sheetNameOf, shiftedFormula } from "./formulaReferences";
import type { RowMoves } from "./tableRows";
import type { SheetData } from "./sheetData";

const SHARED = /^<f\b([^>]*?)\bt="shared"([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const SI = /\bsi="(\d+)"/;
const REF = /\s*\bref="[^"]*"/;

/** Every shared formula of the sheet written out in full in each of its cells. */
export function expandSharedFormulas(data: SheetData): void {
  const masters = new Map<string, { row: number; column: number; formula: string }>();
  for (const [r, row] of data.rows) {
    for (const [c, cell] of row.cells) {
      const m = SHARED.exec(cell.content);
      const si = m ? SI.exec(m[1] + m[2])?.[1] : undefined;
      if (m && si !== undefined && m[3]) {
        masters.set(si, { row: r, column: c, formula: decodeXml(m[3]) });
      }
    }
  }
  for (const [r, row] of data.rows) {
    for (const [c, cell] of row.cells) {
      const m = SHARED.exec(cell.content);
      const si = m ? SI.exec(m[1] + m[2])?.[1] : undefined;
      const master = si === undefined ? undefined : masters.get(si);
      if (!m || !master) continue;
      const attributes = `${m[1]}${m[2]}`.replace(SI, "").replace(REF, "").trimEnd();
      const own = shiftedFormula(master.formula, r - master.row, c - master.column);
      cell.content = `<f${attributes}>${escapeXml(own)}</f>${cell.content.slice(m[0].length)}`;
    }
  }
}

/** A reference to a row that the roll dropped and another row now fills. */
export interface StaleReference {
  readonly sheet: string;
  readonly row: number;
}

export interface SheetMoves {
  readonly moves: RowMoves;
  /** The table's columns: only cells within them move; the rest of a row stays. */
  readonly left: number;
  readonly right: number;
  /** Rows up to here hold content rows: a dropped row among them holds another row now. */
  readonly lastOutputRow: number;
}

/**
 * `formula` (on `ownSheet`) with references to moved rows following them. A reference to a dropped
 * row stays, and is reported when another row now stands there.
 */
export function relocatedFormula(
  formula: string,
  ownSheet: string,
  movesBySheet: ReadonlyMap<string, SheetMoves>,
  stale: (ref: StaleReference) => void
): string {
  return mapReferences(formula, (ref) => {
    const sheet = ref.sheet === null ? ownSheet : sheetNameOf(ref.sheet);
    const moved = movesBySheet.get(sheet);
    const within = moved && ref.column >= moved.left && ref.column <= moved.right;
    const to = within ? moved.moves.get(ref.row) : undefined;
    if (!moved || to === undefined) return referenceText(ref);
    if (to === null) {
      if (ref.row <= moved.lastOutputRow) stale({ sheet, row: ref.row });
      return referenceText(ref);
    }
    return referenceText({ ...ref, row: to });
  });
}

const FORMULA_ELEMENT = /<((?:\w+:)?f)\b([^>]*)>([^<]*)<\/\1>/g;

/** Every `<f>` (cells) or `<c:f>` (charts) of a part's XML relocated. */
export function relocatedPart(
  xml: string,
  ownSheet: string,
  movesBySheet: ReadonlyMap<string, SheetMoves>,
  stale: (ref: StaleReference, formula: string) => void
): string {
  return xml.replace(FORMULA_ELEMENT, (whole, tag: string, attributes: string, text: string) => {
    const formula = decodeXml(text);
    const relocated = relocatedFormula(formula, ownSheet, movesBySheet, (ref) =>
      stale(ref, formula)
    );
    return relocated === formula ? whole : `<${tag}${attributes}>${escapeXml(relocated)}</${tag}>`;
  });
}
