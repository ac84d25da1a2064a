/** One unit's workbook file → its UnitReport or the reason it cannot be used (the shared step). */
import path from "node:path";
import { readUnit as readUnitBytes, type UnitOutcome } from "../xlsx/consolidate/readUnit";
import { readWorkbookBytes } from "../xlsx/read/readSnapshotFromFile";
import { nodeInflate } from "../xlsx/zip/nodeInflate";

export type { UnitOutcome } from "../xlsx/consolidate/readUnit";

export function readUnit(file: string, today: Date): Promise<UnitOutcome> {
  return readUnitBytes(path.basename(file), () => readWorkbookBytes(file), today, nodeInflate);
}
