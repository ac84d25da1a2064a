/**
 * Ny period's bytes, shared by `tertial ny-period`, browser mode and the Excel pane: a fresh
 * template of the latest version filled with the carried content. No Node imports: the pane loads
 * this in the exceljs chunk (src/browser/workbookIo.ts).
 */
import { planNextPeriod, type NewPeriodSummary, type NextPeriodPlan } from "../../core/cycle/plan";
import { LATEST_TEMPLATE } from "../../core/template/registry";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import { buildWorkbook } from "../template/buildWorkbook";
import { workbookBytes } from "../template/workbookBytes";

/** The next period's workbook and what making it did. */
export interface NextPeriodWorkbook extends NewPeriodSummary {
  readonly bytes: Uint8Array;
}

export function nextPeriodBytes(plan: NextPeriodPlan): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook(LATEST_TEMPLATE, plan.content));
}

/** A workbook's bytes → the next period's; the input is only read. */
export async function nextPeriodWorkbook(
  bytes: Uint8Array,
  fileName: string
): Promise<NextPeriodWorkbook> {
  const plan = planNextPeriod(await readSnapshotFromBuffer(bytes, fileName));
  return { ...plan.summary, bytes: await nextPeriodBytes(plan) };
}
