/**
 * Renders SheetGrids with exceljs, into a new workbook only (never the user's: see
 * exceljs-pitfalls.md). Everything it writes comes from the grid; it decides nothing itself.
 */
import ExcelJS from "exceljs";
import { reportSheets } from "../../core/layout/layout";
import type { ReportDoc } from "../../core/report/reportDoc";
import type { GridCell, SheetGrid } from "../../core/layout/sheetGrid";
import { DEFAULT_FONT_SIZE, REPORT_FONT, STYLES } from "../../core/layout/styles";
import { repackStored, writtenBytes } from "../zip/repackStored";
import { excelStyle } from "./cellStyle";
import { STYLES_PART, withDefaultFont } from "./defaultFont";
import { reportMarker } from "./reportMarker";

const A4 = 9;

/** `'Åtgärder'!E7` for HYPERLINK; quotes in the sheet name are doubled. */
function linkTarget(link: NonNullable<GridCell["link"]>): string {
  return `#'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
}

const formulaString = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * A cell's value. Text always goes in as a plain string, which exceljs writes as a string cell:
 * a comment starting with "=", "+", "-" or "@" stays text. Links use HYPERLINK, because exceljs 4.4
 * writes an internal hyperlink with a stray external relationship.
 */
function cellValue(cell: GridCell): ExcelJS.CellValue {
  if (cell.link && cell.value !== null) {
    const text = String(cell.value);
    return {
      formula: `HYPERLINK(${formulaString(linkTarget(cell.link))},${formulaString(text)})`,
      result: text,
    };
  }
  return cell.value;
}

/** The member of an exceljs Worksheet that indexes its merges (missing from `index.d.ts`). */
interface WorksheetMerges {
  _merges: Record<string, unknown>;
}

/**
 * exceljs's mergeCells compares each new merge with every earlier one (quadratic: 13 000 merges
 * took 12 s). The layout never overlaps merges, so each is made against an empty index and the
 * index is put together afterwards.
 */
function mergeAll(sheet: ExcelJS.Worksheet, merges: SheetGrid["merges"]): void {
  const indexed = sheet as unknown as WorksheetMerges;
  const all = { ...indexed._merges };
  for (const { row, col, rowSpan, colSpan } of merges) {
    indexed._merges = {};
    sheet.mergeCells(row, col, row + rowSpan - 1, col + colSpan - 1);
    Object.assign(all, indexed._merges);
  }
  indexed._merges = all;
}

/**
 * The width to store for a column of `characters` characters: the file holds the width with
 * Excel's 5 px padding (as Excel writes a width typed in its dialog), so the column is 7 × n + 5
 * px wide, as the layout measured it and as the Office.js host sets it.
 */
export function fileColumnWidth(characters: number): number {
  return Math.round((characters + 5 / 7) * 256) / 256;
}

/** The member of an exceljs Worksheet that lists its page breaks (missing from `index.d.ts`). */
interface WorksheetRowBreaks {
  rowBreaks: ExcelJS.RowBreak[];
}

/**
 * Manual page breaks. A file stores a break after the row above it; `row.addPageBreak()` would
 * write the same but with max="16838", a typo for the last column's index (16383) that Excel
 * writes, so the break is written here directly.
 */
function addRowBreaks(sheet: ExcelJS.Worksheet, breaksBefore: readonly number[]): void {
  const { rowBreaks } = sheet as unknown as WorksheetRowBreaks;
  for (const row of breaksBefore) rowBreaks.push({ id: row - 1, min: 0, max: 16383, man: 1 });
}

export function renderSheetGrid(workbook: ExcelJS.Workbook, grid: SheetGrid): ExcelJS.Worksheet {
  const font = grid.font ?? { name: REPORT_FONT, size: DEFAULT_FONT_SIZE };
  const sheet = workbook.addWorksheet(grid.name, {
    // Excel and LibreOffice print every visible sheet of a workbook ("Skriv ut hela arbetsboken",
    // a PDF export) and have no per-sheet opt-out but hiding: a report file handed to the nämnd
    // keeps its working sheet, hidden (Ta fram shows it).
    ...(grid.working ? { state: "hidden" as const } : {}),
    pageSetup: {
      paperSize: A4,
      orientation: grid.print.orientation,
      fitToPage: false,
      scale: grid.print.scale,
      margins: { ...grid.print.margins },
      ...(grid.print.repeatRows
        ? { printTitlesRow: `${grid.print.repeatRows.first}:${grid.print.repeatRows.last}` }
        : {}),
    },
    headerFooter: {
      oddFooter: grid.print.footer,
      evenFooter: grid.print.footer,
      ...(grid.print.header
        ? { oddHeader: grid.print.header, evenHeader: grid.print.header }
        : {}),
    },
  });
  grid.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = fileColumnWidth(width);
  });

  // Cells of one style share one style object: exceljs remembers the id it gave an object, so the
  // writer serialises each style once instead of once per cell (a third of the report's write time).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (cell: GridCell) => {
    const key = `${cell.style}\u0000${cell.numFmt ?? ""}`;
    let style = styles.get(key);
    if (!style) {
      style = excelStyle(STYLES[cell.style], font, cell.numFmt);
      styles.set(key, style);
    }
    return style;
  };

  grid.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    const height = grid.rowHeights[r];
    if (height !== undefined) row.height = height;
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = row.getCell(c + 1);
      target.value = cellValue(cell);
      target.style = styleOf(cell);
    });
  });

  mergeAll(sheet, grid.merges);
  addRowBreaks(sheet, grid.print.breaksBefore);
  return sheet;
}

/** The report laid out as worksheets, in a new workbook: see `sheetGridsWorkbookBytes`. */
export function reportWorkbookBytes(doc: ReportDoc): Promise<Uint8Array> {
  return sheetGridsWorkbookBytes(reportSheets(doc));
}

/**
 * A new workbook holding the report sheets, as .xlsx bytes (Node and browser alike), carrying the
 * mark that lets `tertial rapport` replace it later (see reportMarker.ts).
 */
export async function sheetGridsWorkbookBytes(grids: readonly SheetGrid[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tertial";
  for (const grid of grids) renderSheetGrid(workbook, grid);
  // exceljs cannot write either patch: both go into the one pass that deflates its stored package.
  const font = grids[0]?.font ?? { name: REPORT_FONT, size: DEFAULT_FONT_SIZE };
  const stored = writtenBytes(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  // The marker's digest is of the sheets as written, read back from the package the file holds.
  const marker = await reportMarker(stored);
  const edits: Readonly<Record<string, (xml: string) => string>> = {
    [STYLES_PART]: (xml) => withDefaultFont(xml, font),
    ...marker.edits,
  };
  return repackStored(stored, (name) => edits[name], [marker.part]);
}
