/**
 * The workbook with Kolada's values in it, as an edit of the input's package (like Ny period,
 * ../cycle/): only the Indikatorer cells the fill names change, each keeping its style; every other
 * part is copied as it is. Excel recalculates on opening (Trend and Målvärde uppnått depend on
 * the new values) and the stale calculation chain is dropped. No Node imports: the page runs this.
 */
import { planKoladaFill, type KoladaCell, type KoladaFill } from "../../core/kolada/koladaFill";
import { readKoladaPage } from "../../core/kolada/koladaResponse";
import { parseModel } from "../../core/parse/parseModel";
import { columnNumber } from "../../core/snapshot";
import { DateStyles } from "../cycle/dateStyles";
import { expandSharedFormulas } from "../cycle/formulaCells";
import { PackageParts, WORKBOOK_PART } from "../cycle/packageParts";
import { dropCalcChain, withFullCalcOnLoad } from "../cycle/rollPackage";
import { readSheetData, writeSheetData } from "../cycle/sheetData";
import { valueCell } from "../cycle/tableRows";
import { readSnapshotFromBuffer } from "../read/readSnapshot";

const STYLES_PART = "xl/styles.xml";

const position = (address: string) => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
  return { row: Number(digits), column: columnNumber(letters ?? "") };
};

/** The input's bytes with `cells` set; the input itself is never changed. */
export async function koladaWorkbookBytes(
  input: Uint8Array,
  cells: readonly KoladaCell[]
): Promise<Uint8Array> {
  const parts = await PackageParts.unpack(input);
  const sheets = parts.sheets();
  const dates = new DateStyles(parts.text(STYLES_PART) ?? "");
  for (const sheetName of new Set(cells.map((c) => c.sheet))) {
    const sheet = sheets.find((s) => s.name === sheetName);
    const data = sheet && readSheetData(parts.text(sheet.part) ?? "");
    if (!sheet || !data) throw new Error(`Bladet ${sheetName} kan inte redigeras.`);
    // A value may land on a shared formula's master: every cell gets its own formula first.
    expandSharedFormulas(data);
    for (const cell of cells.filter((c) => c.sheet === sheetName)) {
      const { row, column } = position(cell.address);
      let sheetRow = data.rows.get(row);
      if (!sheetRow) data.rows.set(row, (sheetRow = { attributes: "", cells: new Map() }));
      const style = Number(
        /\bs="(\d+)"/.exec(sheetRow.cells.get(column)?.attributes ?? "")?.[1] ?? 0
      );
      sheetRow.cells.set(column, valueCell(cell.after, style, dates));
    }
    parts.setText(sheet.part, writeSheetData(data));
  }
  parts.setText(WORKBOOK_PART, withFullCalcOnLoad(parts.text(WORKBOOK_PART) ?? ""));
  dropCalcChain(parts);
  return parts.zip();
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
  return { fill, bytes: fill.cells.length === 0 ? null : await koladaWorkbookBytes(bytes, fill.cells) };
}
