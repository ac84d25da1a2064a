/**
 * Movements summed while a file streams by, so memory grows with the ledger's accounts, months and
 * objects, never with its lines: a million #TRANS lines on 400 accounts are 400 × 12 sums.
 * Amounts are whole öre in the ledger's sign (debit positive).
 */
import { objectListKey, objectsOfKey, type ObjectRef } from "./sieLine";

/** Utfall from #PSALDO, #TRANS or CSV rows; budget from #PBUDGET. */
export type MovementKind = "utfall" | "budget";

/**
 * A calendar year, or 0 for "the workbook's År": a CSV row that gives only a month number, or no
 * period at all.
 */
export type LedgerYear = number;

/** 1–12, or 0 for "the whole period": a CSV file without a Period column. */
export type LedgerMonth = number;

/** An account's movement in one month: its total over all objects. */
export interface AccountMovement {
  readonly kind: MovementKind;
  readonly year: LedgerYear;
  readonly month: LedgerMonth;
  readonly account: string;
  readonly ore: number;
}

/**
 * One object's part of an account's movement in one month. An object list with several dimensions
 * gives one for each: the same money seen per dimension, never to be summed across dimensions.
 */
export interface ObjectMovement extends AccountMovement {
  readonly dimension: number;
  readonly object: string;
}

/** An account whose totals a SIE file gives only as object rows (no `{}` row): derived from them. */
export interface DerivedTotal {
  readonly kind: MovementKind;
  readonly year: LedgerYear;
  readonly account: string;
  /** The dimension whose object rows were summed. */
  readonly dimension: number;
}

export interface Movements {
  readonly totals: readonly AccountMovement[];
  readonly objects: readonly ObjectMovement[];
  readonly derivedTotals: readonly DerivedTotal[];
}

const SEP = "\u0003";

const key = (kind: MovementKind, year: number, month: number, account: string) =>
  `${kind}${SEP}${year}${SEP}${month}${SEP}${account}`;

function splitKey(k: string) {
  const [kind, year, month, account, rest] = k.split(SEP);
  return { kind: kind as MovementKind, year: Number(year), month: Number(month), account, rest };
}

const add = (sums: Map<string, number>, k: string, ore: number) =>
  sums.set(k, (sums.get(k) ?? 0) + ore);

/** One account's sums of one kind and year: per month (index 0: the whole period), and per object. */
interface AccountSums {
  readonly months: Float64Array;
  /** Bit m set: month m has a row, even one that sums to 0. */
  seen: number;
  readonly objects: Map<number, Map<string, Float64Array>>;
}

const newMonths = () => new Float64Array(13);

/**
 * Money that is what it says: a voucher's #TRANS or a CSV row counts in its account's total, and
 * in each of its objects' rows. Held as months in arrays, found through maps keyed by the parts
 * themselves, so a line costs a few lookups and no key built from strings.
 */
export class MovementSums {
  private readonly byYear = new Map<string, Map<string, AccountSums>>();
  private lastKind: MovementKind | null = null;
  private lastYear = Number.NaN;
  private last: Map<string, AccountSums> = new Map();

  add(
    kind: MovementKind,
    year: number,
    month: number,
    account: string,
    objects: readonly ObjectRef[],
    ore: number
  ): void {
    if (kind !== this.lastKind || year !== this.lastYear) {
      const yearKey = `${kind}${SEP}${year}`;
      let accounts = this.byYear.get(yearKey);
      if (!accounts) this.byYear.set(yearKey, (accounts = new Map()));
      this.last = accounts;
      this.lastKind = kind;
      this.lastYear = year;
    }
    let sums = this.last.get(account);
    if (!sums)
      this.last.set(account, (sums = { months: newMonths(), seen: 0, objects: new Map() }));
    sums.months[month] += ore;
    sums.seen |= 1 << month;
    for (const { dimension, object } of objects) {
      let byObject = sums.objects.get(dimension);
      if (!byObject) sums.objects.set(dimension, (byObject = new Map()));
      let months = byObject.get(object);
      if (!months) byObject.set(object, (months = newMonths()));
      months[month] += ore;
    }
  }

  years(): number[] {
    return [...new Set([...this.byYear.keys()].map((key) => Number(key.split(SEP)[1])))];
  }

  movements(keep: (year: number) => boolean): Movements {
    const totals: AccountMovement[] = [];
    const objectMovements: ObjectMovement[] = [];
    for (const [yearKey, accounts] of this.byYear) {
      const [kindText, yearText] = yearKey.split(SEP);
      const kind = kindText as MovementKind;
      const year = Number(yearText);
      if (!keep(year)) continue;
      for (const [account, sums] of accounts) {
        for (let month = 0; month <= 12; month++) {
          if ((sums.seen & (1 << month)) === 0) continue;
          totals.push({ kind, year, month, account, ore: sums.months[month] });
          for (const [dimension, byObject] of sums.objects) {
            for (const [object, months] of byObject) {
              if (months[month] !== 0) {
                objectMovements.push({
                  kind,
                  year,
                  month,
                  account,
                  dimension,
                  object,
                  ore: months[month],
                });
              }
            }
          }
        }
      }
    }
    return { totals, objects: objectMovements, derivedTotals: [] };
  }
}

/**
 * #PSALDO and #PBUDGET rows as the file gives them: the `{}` row is the account's total and the
 * object rows split the same money, so they are kept apart and resolved at the end, per account
 * and year: the `{}` rows when there are any, else the object rows of one dimension.
 */
export class BalanceRows {
  private readonly rows = new Map<string, number>();
  private readonly years = new Set<string>();

  add(
    kind: MovementKind,
    year: number,
    month: number,
    account: string,
    objects: readonly ObjectRef[],
    ore: number
  ): void {
    add(this.rows, `${key(kind, year, month, account)}${SEP}${objectListKey(objects)}`, ore);
    this.years.add(`${kind}${year}`);
  }

  hasYear(kind: MovementKind, year: number): boolean {
    return this.years.has(`${kind}${year}`);
  }

  yearsOf(kind: MovementKind): number[] {
    return [...this.years]
      .filter((k) => k.startsWith(kind))
      .map((k) => Number(k.slice(kind.length)));
  }

  movements(keep: (kind: MovementKind, year: number) => boolean): Movements {
    interface AccountRows {
      kind: MovementKind;
      year: number;
      account: string;
      braces: Map<number, number>;
      /** Per month, the object rows as (objects, amount). */
      objectRows: { month: number; objects: ObjectRef[]; ore: number }[];
    }
    const byAccount = new Map<string, AccountRows>();
    for (const [k, ore] of this.rows) {
      const { kind, year, month, account, rest } = splitKey(k);
      if (!keep(kind, year)) continue;
      const accountKey = `${kind}${SEP}${year}${SEP}${account}`;
      let rows = byAccount.get(accountKey);
      if (!rows) {
        rows = { kind, year, account, braces: new Map(), objectRows: [] };
        byAccount.set(accountKey, rows);
      }
      if (rest === "") rows.braces.set(month, (rows.braces.get(month) ?? 0) + ore);
      else rows.objectRows.push({ month, objects: objectsOfKey(rest), ore });
    }
    const totals: AccountMovement[] = [];
    const objectSums = new Map<string, number>();
    const derivedTotals: DerivedTotal[] = [];
    for (const { kind, year, account, braces, objectRows } of byAccount.values()) {
      for (const row of objectRows) {
        for (const ref of row.objects) {
          add(
            objectSums,
            `${key(kind, year, row.month, account)}${SEP}${ref.dimension}\u0001${ref.object}`,
            row.ore
          );
        }
      }
      if (braces.size > 0) {
        for (const [month, ore] of braces) totals.push({ kind, year, month, account, ore });
        continue;
      }
      const dimension = commonestDimension(objectRows.map((row) => row.objects));
      derivedTotals.push({ kind, year, account, dimension });
      const byMonth = new Map<number, number>();
      for (const row of objectRows) {
        if (row.objects.some((ref) => ref.dimension === dimension)) {
          byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.ore);
        }
      }
      for (const [month, ore] of byMonth) totals.push({ kind, year, month, account, ore });
    }
    const objects: ObjectMovement[] = [];
    for (const [k, ore] of objectSums) {
      const { kind, year, month, account, rest } = splitKey(k);
      const [ref] = objectsOfKey(rest);
      objects.push({ kind, year, month, account, ...ref, ore });
    }
    return { totals, objects, derivedTotals };
  }
}

/** The dimension most object rows name (the lowest on a tie): its rows cover the account best. */
function commonestDimension(lists: readonly (readonly ObjectRef[])[]): number {
  const counts = new Map<number, number>();
  for (const list of lists)
    for (const ref of list) counts.set(ref.dimension, (counts.get(ref.dimension) ?? 0) + 1);
  let best = Number.POSITIVE_INFINITY;
  let bestCount = -1;
  for (const [dimension, count] of counts) {
    if (count > bestCount || (count === bestCount && dimension < best)) {
      best = dimension;
      bestCount = count;
    }
  }
  return best;
}
