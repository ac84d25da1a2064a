/**
 * What `tertial ny-period` does with Inställningar when a period closes. The data tables' carry
 * rules are part of each table's entry in the latest definition (`carry`, template/v2.ts; the
 * shapes in template/tableRules.ts), so a table cannot exist without them; CONTEXT.md tables them.
 */
import { isEntry, type TableEntry, type WritableTemplate } from "../template/definition";
import type { RowCarry } from "../template/tableRules";

/**
 * Inställningar: År and Period move on (nextPeriod.ts), the assessment of the internal control
 * is the closed period's (cleared, into Historik), and the new workbook is not ready yet.
 * Everything else (Organisation, Enhet, the thresholds, Rapporterande enhet, Enhetskod) is kept.
 */
export const SETTINGS_HISTORY = ["assessment", "assessmentAnalysis"] as const;
/**
 * The ready-mark the new workbook resets (Klarmarkerad Nej): its old values go to Historik too,
 * the seal (Klarmarkerad kontrollsumma) among them, as the record of what the period was marked on.
 */
export const SETTINGS_READY = ["readyMark", "readyBy", "readyDate", "readyDigest"] as const;
export const SETTINGS_CLEARED = [
  "assessment",
  "assessmentAnalysis",
  "readyBy",
  "readyDate",
  "readyDigest",
] as const;

/** A table whose rows the roll carries column by column: every table but Historik. */
export interface RowCarried {
  readonly def: TableEntry;
  readonly carry: RowCarry;
}

/** The tables of `template` the roll carries row by row, in sheet order, with their rules. */
export function rowCarried(template: WritableTemplate): RowCarried[] {
  return template.tableList
    .filter(isEntry)
    .flatMap((def) => (def.carry === "history" ? [] : [{ def, carry: def.carry }]));
}
