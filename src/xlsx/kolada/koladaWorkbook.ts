/**
 * The workbook with Kolada's values in it, as an edit of the input's package (like Ny period,
 * ../cycle/): only the Indikatorer cells the fill names change, each keeping its style; every other
 * part is copied as it is. Excel recalculates on opening (Trend and Målvärde uppnått depend on
 * the new values) and the stale calculation chain is dropped. No Node imports: the page runs this.
 */
import { planKoladaFill, type KoladaCell, type KoladaFill } from "../../core/kolada/koladaFill";
import { readKoladaPage } from "../../core/kolada/koladaResponse";
import { parseModel } from "../../core/parse/parseModel";
import { withCellsChanged } from "../cycle/changedCells";
import { readSnapshotFromBuffer } from "../read/readSnapshot";

/** The input's bytes with `cells` set; the input itself is never changed. */
export function koladaWorkbookBytes(
  input: Uint8Array,
  cells: readonly KoladaCell[]
): Promise<Uint8Array> {
  return withCellsChanged(input, cells, { recalculate: true });
}

/** Saved Kolada pages as the pane passes them: each file's name and text. */
export interface KoladaPage {
  readonly name: string;
  readonly text: string;
}

/** The filled workbook and what the fill did; `bytes` is null when nothing was written. */
export interface KoladaWorkbook {
  readonly fill: KoladaFill;
  readonly bytes: Uint8Array | null;
}

/**
 * The whole path from a workbook's bytes and saved pages, for the pane and browser mode (the CLI
 * reads and reports in its own steps): null bytes when there is no cell to fill.
 */
export async function koladaWorkbook(
  bytes: Uint8Array,
  fileName: string,
  pages: readonly KoladaPage[]
): Promise<KoladaWorkbook> {
  const values = pages.flatMap((page) => readKoladaPage(page.name, page.text));
  const fill = planKoladaFill(parseModel(await readSnapshotFromBuffer(bytes, fileName)), values);
  return {
    fill,
    bytes: fill.cells.length === 0 ? null : await koladaWorkbookBytes(bytes, fill.cells),
  };
}
