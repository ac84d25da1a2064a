/**
 * The short code that keeps a unit's IDs apart in the consolidated workbook (`ÄO-R1`): the unit's
 * Enhetskod when it gave one, else derived from its name. Derivation: the first letter of each
 * word of the name (words split at spaces, hyphens and slashes; och, i, för, av, med, på, till,
 * samt and the like skipped), at most four letters; a one-word name gives its first two letters.
 * A word ending in -nämnd(en) or -styrelse(n) gives its first letter and N or S, as kommuner
 * abbreviate their bodies: "Socialnämnden" → SN, "Vård- och omsorgsnämnden" → VON,
 * "Kommunstyrelsen" → KS. Upper case: "Individ- och familjeomsorg" → IF, "Äldreomsorgen" → ÄL,
 * "Stöd och service" → SS. A derived code another unit already has gets a number: SS, SS2, SS3.
 */
const SMALL_WORDS = new Set([
  "och",
  "i",
  "för",
  "av",
  "med",
  "på",
  "till",
  "samt",
  "om",
  "den",
  "det",
]);
const FIRST_LETTER = /[\p{L}\p{N}]/u;
/** A body's name: "Socialnämnden", "omsorgsnämnd", "Kommunstyrelsen" (something before the suffix). */
const BODY = /^[^\p{L}\p{N}]*[\p{L}\p{N}].*(nämnd|styrelse)(en|n)?$/iu;

/** A word's letters in the code: a body's first letter and N or S, else its first letter. */
function wordLetters(word: string): string[] {
  const first = word.match(FIRST_LETTER)?.[0] ?? "";
  const body = word.match(BODY);
  return body ? [first, body[1][0]] : [first];
}

export function derivedCode(name: string): string {
  const words = name
    .split(/[\s\-–/,&]+/)
    .filter((w) => FIRST_LETTER.test(w) && !SMALL_WORDS.has(w.toLocaleLowerCase("sv")));
  const bodies = words.some((w) => BODY.test(w));
  const letters =
    words.length >= 2 || bodies
      ? words.flatMap(wordLetters).slice(0, 4)
      : [...(words[0] ?? name)].filter((c) => FIRST_LETTER.test(c)).slice(0, 2);
  return letters.join("").toLocaleUpperCase("sv") || "E";
}

export interface UnitCode {
  readonly code: string;
  /** True when derived from the name (no Enhetskod given). */
  readonly derived: boolean;
}

/**
 * One code per unit, in order. `given` codes are taken as they are (the caller refuses two equal
 * ones); derived ones avoid every code already taken, case-insensitively.
 */
export function unitCodes(
  units: readonly { readonly name: string; readonly given: string | null }[]
): UnitCode[] {
  const taken = new Set(
    units.flatMap((u) => (u.given === null ? [] : [u.given.toLocaleUpperCase("sv")]))
  );
  return units.map((u) => {
    if (u.given !== null) return { code: u.given, derived: false };
    const base = derivedCode(u.name);
    let code = base;
    for (let n = 2; taken.has(code.toLocaleUpperCase("sv")); n++) code = `${base}${n}`;
    taken.add(code.toLocaleUpperCase("sv"));
    return { code, derived: true };
  });
}
