/**
 * Importera utfall in Excel: the confirmed plan's cells (Utfall period, Utfall period fg år,
 * Periodbudget of Resultaträkning and Driftsredovisning rows) written into the open workbook in
 * one batch, one sync. The preview was made from the workbook's file (getFileAsync), and the
 * user may have typed, sorted or inserted rows before confirming: so one read first checks that
 * every cell still holds what the preview showed and every row still has its Post or Verksamhet,
 * and anything else refuses with nothing written. The only data cells Tertial ever writes; the
 * pane says that Excel's undo may not undo it and offers a copy first (src/app/importActuals.ts).
 */
import { HostError } from "../app/appHost";
import type { CellChange } from "../core/importing/importPlan";
import { isCellError, type CellValue } from "../core/snapshot";
import { toSnapshotValue } from "./cellValues";
import type { ExcelRunner, XlRange } from "./excelApi";

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01: a date in the file is a serial in Excel. */
const EXCEL_EPOCH_DAYS = 25569;

function sameValue(previewed: CellValue, live: CellValue): boolean {
  if (previewed instanceof Date) {
    return live === previewed.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS;
  }
  if (isCellError(previewed)) return isCellError(live) && live.error === previewed.error;
  if (typeof previewed === "number" && typeof live === "number") {
    // The file holds Excel's number as text; the last of its 17 digits may differ from the live one.
    return Math.abs(previewed - live) <= Math.abs(previewed) * 1e-14;
  }
  return previewed === live;
}

const liveValue = (range: XlRange) => toSnapshotValue(range.values[0][0], range.valueTypes[0][0]);

function changedSincePreview(change: CellChange, cell: XlRange, name: XlRange): string | null {
  const shownName = liveValue(name);
  if (typeof shownName !== "string" || shownName.trim() !== change.name) {
    return `bladet ${change.sheet}, cell ${change.nameAddress} är inte längre "${change.name}"`;
  }
  if (!sameValue(change.before, liveValue(cell))) {
    return `bladet ${change.sheet}, cell ${change.address} (${change.name}, ${change.header}) har ändrats`;
  }
  return null;
}

export function writeImportedCells(
  run: ExcelRunner,
  changes: readonly CellChange[]
): Promise<void> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const read = changes.map((change) => {
      const sheet = sheets.getItem(change.sheet);
      const cell = sheet.getRange(change.address);
      const name = sheet.getRange(change.nameAddress);
      cell.load("values, valueTypes");
      name.load("values, valueTypes");
      return { change, cell, name };
    });
    await context.sync();
    const changed = read
      .map(({ change, cell, name }) => changedSincePreview(change, cell, name))
      .filter((reason): reason is string => reason !== null);
    if (changed.length > 0) {
      throw new HostError(
        `Arbetsboken har ändrats sedan förhandsvisningen (${changed.slice(0, 3).join("; ")}` +
          `${changed.length > 3 ? " …" : ""}), så inget skrevs. Välj Importera utfall igen för en ny ` +
          "förhandsvisning."
      );
    }
    for (const change of changes) {
      sheets.getItem(change.sheet).getRange(change.address).values = [[change.after]];
    }
    await context.sync();
  });
}
