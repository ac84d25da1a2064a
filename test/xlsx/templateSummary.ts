/**
 * A workbook's content as plain data, for comparing two template files by what they hold rather
 * than by their bytes (zip timestamps and exceljs's ids differ from one write to the next).
 */
import ExcelJS from "exceljs";
import {
  sheetProtection,
  sheetValidations,
  tableModels,
  type SheetValidation,
} from "../../src/xlsx/exceljsShim";
import JSZip from "jszip";
import { tableColumnsForExceljs } from "../../src/xlsx/read/tableColumns";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";

/**
 * The package with the one repair the reader also makes: exceljs alone cannot load a table whose
 * columns carry calculated-column formulas, which the template's do.
 */
export async function withPlainTableColumns(bytes: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of Object.values(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(file.name)) continue;
    const fixed = tableColumnsForExceljs(await file.async("string"));
    if (fixed !== null) zip.file(file.name, fixed);
  }
  return zip.generateAsync({ type: "uint8array" });
}

/** Loads a whole file with exceljs: every sheet, unlike the reader. */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await withPlainTableColumns(bytes)) as unknown as ArrayBuffer);
  return workbook;
}

/** The workbook as the template's save writes it, read back. */
export async function writeAndRead(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return readWorkbook(await workbookBytes(workbook));
}

/**
 * exceljs reads every validated range back as one entry per cell; this folds them into
 * `C4:C2000` ranges per column again (rows must be contiguous, or the range says so).
 */
export function validationRanges(sheet: ExcelJS.Worksheet): Record<string, SheetValidation> {
  const byColumn = new Map<string, { rows: number[]; validation: SheetValidation }>();
  for (const [address, validation] of Object.entries(sheetValidations(sheet).model)) {
    if (!validation) continue;
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
    const key = `${column} ${JSON.stringify(validation)}`;
    const entry = byColumn.get(key) ?? { rows: [], validation };
    entry.rows.push(Number(row));
    byColumn.set(key, entry);
  }
  const ranges: Record<string, SheetValidation> = {};
  for (const [key, { rows, validation }] of byColumn) {
    const column = key.split(" ")[0];
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const gaps = last - first + 1 === rows.length ? "" : " (med luckor)";
    ranges[`${column}${first}:${column}${last}${gaps}`] = validation;
  }
  return ranges;
}

function cellSummary(cell: ExcelJS.Cell): Record<string, unknown> {
  const summary: Record<string, unknown> = { value: cell.value };
  if (cell.numFmt) summary.numFmt = cell.numFmt;
  if (cell.font && Object.keys(cell.font).length) summary.font = cell.font;
  if (cell.fill) summary.fill = cell.fill;
  if (cell.alignment) summary.alignment = cell.alignment;
  return summary;
}

export function summarizeWorkbook(workbook: ExcelJS.Workbook): Record<string, unknown> {
  return {
    sheets: workbook.worksheets.map((sheet) => {
      const cells: Record<string, unknown> = {};
      const rowHeights: Record<number, number> = {};
      sheet.eachRow({ includeEmpty: false }, (row) => {
        if (row.height) rowHeights[row.number] = row.height;
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells[cell.address] = cellSummary(cell);
        });
      });
      return {
        name: sheet.name,
        state: sheet.state,
        protection: sheetProtection(sheet),
        views: sheet.views,
        widths: (sheet.columns ?? []).map((c) => c.width),
        merges: (sheet.model as unknown as { merges: string[] }).merges,
        tables: tableModels(sheet).map((t) => ({
          name: t.name,
          ref: t.tableRef,
          headers: t.columns.map((c) => c.name),
          theme: t.style?.theme,
        })),
        validations: validationRanges(sheet),
        rowHeights,
        cells,
      };
    }),
  };
}
