/**
 * The workbook's mapping of a ledger onto its ledgers (template v3, sheet Kontoplan:
 * tblKontomappning and tblObjektmappning), as plain values, and the lookups over it.
 * Overlapping ranges are a fel the validation reports; here the first range in table order wins.
 */

/** A tblKontomappning row: accounts `from`–`to` (inclusive) go to the Resultaträkning's `post`. */
export interface AccountRange {
  readonly from: number;
  readonly to: number;
  readonly post: string;
}

/** A tblObjektmappning row: objects `from`–`to` of SIE dimension `dimension` go to `activity` (Verksamhet). */
export interface ObjectRange {
  readonly dimension: number;
  readonly from: string | number;
  readonly to: string | number;
  readonly activity: string;
}

export interface LedgerMapping {
  readonly accounts: readonly AccountRange[];
  readonly objects: readonly ObjectRange[];
}

/**
 * Whether `account` lies in `from`–`to`. The ends are account prefixes, as kontogrupper are: an
 * account is compared by as many leading digits as the longer end has (`45611` lies in 4000–4999,
 * `3010` in 30–39), and a shorter end is read as its whole group (`3`–`3999` is 3000–3999).
 */
export function accountInRange(account: string, from: number, to: number): boolean {
  if (!/^\d+$/.test(account)) return false;
  const fromDigits = String(from);
  const toDigits = String(to);
  const length = Math.max(fromDigits.length, toDigits.length);
  const compared = Number(
    account.length >= length ? account.slice(0, length) : account.padEnd(length, "0")
  );
  return (
    compared >= Number(fromDigits.padEnd(length, "0")) &&
    compared <= Number(toDigits.padEnd(length, "9"))
  );
}

/** The Post of an account (null when no range maps it), remembered per account. */
export function postOfAccount(ranges: readonly AccountRange[]): (account: string) => string | null {
  const known = new Map<string, string | null>();
  return (account) => {
    let post = known.get(account);
    if (post === undefined) {
      post = ranges.find((range) => accountInRange(account, range.from, range.to))?.post ?? null;
      known.set(account, post);
    }
    return post;
  };
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const swedish = new Intl.Collator("sv");

/** Objects compare as numbers when both ends and the object are numbers, else in Swedish order. */
export function objectInRange(object: string, from: string | number, to: string | number): boolean {
  const low = String(from).trim();
  const high = String(to).trim();
  const value = object.trim();
  if (NUMBER.test(low) && NUMBER.test(high) && NUMBER.test(value)) {
    return Number(value) >= Number(low) && Number(value) <= Number(high);
  }
  return swedish.compare(value, low) >= 0 && swedish.compare(value, high) <= 0;
}

/** The Verksamhet of an object of a dimension (null when no range maps it), remembered. */
export function activityOfObject(
  ranges: readonly ObjectRange[]
): (dimension: number, object: string) => string | null {
  const known = new Map<string, string | null>();
  return (dimension, object) => {
    const key = `${dimension}\u0001${object}`;
    let activity = known.get(key);
    if (activity === undefined) {
      activity =
        ranges.find(
          (range) => range.dimension === dimension && objectInRange(object, range.from, range.to)
        )?.activity ?? null;
      known.set(key, activity);
    }
    return activity;
  };
}

/** The dimensions the mapping names: only their object rows reach the Driftsredovisning. */
export function mappedDimensions(mapping: LedgerMapping): Set<number> {
  return new Set(mapping.objects.map((range) => range.dimension));
}
