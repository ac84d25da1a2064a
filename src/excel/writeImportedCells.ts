/**
 * Importera utfall's alternative in Excel: the plan's cells (Utfall period, Utfall period fg år,
 * Periodbudget of Resultaträkning and Driftsredovisning rows) written into the open workbook in
 * one batch, one sync, after the user has confirmed the preview. The only data cells Tertial ever
 * writes; the pane must say that Excel's undo may not undo it and offer a copy first.
 * Not yet offered by the pane (src/app/importActuals.ts delivers the imported copy instead).
 */
import type { CellChange } from "../core/importing/importPlan";
import type { ExcelRunner } from "./excelApi";

export function writeImportedCells(
  run: ExcelRunner,
  changes: readonly CellChange[]
): Promise<void> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    for (const change of changes) {
      sheets.getItem(change.sheet).getRange(change.address).values = [[change.after]];
    }
    await context.sync();
  });
}
