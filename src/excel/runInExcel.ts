/**
 * Runs a batch in Excel. `delayForCellEdit` makes Excel wait until the user leaves cell-edit
 * mode instead of failing the batch (InvalidOperationInCellEditMode) while someone is typing.
 */
import type { ExcelRunner } from "./excelApi";

export const runInExcel: ExcelRunner = (batch) =>
  Excel.run({ delayForCellEdit: true }, (context) => batch(context));
