/**
 * A workbook as exceljs reads it back, in plain data: per sheet its cells (value and style),
 * merges, column widths, row heights, views and print setup. Two reports are the same report
 * when their dumps are equal.
 */
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/xlsx/exceljsShim";

export interface SheetDump {
  readonly name: string;
  readonly columnWidths: readonly (number | null)[];
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly merges: readonly string[];
  readonly cells: Readonly<Record<string, { value: unknown; style: unknown }>>;
  readonly views: unknown;
  readonly pageSetup: unknown;
  readonly headerFooter: unknown;
}

/** JSON's view of a value: Dates as ISO text, undefined members dropped. */
const plain = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value));

export async function dumpWorkbook(bytes: Uint8Array): Promise<SheetDump[]> {
  const workbook = await loadXlsx(new ExcelJS.Workbook(), bytes, {});
  return workbook.worksheets.map((sheet) => {
    const cells: Record<string, { value: unknown; style: unknown }> = {};
    const rowHeights: Record<number, number> = {};
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (row.height !== undefined) rowHeights[number] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = { value: plain(cell.value), style: plain(cell.style) };
      });
    });
    return {
      name: sheet.name,
      columnWidths: (sheet.columns ?? []).map((column) => column.width ?? null),
      rowHeights,
      merges: [...sheet.model.merges].sort(),
      cells,
      views: plain(sheet.views),
      pageSetup: plain(sheet.pageSetup),
      headerFooter: plain(sheet.headerFooter),
    };
  });
}
