/**
 * The fields of a file of vouchers read straight from its bytes: a typ-4 export is mostly
 * `#TRANS`, `#VER`, `{` and `}` lines, and turning each into a string before reading it cost
 * more than the rest of the import. Only ASCII is read here (labels, accounts, amounts, dates);
 * anything else makes the caller fall back to the general path on the decoded line.
 */

const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const PLUS = 0x2b;
const POINT = 0x2e;
const OPEN_BRACE = 0x7b;
const ORE_PER_KRONA = 100;

/** A copy of the bytes (a Node Buffer's `slice` is a view of the same memory, which a host may reuse). */
export const copyOf = (bytes: Uint8Array, from: number, to: number): Uint8Array =>
  Uint8Array.prototype.slice.call(bytes, from, to);

/**
 * Reads fields from bytes. One per reader, its methods called on the instance: what a scan read
 * comes back in its fields (`end`, `year`, `month`), so a field costs no object (this runs per
 * line), and nothing is looked up through a module's exports per line.
 */
export class ByteScanner {
  /** Where the last field read ends. */
  end = 0;
  /** The last date read. */
  year = 0;
  month = 0;

  /** The first position at or after `at` that is not blank (space, tab and other controls). */
  skipBlanks(bytes: Uint8Array, at: number, end: number): number {
    while (at < end && bytes[at] <= SPACE) at++;
    return at;
  }

  /** Whether the ASCII `word` followed by a space stands at `at`. */
  wordAt(bytes: Uint8Array, at: number, end: number, word: string): boolean {
    if (at + word.length >= end) return false;
    for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
    return bytes[at + word.length] === SPACE;
  }

  /**
   * Skips one field that is a word or a quoted string without `\"` (a voucher's series and
   * number); false when it is anything else (an object list, say).
   */
  skipField(bytes: Uint8Array, at: number, end: number): boolean {
    if (at >= end || bytes[at] === OPEN_BRACE) return false;
    if (bytes[at] === QUOTE) {
      for (let i = at + 1; i < end; i++) {
        if (bytes[i] === BACKSLASH) return false;
        if (bytes[i] === QUOTE) {
          this.end = i + 1;
          return true;
        }
      }
      return false;
    }
    let i = at;
    while (i < end && bytes[i] > SPACE) i++;
    this.end = i;
    return i > at;
  }

  /**
   * An account number: digits up to the next blank, no leading zero and at most nine (so its
   * number gives its text back). −1 otherwise.
   */
  accountAt(bytes: Uint8Array, at: number, end: number): number {
    let i = at;
    while (i < end && bytes[i] > SPACE) i++;
    if (i - at > 9 || bytes[at] === ZERO) return -1;
    this.end = i;
    return digitsValue(bytes, at, i);
  }

  /**
   * A `YYYYMMDD` date at `at` that ends at a space or `end`, into `year` and `month`; false when
   * it is no date (the general path then says why).
   */
  dateAt(bytes: Uint8Array, at: number, end: number): boolean {
    if (at + 8 > end || (at + 8 < end && bytes[at + 8] !== SPACE)) return false;
    const value = digitsValue(bytes, at, at + 8);
    if (value < 0) return false;
    const day = value % 100;
    const month = Math.floor(value / 100) % 100;
    this.year = Math.floor(value / 10_000);
    this.month = month;
    this.end = at + 8;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /**
   * A SIE amount at `at` that ends at a space or `end`, in öre, by parseSieAmount's rules (a
   * decimal point, at most two decimals that are not zero); null when it is none.
   */
  amountAt(bytes: Uint8Array, at: number, end: number): number | null {
    const negative = bytes[at] === MINUS;
    if (negative || bytes[at] === PLUS) at++;
    let kronor = 0;
    const wholeFrom = at;
    for (; at < end; at++) {
      const byte = bytes[at];
      if (byte < ZERO || byte > NINE) break;
      kronor = kronor * 10 + (byte - ZERO);
    }
    if (at === wholeFrom) return null;
    let ore = 0;
    if (at < end && bytes[at] === POINT) {
      for (let place = 0; ++at < end && bytes[at] !== SPACE; place++) {
        const digit = bytes[at] - ZERO;
        if (digit < 0 || digit > 9) return null;
        if (place === 0) ore += digit * 10;
        else if (place === 1) ore += digit;
        else if (digit !== 0) return null;
      }
    }
    if (at < end && bytes[at] !== SPACE) return null;
    this.end = at;
    const total = kronor * ORE_PER_KRONA + ore;
    if (!Number.isSafeInteger(total)) return null;
    return negative && total !== 0 ? -total : total;
  }
}

/** Digits `from`…`to` (exclusive) as a number, or −1 when one is no digit or there are none. */
function digitsValue(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Values found by a run of bytes (an object list's text between its braces), without making a
 * string of the bytes: a hash, then the bytes compared. A file of vouchers repeats a few hundred
 * lists; at most `capacity` are kept, so a file with a list per voucher does not grow it.
 */
export class ByteKeyedCache<T> {
  /** Open addressing over twice the capacity: a lookup is a hash and a compare, no Map. */
  private readonly keys: (Uint8Array | undefined)[];
  private readonly values: (T | undefined)[];
  private readonly mask: number;
  private size = 0;

  constructor(private readonly capacity: number) {
    const slots = 2 ** Math.ceil(Math.log2(capacity * 2));
    this.keys = new Array<Uint8Array | undefined>(slots).fill(undefined);
    this.values = new Array<T | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  get(bytes: Uint8Array, from: number, to: number): T | undefined {
    for (let slot = hashOf(bytes, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (sameBytes(key, bytes, from, to)) return this.values[slot];
    }
  }

  set(bytes: Uint8Array, from: number, to: number, value: T): void {
    if (this.size >= this.capacity) return;
    let slot = hashOf(bytes, from, to) & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = copyOf(bytes, from, to);
    this.values[slot] = value;
    this.size++;
  }
}

/** FNV-1a over the bytes, as a small integer. */
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

function sameBytes(key: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== bytes[from + i]) return false;
  return true;
}
