/** One unit's workbook file → its UnitReport or the reason it cannot be used (the shared step). */
import path from "node:path";
import { readUnit as readUnitSnapshot, type UnitOutcome } from "../xlsx/consolidate/readUnit";
import { readSnapshotFromFile } from "../xlsx/read/readSnapshotFromFile";

export type { UnitOutcome } from "../xlsx/consolidate/readUnit";

export function readUnit(file: string, today: Date): Promise<UnitOutcome> {
  return readUnitSnapshot(path.basename(file), () => readSnapshotFromFile(file), today);
}
