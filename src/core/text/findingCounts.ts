/**
 * Counts of findings in words for users, the same in every host: "3 fel och 1 varning" in lists
 * and status lines (digits), "ett fel och inga varningar" in the report's prose (words).
 */
import type { Severity } from "../findings";
import { countPhrase, type Gender } from "./swedishWords";

export type SeverityCounts = Readonly<Record<Severity, number>>;

const NOUNS: Readonly<
  Record<Severity, { readonly singular: string; readonly plural: string; readonly gender: Gender }>
> = {
  // fel is neuter and the same in the plural: "ett fel", "åtta fel".
  fel: { singular: "fel", plural: "fel", gender: "neuter" },
  varning: { singular: "varning", plural: "varningar", gender: "common" },
};

/** "3 fel", "1 varning", "0 varningar". */
export function severityCount(severity: Severity, n: number): string {
  const noun = NOUNS[severity];
  return `${n} ${n === 1 ? noun.singular : noun.plural}`;
}

/** "ett fel", "fem varningar", "inga fel": as the report's sentences write counts. */
export function severityCountInWords(severity: Severity, n: number): string {
  const noun = NOUNS[severity];
  return countPhrase(n, noun.singular, noun.plural, noun.gender);
}

/** "3 fel och 1 varning", "0 fel och 2 varningar": both counts, even a zero. */
export function findingCounts(counts: SeverityCounts): string {
  return `${severityCount("fel", counts.fel)} och ${severityCount("varning", counts.varning)}`;
}

/** "ett fel och inga varningar": both counts in words. */
export function findingCountsInWords(counts: SeverityCounts): string {
  return (
    `${severityCountInWords("fel", counts.fel)} och ` +
    severityCountInWords("varning", counts.varning)
  );
}
