/** Sums and differences over optional amounts, kept at full precision. */

/** Binary floating point turns 0.1 + 0.2 into 0.30000000000000004; this drops only that noise. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The sum of the values that are present; null when none is. */
export function sumPresent(values: Iterable<number | null>): number | null {
  let total = 0;
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    total += v;
    any = true;
  }
  return any ? clean(total) : null;
}

/** `a − b`, or null when either is missing. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : clean(a - b);
}
