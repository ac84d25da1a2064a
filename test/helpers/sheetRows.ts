/**
 * The rows of a sheet that is no table (Sammanställning, a report sheet) of a template workbook,
 * as exceljs reads them back. The template's tables are left out first: exceljs cannot load them
 * as Excel writes them, and Tertial's reader (which can) reads only table sheets.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function sheetRows(bytes: Uint8Array, sheet: string): Promise<unknown[][]> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (name.startsWith("xl/tables/")) zip.remove(name);
    else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      const xml = await zip.file(name)?.async("string");
      zip.file(name, (xml ?? "").replace(/<tableParts[\s\S]*?<\/tableParts>/, ""));
    }
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await zip.generateAsync({ type: "arraybuffer" }));
  const rows: unknown[][] = [];
  workbook.getWorksheet(sheet)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
