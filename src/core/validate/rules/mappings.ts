/**
 * tblKontomappning and tblObjektmappning (sheet Kontoplan) send every account and object to one
 * Post or Verksamhet: two ranges that share an account (or an object of the same Dimension) would
 * let the table's order decide silently where the money goes (../../ledger/mapping.ts takes the
 * first), so an overlap is a fel at the later range.
 */
import type { ModelRow } from "../../model";
import { mappings as msg } from "../messages";
import { defineRule, hitAt, type Hit } from "../rule";
import { textOf } from "../tables";

/** A range reduced to comparable ends, with the row it came from. */
interface Span<T> {
  readonly low: T;
  readonly high: T;
  readonly row: ModelRow;
  readonly shown: string;
}

/**
 * Every later span that shares a value with an earlier one, reported once against the earlier
 * span reaching furthest: sorted by low end, a sweep keeps that span (n log n, not n²).
 */
function* overlaps<T>(
  spans: readonly Span<T>[],
  compare: (a: T, b: T) => number,
  hit: (later: Span<T>, earlier: Span<T>) => Hit
): Generator<Hit> {
  const sorted = [...spans].sort((a, b) => compare(a.low, b.low) || a.row.row - b.row.row);
  const reported = new Set<ModelRow>();
  let reach: Span<T> | null = null;
  for (const span of sorted) {
    if (reach !== null && compare(span.low, reach.high) <= 0) {
      // Named in table order: the fix is usually at the row further down; each row once.
      const [later, earlier] = span.row.row > reach.row.row ? [span, reach] : [reach, span];
      if (!reported.has(later.row)) yield hit(later, earlier);
      reported.add(later.row);
    }
    if (reach === null || compare(span.high, reach.high) > 0) reach = span;
  }
}

/** An account end as a whole number; one past 2^53 (1e21) is no account and written as "1e+21". */
const integerOf = (value: unknown): number | null =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;

/**
 * Account ends are prefixes (mapping.ts's accountInRange): `4000`–`4999` holds 45611. Padded to
 * one common length (from with 0s, to with 9s) every range becomes a plain interval of numbers,
 * and two ranges share an account exactly when those intervals meet.
 */
function accountSpans(rows: readonly ModelRow[]): Span<bigint>[] {
  const ends = rows.map((row) => ({
    row,
    from: integerOf(row.cells.accountFrom?.value),
    to: integerOf(row.cells.accountTo?.value),
  }));
  const usable = ends.filter(
    (e): e is { row: ModelRow; from: number; to: number } => e.from !== null && e.to !== null
  );
  const length = Math.max(
    0,
    ...usable.flatMap((e) => [String(e.from).length, String(e.to).length])
  );
  return usable
    .map((e) => ({
      row: e.row,
      low: BigInt(String(e.from).padEnd(length, "0")),
      high: BigInt(String(e.to).padEnd(length, "9")),
      shown: `${e.from}–${e.to}`,
    }))
    .filter((span) => span.low <= span.high);
}

const compareBigints = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const swedish = new Intl.Collator("sv");

/** A Dimension's object ranges: as numbers when every end is a number, else in Swedish order (as mapping.ts compares). */
function objectSpans(rows: readonly ModelRow[]): Span<string>[] {
  const ends = rows.flatMap((row) => {
    const from = textOf(row.cells.objectFrom) ?? numberText(row.cells.objectFrom?.value);
    const to = textOf(row.cells.objectTo) ?? numberText(row.cells.objectTo?.value);
    return from !== null && to !== null ? [{ row, from, to }] : [];
  });
  return ends.map((e) => ({ row: e.row, low: e.from, high: e.to, shown: `${e.from}–${e.to}` }));
}

function numberText(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

function objectCompare(spans: readonly Span<string>[]): (a: string, b: string) => number {
  const numeric = spans.every((s) => NUMBER.test(s.low) && NUMBER.test(s.high));
  return numeric ? (a, b) => Number(a) - Number(b) : (a, b) => swedish.compare(a, b);
}

const overlappingRanges = defineRule(
  {
    code: "mappning-overlappar",
    severity: "fel",
    title: "Intervallen i kontomappningen och objektmappningen överlappar inte",
  },
  function* ({ model }) {
    yield* overlaps(accountSpans(model.accountMapping), compareBigints, (later, earlier) =>
      hitAt(
        later.row,
        later.row.cells.accountFrom,
        msg.accounts(later.shown, earlier.shown, earlier.row.row)
      )
    );
    const byDimension = new Map<number, ModelRow[]>();
    for (const row of model.objectMapping) {
      const dimension = integerOf(row.cells.dimension?.value);
      if (dimension === null) continue;
      byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), row]);
    }
    for (const [dimension, rows] of byDimension) {
      const spans = objectSpans(rows);
      const compare = objectCompare(spans);
      const ordered = spans.filter((s) => compare(s.low, s.high) <= 0);
      yield* overlaps(ordered, compare, (later, earlier) =>
        hitAt(
          later.row,
          later.row.cells.objectFrom,
          msg.objects(dimension, later.shown, earlier.shown, earlier.row.row)
        )
      );
    }
  }
);

export const MAPPING_RULES = [overlappingRanges];
