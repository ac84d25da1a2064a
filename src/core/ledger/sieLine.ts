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
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

const UNCLOSED_QUOTE = {
  problem: "en text inom citattecken saknar avslutande citattecken",
} as const;
const UNCLOSED_LIST = { problem: "objektlistan saknar avslutande }" } as const;

/** Where the last token read ended: module state, so a token costs no object (this runs per line). */
let tokenEnd = 0;

/** The first position at or after `at` that is not blank (space, tab, CR and other controls). */
function skipBlanks(line: string, at: number): number {
  while (at < line.length && line.charCodeAt(at) <= SPACE) at++;
  return at;
}

/** The token at `at` (a word or a quoted string); null when a quote is left open. */
function readToken(line: string, at: number, inList: boolean): string | null {
  const length = line.length;
  if (line.charCodeAt(at) !== QUOTE) {
    let end = at;
    while (end < length) {
      const code = line.charCodeAt(end);
      if (code <= SPACE || (inList && code === CLOSE)) break;
      end++;
    }
    tokenEnd = end;
    return line.slice(at, end);
  }
  let from = at + 1;
  let end = line.indexOf('"', from);
  let text = "";
  while (end >= 0 && line.charCodeAt(end - 1) === BACKSLASH) {
    text += line.slice(from, end - 1) + '"';
    from = end + 1;
    end = line.indexOf('"', from);
  }
  if (end < 0) return null;
  tokenEnd = end + 1;
  return text + line.slice(from, end);
}

/**
 * Fields each label needs: a voucher's text and the fields after it are not read, since reading
 * them is most of the work on a file of vouchers and nothing uses them; a #BTRANS (a removed
 * row) not at all.
 */
const fieldsUsed = (label: string) =>
  label === "#TRANS" || label === "#RTRANS"
    ? 4
    : label === "#VER"
      ? 3
      : label === "#BTRANS"
        ? 0
        : Number.POSITIVE_INFINITY;

/** A dimension number: digits only. */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * The fields of a line (only as many as the label uses); null for a blank line. The label is
 * kept as written (upper case in SIE). `recode` turns file text quoted in a problem into the
 * file's characters (see ChunkDecoder).
 */
export function splitSieLine(
  line: string,
  recode: (text: string) => string = (t) => t
): SieLine | null {
  let at = skipBlanks(line, 0);
  if (at >= line.length) return null;
  const label = readToken(line, at, false);
  if (label === null) return UNCLOSED_QUOTE;
  const fields: SieField[] = [];
  const used = fieldsUsed(label);
  for (
    at = skipBlanks(line, tokenEnd);
    at < line.length && fields.length < used;
    at = skipBlanks(line, at)
  ) {
    if (line.charCodeAt(at) !== OPEN) {
      const word = readToken(line, at, false);
      if (word === null) return UNCLOSED_QUOTE;
      fields.push(word);
      at = tokenEnd;
      continue;
    }
    const objects: ObjectRef[] = [];
    for (at = skipBlanks(line, at + 1); ; at = skipBlanks(line, at)) {
      if (at >= line.length) return UNCLOSED_LIST;
      if (line.charCodeAt(at) === CLOSE) break;
      const dimension = readToken(line, at, true);
      if (dimension === null) return UNCLOSED_QUOTE;
      at = skipBlanks(line, tokenEnd);
      if (at >= line.length) return UNCLOSED_LIST;
      if (line.charCodeAt(at) === CLOSE) {
        return { problem: `objektlistan har dimensionen ${recode(dimension)} utan objekt` };
      }
      const object = readToken(line, at, true);
      if (object === null) return UNCLOSED_QUOTE;
      if (!isDigits(dimension)) {
        return { problem: `dimensionen "${recode(dimension)}" i objektlistan är inget nummer` };
      }
      objects.push({ dimension: Number(dimension), object });
      at = tokenEnd;
    }
    fields.push({ objects });
    at++;
  }
  parsedEnd = at;
  return { label, fields };
}

/** Where the fields splitSieLine last returned end: the rest of the line was not read. */
export let parsedEnd = 0;

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
