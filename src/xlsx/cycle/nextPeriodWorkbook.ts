/**
 * Ny period's bytes, shared by `tertial ny-period`, browser mode and the Excel pane: a copy of the
 * input's package with only what the roll changes changed (rollPackage.ts), so what the user
 * added comes along. A workbook of an older Mallversion is upgraded in that package first when the
 * newer version only adds tables, settings and lists (upgradePackage.ts); otherwise it is rebuilt
 * as a fresh template of the latest version, and every addition that rebuild loses is named. No Node imports: the
 * pane loads this in the exceljs chunk (src/page/workbookIo.ts).
 */
import { planNextPeriod, type NewPeriodSummary, type NextPeriodPlan } from "../../core/cycle/plan";
import type { Snapshot } from "../../core/snapshot";
import type { WritableTemplate } from "../../core/template/definition";
import type { ModelTemplate } from "../../core/template/registry";
import { readSnapshotFromBuffer } from "../read/readSnapshot";
import { buildWorkbook } from "../template/buildWorkbook";
import { workbookBytes } from "../template/workbookBytes";
import { rollPackage } from "./rollPackage";
import { userAdditions } from "./userAdditions";

/** The next period's workbook and what making it did. */
export interface NextPeriodWorkbook extends NewPeriodSummary {
  readonly bytes: Uint8Array;
}

/** The next period's bytes from the input's bytes, its snapshot and the plan made from it. */
export async function nextPeriodBytes(
  input: Uint8Array,
  snapshot: Snapshot,
  plan: NextPeriodPlan
): Promise<NextPeriodWorkbook> {
  const edited = await rollPackage(input, snapshot, plan);
  if (!("rebuild" in edited)) return { ...plan.summary, ...edited };
  const notCarried = await userAdditions(input, snapshot).then(
    (additions) =>
      additions.map((addition) => ({
        ...addition,
        what: `${addition.what}: ${edited.rebuild}`,
      })),
    // A part the reader never needed is damaged: what was added cannot even be listed.
    () => [
      {
        sheet: "alla blad",
        where: "hela filen",
        what: `det som lagts till utöver mallen (en del av filen är skadad): ${edited.rebuild}`,
      },
    ]
  );
  const bytes = await workbookBytes(buildWorkbook(plan.template, plan.content));
  return { ...plan.summary, bytes, notCarried };
}

/**
 * A workbook's bytes → the next period's; the input is only read. `registry` and `target` (the
 * template versions read, the one written) are a test's variants at most.
 */
export async function nextPeriodWorkbook(
  bytes: Uint8Array,
  fileName: string,
  registry?: readonly ModelTemplate[],
  target?: WritableTemplate
): Promise<NextPeriodWorkbook> {
  const snapshot = await readSnapshotFromBuffer(bytes, fileName);
  return nextPeriodBytes(bytes, snapshot, planNextPeriod(snapshot, registry, target));
}
