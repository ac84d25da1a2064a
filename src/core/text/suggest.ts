/**
 * Finding the allowed value someone meant, so that a message can say "Skriv Pågående" instead of
 * only listing what is allowed.
 */

const SPACES = /[\s\u00a0\u202f\u2007]+/g;

/** Folds what people get wrong without meaning to: case, spaces, and å/ä/ö typed as a/a/o. */
export function foldForComparison(text: string): string {
  return text
    .normalize("NFC")
    .replace(SPACES, " ")
    .trim()
    .toLocaleLowerCase("sv-SE")
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e");
}

export interface Suggestion<T extends string> {
  readonly value: T;
  /**
   * true: the text differs from `value` only in case, spaces or å/ä/ö, so it surely means it.
   * false: a likely guess (one typo, or a unique part of a longer value).
   */
  readonly certain: boolean;
}

// Shorter texts are too easily one letter from the wrong value (T1 / T2, kr / tkr).
const MIN_LENGTH_FOR_TYPO = 5;
const MIN_LENGTH_FOR_PART = 4;

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

function unique<T>(matches: readonly T[]): T | null {
  return matches.length === 1 ? matches[0] : null;
}

/** The allowed value `text` most likely means, or null when there is no single good guess. */
export function suggestValue<T extends string>(
  text: string,
  allowed: readonly T[]
): Suggestion<T> | null {
  const folded = foldForComparison(text);
  if (folded.length === 0) return null;
  const candidates = allowed.map((value) => ({ value, folded: foldForComparison(value) }));

  const same = unique(candidates.filter((c) => c.folded === folded));
  if (same) return { value: same.value, certain: true };

  const typo =
    folded.length >= MIN_LENGTH_FOR_TYPO
      ? unique(candidates.filter((c) => editDistanceAtMostOne(c.folded, folded)))
      : null;
  if (typo) return { value: typo.value, certain: false };

  const part =
    folded.length >= MIN_LENGTH_FOR_PART
      ? unique(candidates.filter((c) => c.folded.includes(folded)))
      : null;
  return part ? { value: part.value, certain: false } : null;
}

/**
 * "A", "A eller B", "A, B eller C": the allowed values as a Swedish sentence would list them.
 * Values that themselves say "eller" or "och" are quoted, so the list reads unambiguously.
 */
export function joinAlternatives(values: readonly string[]): string {
  const quoted = values.some((v) => /\s(eller|och)\s/.test(v))
    ? values.map((v) => `"${v}"`)
    : values;
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} eller ${quoted[quoted.length - 1]}`;
}
