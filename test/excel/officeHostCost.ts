/**
 * What Validera and Generera rapport cost through Office.js, measured on the recording fake: the
 * round trips (context.sync calls) and the largest request and response. For the tests and for
 * `npm run bench`, which prints it for 100, 1,000 and 10,000 åtgärder.
 */
import type { WorkbookContent } from "../../src/core/template/content";
import { createOfficeHost } from "../../src/excel/officeHost";
import { generateWorkbookReport, validateWorkbook } from "../../src/app/workflow";
import { snapshotOf } from "../helpers/snapshot";
import { FakeExcel, type SyncRecord } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

export interface RunCost {
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
}

export interface OfficeHostCost extends RunCost {
  readonly validate: RunCost;
  readonly generate: RunCost & {
    /** Request size of each sync that wrote the report (after reading the workbook). */
    readonly writeRequestBytes: readonly number[];
  };
}

function costOf(syncs: readonly SyncRecord[]): RunCost {
  return {
    syncs: syncs.length,
    largestRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
  };
}

/** Runs Validera, then Generera rapport, on a fake workbook holding `content`. */
export async function measureOfficeHost(content: WorkbookContent): Promise<OfficeHostCost> {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshotOf(content)));
  const host = createOfficeHost({ run: excel.run, isSetSupported: () => true });

  await validateWorkbook(host, () => undefined);
  const validate = costOf(excel.syncs);
  excel.resetRecording();
  await generateWorkbookReport(host, () => undefined);
  const generate = {
    ...costOf(excel.syncs),
    writeRequestBytes: excel.syncs.slice(validate.syncs).map((s) => s.requestBytes),
  };

  return {
    syncs: validate.syncs + generate.syncs,
    largestRequestBytes: Math.max(validate.largestRequestBytes, generate.largestRequestBytes),
    largestResponseBytes: Math.max(validate.largestResponseBytes, generate.largestResponseBytes),
    validate,
    generate,
  };
}
