/**
 * What a ledger file holds, read: plain values for the import to map onto the workbook. Produced by
 * `readLedger` (readLedger.ts) from a SIE or CSV file; knows nothing of any workbook.
 */
import type { LedgerEncoding } from "./encoding";
import type { Movements } from "./movements";

export type LedgerFormat = "SIE" | "CSV";

/** A #RAR: `index` 0 is the file's current year, −1 the one before. Always a calendar year. */
export interface FiscalYear {
  readonly index: number;
  readonly year: number;
}

/** A line that could not be read, with its number (1-based) and the Swedish reason. */
export interface LineProblem {
  readonly line: number;
  readonly message: string;
}

/** #RES: the year's result on one account, in öre, ledger sign. */
export interface YearResult {
  readonly year: number;
  readonly account: string;
  readonly ore: number;
}

/** Where a year's utfall came from: #PSALDO wins over the vouchers when a file has both. */
export type UtfallSource = "PSALDO" | "TRANS" | "CSV";

export interface Ledger extends Movements {
  readonly fileName: string;
  readonly format: LedgerFormat;
  /** #SIETYP (1–4); null for CSV or a file that does not say. */
  readonly sieType: number | null;
  readonly encoding: LedgerEncoding;
  /**
   * Set when the file says one encoding and is written in another (#FORMAT PC8 in Windows-1252):
   * worth telling the user, since their exporter is at fault.
   */
  readonly declaredEncoding: LedgerEncoding | null;
  /** #FNAMN. */
  readonly companyName: string | null;
  readonly fiscalYears: readonly FiscalYear[];
  /** The calendar years the file's amounts fall in (0: a CSV's "the workbook's År"). */
  readonly years: readonly number[];
  readonly utfallSources: ReadonlyMap<number, UtfallSource>;
  readonly accountNames: ReadonlyMap<string, string>;
  readonly dimensionNames: ReadonlyMap<number, string>;
  /** #OBJEKT names by `objectNameKey(dimension, object)`. */
  readonly objectNames: ReadonlyMap<string, string>;
  readonly results: readonly YearResult[];
  /** The first MAX_REPORTED_PROBLEMS malformed lines; `problemCount` counts them all. */
  readonly problems: readonly LineProblem[];
  readonly problemCount: number;
  readonly lineCount: number;
  readonly byteCount: number;
}

export const MAX_REPORTED_PROBLEMS = 100;

export const objectNameKey = (dimension: number, object: string) => `${dimension}\u0001${object}`;

/** Collects malformed lines: the first ones in full, the rest counted. */
export class ProblemList {
  readonly problems: LineProblem[] = [];
  count = 0;
  add(line: number, message: string): void {
    this.count++;
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push({ line, message });
  }
}

/** A malformed line as the user reads it: `huvudbok.se, rad 12: #PSALDO: beloppet saknas`. */
export function describeLineProblem(fileName: string, problem: LineProblem): string {
  return `${fileName}, rad ${problem.line}: ${problem.message}`;
}
