/**
 * Real .xlsx files for the reader's tests: the product's template (buildWorkbook) with one table
 * replaced by a table laid out as a user left it, written to a temporary folder.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkbookContent } from "../../src/core/template/content";
import { type TableKey } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";

export interface UserTable {
  /** Top-left cell of the header row, e.g. `C7`. */
  readonly origin: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  readonly totalsRow?: boolean;
  /** Cells set on the sheet after the table is in place (e.g. a title above it). */
  readonly cells?: Readonly<Record<string, ExcelJS.CellValue>>;
}

/** The filled template with `key`'s sheet replaced by one holding `table` (same sheet and table name). */
export function templateWith(
  content: WorkbookContent,
  key: TableKey,
  table: UserTable
): ExcelJS.Workbook {
  const def = LATEST_TEMPLATE.tables[key];
  const workbook = buildWorkbook(LATEST_TEMPLATE, content);
  workbook.removeWorksheet(workbook.getWorksheet(def.sheet)!.id);
  const sheet = workbook.addWorksheet(def.sheet);
  sheet.addTable({
    name: def.name,
    ref: table.origin,
    headerRow: true,
    totalsRow: table.totalsRow ?? false,
    columns: table.headers.map((name) => ({ name })),
    rows: table.rows.map((row) => [...row]),
  });
  for (const [address, value] of Object.entries(table.cells ?? {})) {
    sheet.getCell(address).value = value;
  }
  return workbook;
}

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "tertial-read-"));
}

export async function writeXlsx(
  dir: string,
  name: string,
  workbook: ExcelJS.Workbook | Uint8Array
): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(
    file,
    workbook instanceof Uint8Array ? workbook : await workbookBytes(workbook)
  );
  return file;
}

/** Edits the XML of the table part that defines `tableName`, as another writer (or Excel) would. */
export async function editTablePart(
  bytes: Uint8Array,
  tableName: string,
  edit: (xml: string) => string
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const part of zip.file(/^xl\/tables\/table\d+\.xml$/)) {
    const xml = await part.async("string");
    if (xml.includes(`name="${tableName}"`)) {
      zip.file(part.name, edit(xml));
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    }
  }
  throw new Error(`no table part for ${tableName}`);
}
