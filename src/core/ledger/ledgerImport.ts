/**
 * A read ledger mapped onto a workbook: for its År and Period (cumulative from January), the
 * Resultaträkning's and Driftsredovisning's Utfall period, Utfall period fg år and Periodbudget
 * per Post and per Verksamhet, and the reconciliation that says what did not fit. Amounts are the
 * workbook's Enhet at full precision in the template's sign (intäkter positive, kostnader
 * negative: the ledger's debit-positive amounts negated). Only result accounts (classes 3–8) count.
 */
import { periodEnd } from "../period";
import type { Period, Unit } from "../template/lists";
import type { Ledger } from "./ledger";
import { objectNameKey } from "./ledger";
import { ledgerRefusal } from "./ledgerErrors";
import { activityOfObject, mappedDimensions, postOfAccount, type LedgerMapping } from "./mapping";
import type { AccountMovement, MovementKind } from "./movements";

/** The ledger columns an import fills, by the Model's keys. */
export type ImportColumn = "actual" | "actualPriorYear" | "periodBudget";

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  "actual",
  "actualPriorYear",
  "periodBudget",
];

/** Their headers in tblResultatrakning and tblDriftsredovisning. */
export const IMPORT_COLUMN_HEADERS: Record<ImportColumn, string> = {
  actual: "Utfall period",
  actualPriorYear: "Utfall period fg år",
  periodBudget: "Periodbudget",
};

export type ColumnAmounts = Partial<Record<ImportColumn, number>>;

/** A Post or Verksamhet of the mapping with its amounts, one per column the file has data for. */
export interface ImportRow {
  readonly name: string;
  readonly amounts: ColumnAmounts;
}

export interface ImportFrame {
  readonly year: number;
  readonly period: Period;
  readonly unit: Unit;
}

/** ledger total = RR total = DR total, per column, when every account and object is mapped. */
export interface ColumnTotals {
  /** All result accounts' totals (classes 3–8). */
  readonly ledger: number;
  readonly incomeStatement: number;
  readonly operatingStatement: number;
}

export interface UnmappedAccount {
  readonly account: string;
  readonly name: string;
  readonly amounts: ColumnAmounts;
}

export interface UnmappedObject {
  readonly dimension: number;
  readonly object: string;
  readonly name: string;
  readonly amounts: ColumnAmounts;
}

/** A month in which an account's `{}` total differs from its object rows of a mapped dimension. */
export interface TotalVersusObjects {
  readonly column: ImportColumn;
  readonly account: string;
  readonly name: string;
  readonly dimension: number;
  readonly month: number;
  readonly total: number;
  readonly objects: number;
}

/** An account whose monthly movements over a year do not add up to its #RES. */
export interface ResultVersusMovements {
  readonly year: number;
  readonly account: string;
  readonly name: string;
  readonly movements: number;
  readonly result: number;
}

export interface Reconciliation {
  readonly totals: Partial<Record<ImportColumn, ColumnTotals>>;
  readonly unmappedAccounts: readonly UnmappedAccount[];
  readonly unmappedObjects: readonly UnmappedObject[];
  /** A note, never a refusal: object rows covering part of an account is normal. */
  readonly totalsVersusObjects: readonly TotalVersusObjects[];
  readonly resultsVersusMovements: readonly ResultVersusMovements[];
  /** Accounts (in the imported months) whose totals were summed from one dimension's object rows. */
  readonly derivedTotals: readonly {
    readonly account: string;
    readonly name: string;
    readonly dimension: number;
  }[];
}

export interface LedgerImport {
  readonly frame: ImportFrame;
  /** The columns the file has data for, in sheet order; the others keep the workbook's values. */
  readonly columns: readonly ImportColumn[];
  readonly columnsWithoutData: readonly ImportColumn[];
  /** Every Post the account mapping names, in its order. */
  readonly posts: readonly ImportRow[];
  /** Every Verksamhet the object mapping names, in its order. */
  readonly activities: readonly ImportRow[];
  readonly reconciliation: Reconciliation;
}

/** Öre in one unit of the workbook's Enhet. */
const ORE_PER_UNIT: Record<Unit, number> = { kr: 100, tkr: 100_000, mnkr: 100_000_000 };

/** Which kind and year of movement fills each column (0 is a CSV's "the workbook's År"). */
function columnOf(kind: MovementKind, year: number, frame: ImportFrame): ImportColumn | null {
  if (kind === "budget") return year === frame.year ? "periodBudget" : null;
  if (year === frame.year || year === 0) return "actual";
  return year === frame.year - 1 ? "actualPriorYear" : null;
}

/** A result account: Kommun-Bas classes 3–8. Classes 1–2 are the balance sheet. */
export const isResultAccount = (account: string) => account >= "3" && account < "9";

/** Sums in öre per name and column, turned into the unit only at the end. */
class OreSums {
  readonly sums = new Map<string, Map<ImportColumn, number>>();
  add(name: string, column: ImportColumn, ore: number): void {
    let row = this.sums.get(name);
    if (!row) this.sums.set(name, (row = new Map()));
    row.set(column, (row.get(column) ?? 0) + ore);
  }
  get(name: string, column: ImportColumn): number {
    return this.sums.get(name)?.get(column) ?? 0;
  }
}

/**
 * Maps `ledger` onto the workbook's `mapping` for `frame`. Refuses (UnreadableLedgerError) when
 * the file holds no amounts of the workbook's År.
 */
export function importLedger(
  ledger: Ledger,
  mapping: LedgerMapping,
  frame: ImportFrame
): LedgerImport {
  if (!ledger.years.includes(frame.year) && !ledger.years.includes(0)) {
    throw ledgerRefusal.yearMissing(ledger.fileName, frame.year, ledger.years);
  }
  const lastMonth = periodEnd(frame.year, frame.period).getUTCMonth() + 1;
  const inPeriod = (month: number) => month <= lastMonth; // 0: a CSV's whole period
  const toUnit = (ore: number) => (ore === 0 ? 0 : -ore / ORE_PER_UNIT[frame.unit]);
  const amountsOf = (
    sums: OreSums,
    name: string,
    columns: readonly ImportColumn[]
  ): ColumnAmounts =>
    Object.fromEntries(columns.map((column) => [column, toUnit(sums.get(name, column))]));

  const withData = new Set<ImportColumn>();
  for (const { kind, year } of ledger.totals) {
    const column = columnOf(kind, year, frame);
    if (column) withData.add(column);
  }
  const columns = IMPORT_COLUMNS.filter((column) => withData.has(column));

  const postOf = postOfAccount(mapping.accounts);
  const activityOf = activityOfObject(mapping.objects);
  const dimensions = mappedDimensions(mapping);
  const accountName = (account: string) => ledger.accountNames.get(account) ?? "";

  const posts = new OreSums();
  const ledgerTotals = new OreSums();
  const unmappedAccounts = new OreSums();
  /** Per account, month and column: the total, for the `{}` versus object rows note. */
  const monthTotals = new Map<string, number>();
  const imported = (movement: AccountMovement) => {
    const column = columnOf(movement.kind, movement.year, frame);
    return column && inPeriod(movement.month) && isResultAccount(movement.account) ? column : null;
  };
  for (const movement of ledger.totals) {
    const column = imported(movement);
    if (!column) continue;
    ledgerTotals.add("", column, movement.ore);
    const monthKey = `${column}\u0001${movement.account}\u0001${movement.month}`;
    monthTotals.set(monthKey, (monthTotals.get(monthKey) ?? 0) + movement.ore);
    const post = postOf(movement.account);
    if (post === null) unmappedAccounts.add(movement.account, column, movement.ore);
    else posts.add(post, column, movement.ore);
  }

  const activities = new OreSums();
  const unmappedObjects = new OreSums();
  const objectSums = new OreSums();
  for (const movement of ledger.objects) {
    const column = imported(movement);
    if (!column || !dimensions.has(movement.dimension) || postOf(movement.account) === null)
      continue;
    objectSums.add(
      `${movement.account}\u0001${movement.dimension}\u0001${movement.month}`,
      column,
      movement.ore
    );
    const activity = activityOf(movement.dimension, movement.object);
    if (activity === null)
      unmappedObjects.add(objectNameKey(movement.dimension, movement.object), column, movement.ore);
    else activities.add(activity, column, movement.ore);
  }

  const totalsVersusObjects: TotalVersusObjects[] = [];
  for (const [key, row] of objectSums.sums) {
    const [account, dimension, month] = key.split("\u0001");
    for (const [column, ore] of row) {
      const total = monthTotals.get(`${column}\u0001${account}\u0001${month}`) ?? 0;
      if (total === ore) continue;
      totalsVersusObjects.push({
        column,
        account,
        name: accountName(account),
        dimension: Number(dimension),
        month: Number(month),
        total: toUnit(total),
        objects: toUnit(ore),
      });
    }
  }

  const postNames = unique(mapping.accounts.map((range) => range.post));
  const activityNames = unique(mapping.objects.map((range) => range.activity));
  const sumOf = (sums: OreSums, names: readonly string[], column: ImportColumn) =>
    names.reduce((sum, name) => sum + sums.get(name, column), 0);
  const totals: Partial<Record<ImportColumn, ColumnTotals>> = {};
  for (const column of columns) {
    totals[column] = {
      ledger: toUnit(ledgerTotals.get("", column)),
      incomeStatement: toUnit(sumOf(posts, postNames, column)),
      operatingStatement: toUnit(sumOf(activities, activityNames, column)),
    };
  }

  const nonZero = (sums: OreSums, key: string) =>
    [...(sums.sums.get(key)?.values() ?? [])].some((ore) => ore !== 0);
  return {
    frame,
    columns,
    columnsWithoutData: IMPORT_COLUMNS.filter((column) => !withData.has(column)),
    posts: postNames.map((name) => ({ name, amounts: amountsOf(posts, name, columns) })),
    activities: activityNames.map((name) => ({
      name,
      amounts: amountsOf(activities, name, columns),
    })),
    reconciliation: {
      totals,
      unmappedAccounts: [...unmappedAccounts.sums.keys()]
        .filter((account) => nonZero(unmappedAccounts, account))
        .sort()
        .map((account) => ({
          account,
          name: accountName(account),
          amounts: amountsOf(unmappedAccounts, account, columns),
        })),
      unmappedObjects: [...unmappedObjects.sums.keys()]
        .filter((key) => nonZero(unmappedObjects, key))
        .map((key) => {
          const [dimension, object] = key.split("\u0001");
          return {
            dimension: Number(dimension),
            object,
            name: ledger.objectNames.get(key) ?? "",
            amounts: amountsOf(unmappedObjects, key, columns),
          };
        })
        .sort((a, b) => a.dimension - b.dimension || swedish.compare(a.object, b.object)),
      totalsVersusObjects: totalsVersusObjects.sort(
        (a, b) =>
          a.account.localeCompare(b.account) || a.dimension - b.dimension || a.month - b.month
      ),
      resultsVersusMovements: resultsVersusMovements(ledger, toUnit, accountName),
      derivedTotals: ledger.derivedTotals
        .filter(
          ({ kind, year, account }) => columnOf(kind, year, frame) && isResultAccount(account)
        )
        .map(({ account, dimension }) => ({ account, name: accountName(account), dimension }))
        .filter((entry, i, all) => all.findIndex((e) => e.account === entry.account) === i),
    },
  };
}

const swedish = new Intl.Collator("sv");

const unique = (names: readonly string[]) => [...new Set(names)];

/** #RES against the year's monthly movements (all twelve months), per account where both exist. */
function resultsVersusMovements(
  ledger: Ledger,
  toUnit: (ore: number) => number,
  accountName: (account: string) => string
): ResultVersusMovements[] {
  if (ledger.results.length === 0) return [];
  const yearSums = new Map<string, number>();
  for (const { kind, year, account, ore } of ledger.totals) {
    if (kind !== "utfall") continue;
    const key = `${year}\u0001${account}`;
    yearSums.set(key, (yearSums.get(key) ?? 0) + ore);
  }
  return ledger.results
    .filter(({ year }) => ledger.utfallSources.has(year))
    .filter(({ year, account, ore }) => (yearSums.get(`${year}\u0001${account}`) ?? 0) !== ore)
    .map(({ year, account, ore }) => ({
      year,
      account,
      name: accountName(account),
      movements: toUnit(yearSums.get(`${year}\u0001${account}`) ?? 0),
      result: toUnit(ore),
    }));
}
