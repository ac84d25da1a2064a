/**
 * Writes SheetGrids into the open workbook in one round trip per planned batch (one unless the
 * report's requests exceed the budget): deleting the old report sheets, adding the new ones and
 * everything written to them go into the same batch, with calculation and screen updating
 * suspended until its sync. Only the product's own sheets (by exact name: core/report/productSheets.ts) are
 * deleted or written.
 *
 * Which sheets exist comes from the caller when it has just read them (Generera rapport reads the
 * workbook right before writing); otherwise one more round trip lists them. Were the list stale, a
 * sheet it names that is gone (ItemNotFound) or a new one in the way of a report sheet
 * (ItemAlreadyExists) fails the batch at that action, before anything is written to a sheet.
 */
import type { SheetGrid } from "../../core/layout/sheetGrid";
import { HostError } from "../../app/appHost";
import { exhaustive } from "../../core/exhaustive";
import type { XlRangeFormat, XlContext, XlWorksheet, XlWorksheetCollection } from "../excelApi";
import type { CellFormat } from "./cellFormat";
import { splitFooter, splitHeader } from "./footer";
import { isProductSheet } from "../../core/report/productSheets";
import { planReportWrite, type WriteOp } from "./writePlan";

/** Inches → points, to the hundredth. */
const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

export async function writeReport(
  context: XlContext,
  grids: readonly SheetGrid[],
  knownSheets?: readonly string[]
): Promise<void> {
  for (const grid of grids) {
    if (!isProductSheet(grid.name)) {
      throw new Error(`Refusing to write ${grid.name}: not a report sheet`);
    }
  }
  const { workbook } = context;
  const existing = knownSheets ?? (await listSheets(context));
  refuseNameClash(grids, existing);

  for (const batch of planReportWrite(grids, existing)) {
    workbook.application.suspendApiCalculationUntilNextSync();
    workbook.application.suspendScreenUpdatingUntilNextSync();
    const sheets = new BatchSheets(workbook.worksheets);
    for (const op of batch) apply(op, sheets);
    // One sync per planned batch is the point: each stays below Excel on the web's request limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

async function listSheets(context: XlContext): Promise<string[]> {
  context.workbook.worksheets.load("items/name");
  await context.sync();
  return context.workbook.worksheets.items.map((s) => s.name);
}

/** Excel sheet names ignore case: a user's "rapport ekonomi" would block our "Rapport Ekonomi". */
function refuseNameClash(grids: readonly SheetGrid[], existing: readonly string[]): void {
  for (const grid of grids) {
    const clash = existing.find(
      (name) => !isProductSheet(name) && name.toLowerCase() === grid.name.toLowerCase()
    );
    if (clash) {
      throw new HostError(
        `Bladet "${clash}" har samma namn som Tertials rapportblad "${grid.name}" (Excel skiljer inte på stora och ` +
          "små bokstäver i bladnamn). Byt namn på ditt blad och försök igen."
      );
    }
  }
}

/** The worksheet proxies of one batch, so that each sheet is looked up once per request. */
class BatchSheets {
  private readonly cache = new Map<string, XlWorksheet>();
  constructor(private readonly worksheets: XlWorksheetCollection) {}

  get(name: string): XlWorksheet {
    let sheet = this.cache.get(name);
    if (!sheet) this.cache.set(name, (sheet = this.worksheets.getItem(name)));
    return sheet;
  }

  add(name: string): void {
    this.cache.set(name, this.worksheets.add(name));
  }

  delete(name: string): void {
    this.get(name).delete();
    this.cache.delete(name);
  }
}

function apply(op: WriteOp, sheets: BatchSheets): void {
  const sheet = (name: string) => sheets.get(name);
  switch (op.kind) {
    case "deleteSheet":
      sheets.delete(op.sheet);
      return;
    case "addSheet":
      sheets.add(op.sheet);
      return;
    case "columns":
      sheet(op.sheet).getRange(op.address).setColumnProperties(op.columns);
      return;
    case "pageLayout": {
      const layout = sheet(op.sheet).pageLayout;
      layout.orientation = op.print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      layout.zoom = { scale: op.print.scale };
      // The layout computed its page breaks with these margins (inches; Office.js takes points).
      const { margins } = op.print;
      layout.topMargin = points(margins.top);
      layout.bottomMargin = points(margins.bottom);
      layout.leftMargin = points(margins.left);
      layout.rightMargin = points(margins.right);
      layout.headerMargin = points(margins.header);
      layout.footerMargin = points(margins.footer);
      if (op.print.repeatRows) {
        layout.setPrintTitleRows(`$${op.print.repeatRows.first}:$${op.print.repeatRows.last}`);
      }
      Object.assign(layout.headersFooters.defaultForAllPages, splitFooter(op.print.footer));
      // A draft's UTKAST; a final report clears one a previous draft left on the sheet.
      Object.assign(layout.headersFooters.defaultForAllPages, splitHeader(op.print.header ?? ""));
      const breaks = sheet(op.sheet).horizontalPageBreaks;
      for (const row of op.print.breaksBefore) breaks.add(`A${row}`);
      return;
    }
    case "values":
      sheet(op.sheet).getRange(op.address).values = op.values;
      return;
    case "numberFormat":
      sheet(op.sheet).getRange(op.address).numberFormat = op.numberFormat;
      return;
    case "format":
      applyFormat(sheet(op.sheet).getRanges(op.areas).format, op.format);
      return;
    case "rowHeight":
      sheet(op.sheet).getRanges(op.areas).format.rowHeight = op.height;
      return;
    case "merge":
      sheet(op.sheet).getRange(op.address).merge(op.across);
      return;
    case "links":
      sheet(op.sheet).getRange(op.address).setCellProperties(op.cells);
      return;
    default:
      exhaustive(op);
  }
}

/** A range's border lines: its four edges and the lines between its rows and its columns. */
const EDGES = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  horizontal: "InsideHorizontal",
  vertical: "InsideVertical",
} as const;

function applyFormat(target: XlRangeFormat, format: CellFormat): void {
  const { font, fill, borders } = format;
  if (font) {
    if (font.bold !== undefined) target.font.bold = font.bold;
    if (font.italic !== undefined) target.font.italic = font.italic;
    if (font.size !== undefined) target.font.size = font.size;
    if (font.color !== undefined) target.font.color = font.color;
    if (font.underline !== undefined) target.font.underline = font.underline;
  }
  if (fill?.color !== undefined) target.fill.color = fill.color;
  if (borders) {
    for (const side of ["top", "bottom", "left", "right", "horizontal", "vertical"] as const) {
      const border = borders[side];
      if (!border) continue;
      const edge = target.borders.getItem(EDGES[side]);
      if (border.style !== undefined) edge.style = border.style;
      if (border.weight !== undefined) edge.weight = border.weight;
    }
  }
  if (format.horizontalAlignment !== undefined)
    target.horizontalAlignment = format.horizontalAlignment;
  if (format.verticalAlignment !== undefined) target.verticalAlignment = format.verticalAlignment;
  if (format.wrapText !== undefined) target.wrapText = format.wrapText;
}
