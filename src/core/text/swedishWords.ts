/**
 * Small numbers in Swedish words, as published reports write counts ("Fem risker har identifierats",
 * "en åtgärd pågår"). One to twelve are words; larger counts are digits, grouped like every
 * other number in the report.
 */
import { formatNumber } from "../format";

/** Grammatical gender of the counted noun: "en risk" (common) or "ett ärende" (neuter). */
export type Gender = "common" | "neuter";

const WORDS = [
  "",
  "",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
];

/** 1 → "en"/"ett", 5 → "fem", 13 → "13". Zero and negatives are the caller's sentence to write. */
export function numberWord(n: number, gender: Gender = "common"): string {
  if (n === 1) return gender === "common" ? "en" : "ett";
  if (Number.isInteger(n) && n > 1 && n < WORDS.length) return WORDS[n];
  return formatNumber(n, 0);
}

/** A noun with its count: "en risk", "fem risker", "inga risker" (zero takes the plural). */
export function countPhrase(
  n: number,
  singular: string,
  plural: string,
  gender: Gender = "common"
): string {
  if (n === 0) return `inga ${plural}`;
  return `${numberWord(n, gender)} ${n === 1 ? singular : plural}`;
}

/** Upper-cases the first letter, for a count that opens a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** "a", "a och b", "a, b och c". */
export function joinSwedish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}
