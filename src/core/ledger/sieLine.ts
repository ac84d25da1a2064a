/**
 * One SIE line as fields: the label (`#TRANS`), then words, quoted strings (`"Kassa och bank"`,
 * with `\"` for a quote inside) and object lists (`{1 "100" 6 "P1"}`, `{}`). A malformed line is a
 * value carrying its Swedish reason, never an exception: the reader collects them with line numbers.
 */

export interface ObjectRef {
  readonly dimension: number;
  readonly object: string;
}

/** An object list `{…}`: empty for an account's total. */
export interface ObjectList {
  readonly objects: readonly ObjectRef[];
}

export type SieField = string | ObjectList;

export type SieLine =
  { readonly label: string; readonly fields: readonly SieField[] } | { readonly problem: string };

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

const isBlank = (code: number) => code === SPACE || code === TAB;

/** The fields of a line; null for a blank line. The label is kept as written (upper case in SIE). */
export function splitSieLine(line: string): SieLine | null {
  const fields: SieField[] = [];
  const length = line.length;
  let at = 0;
  let list: ObjectRef[] | null = null;
  let pendingDimension: string | null = null;
  const take = (word: string): string | null => {
    if (list === null) {
      fields.push(word);
      return null;
    }
    if (pendingDimension === null) {
      pendingDimension = word;
      return null;
    }
    const dimension = Number(pendingDimension);
    if (!/^\d+$/.test(pendingDimension)) {
      return `dimensionen "${pendingDimension}" i objektlistan är inget nummer`;
    }
    list.push({ dimension, object: word });
    pendingDimension = null;
    return null;
  };
  while (at < length) {
    const code = line.charCodeAt(at);
    if (isBlank(code) || code === 0x0d) {
      at++;
      continue;
    }
    if (code === OPEN && list === null && fields.length > 0) {
      list = [];
      at++;
      continue;
    }
    if (code === CLOSE && list !== null) {
      if (pendingDimension !== null) {
        return { problem: `objektlistan har dimensionen ${pendingDimension} utan objekt` };
      }
      fields.push({ objects: list });
      list = null;
      at++;
      continue;
    }
    let word: string;
    if (code === QUOTE) {
      let text = "";
      let from = ++at;
      for (;;) {
        if (at >= length)
          return { problem: "en text inom citattecken saknar avslutande citattecken" };
        const c = line.charCodeAt(at);
        if (c === BACKSLASH && line.charCodeAt(at + 1) === QUOTE) {
          text += line.slice(from, at) + '"';
          at += 2;
          from = at;
          continue;
        }
        if (c === QUOTE) break;
        at++;
      }
      word = text + line.slice(from, at);
      at++;
    } else {
      const from = at;
      while (at < length) {
        const c = line.charCodeAt(at);
        if (isBlank(c) || c === 0x0d || (list !== null && c === CLOSE)) break;
        at++;
      }
      word = line.slice(from, at);
    }
    const problem = take(word);
    if (problem) return { problem };
  }
  if (list !== null) return { problem: "objektlistan saknar avslutande }" };
  if (fields.length === 0) return null;
  const label = fields[0];
  if (typeof label !== "string") return { problem: "raden börjar med en objektlista" };
  return { label, fields: fields.slice(1) };
}

/** The canonical key of an object list: its pairs sorted by dimension ("" for `{}`). */
export function objectListKey(objects: readonly ObjectRef[]): string {
  if (objects.length === 0) return "";
  if (objects.length === 1) return `${objects[0].dimension}\u0001${objects[0].object}`;
  return [...objects]
    .sort((a, b) => a.dimension - b.dimension)
    .map((ref) => `${ref.dimension}\u0001${ref.object}`)
    .join("\u0002");
}

/** The object list a key stands for. */
export function objectsOfKey(key: string): ObjectRef[] {
  if (key === "") return [];
  return key.split("\u0002").map((pair) => {
    const [dimension, object] = pair.split("\u0001");
    return { dimension: Number(dimension), object };
  });
}
