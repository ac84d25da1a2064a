/**
 * A copy of the input's package in which only some cells change, each to its new value in its
 * own style (`setCell`); every other part and cell is copied as it was. What `tertial importera`,
 * `tertial kolada` and Klarmarkera write (Ny period's edit is larger: rollPackage.ts). No Node
 * imports: the page runs it too.
 */
import { columnNumber, type CellValue } from "../../core/snapshot";
import { DateStyles } from "./dateStyles";
import { PackageParts, WORKBOOK_PART } from "./packageParts";
import { dropCalcChain, NotEditableError, SheetEdits, withFullCalcOnLoad } from "./rollPackage";
import { setCell } from "./tableRows";

const STYLES_PART = "xl/styles.xml";
const ADDRESS = /^([A-Z]{1,3})(\d+)$/;

/** A cell to set: sheet, A1 address and its new value (null empties it). */
export interface CellEdit {
  readonly sheet: string;
  readonly address: string;
  readonly after: CellValue;
}

/** Sheet `sheet` is not a worksheet Tertial can edit (a chart sheet, a part it cannot read). */
export class SheetNotEditableError extends Error {
  constructor(readonly sheet: string) {
    super(`Bladet ${sheet} kan inte redigeras.`);
  }
}

/**
 * `input` with `cells` set. With `recalculate` (a formula reads the cells: Avvikelse, Trend),
 * Excel recalculates on opening and the stale calculation chain is dropped; without it
 * (Klarmarkera's settings, which no formula reads) only the sheets' parts and, for a date
 * that needed a date style, styles.xml change.
 */
export async function withCellsChanged(
  input: Uint8Array,
  cells: readonly CellEdit[],
  { recalculate }: { readonly recalculate: boolean }
): Promise<Uint8Array> {
  const parts = await PackageParts.unpack(input);
  const sheets = parts.sheets();
  const dates = new DateStyles(parts.text(STYLES_PART) ?? "");
  const edits = new SheetEdits(parts);
  for (const cell of cells) {
    const sheet = sheets.find((s) => s.name === cell.sheet);
    const [, letters, digits] = ADDRESS.exec(cell.address) ?? [];
    if (!sheet || !letters) throw new SheetNotEditableError(cell.sheet);
    try {
      // SheetEdits expands shared formulas first: a value may land on a shared formula's master.
      setCell(edits.of(sheet), Number(digits), columnNumber(letters), cell.after, dates);
    } catch (error) {
      throw error instanceof NotEditableError ? new SheetNotEditableError(cell.sheet) : error;
    }
  }
  edits.write();
  const styles = dates.changedXml();
  if (styles !== null) parts.setText(STYLES_PART, styles);
  if (recalculate) {
    parts.setText(WORKBOOK_PART, withFullCalcOnLoad(parts.text(WORKBOOK_PART) ?? ""));
    dropCalcChain(parts);
  }
  return parts.zip();
}
