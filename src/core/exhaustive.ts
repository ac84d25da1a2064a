/**
 * Ends every switch over a union of kinds (a report block, a write operation): once each kind has
 * its case, `value` is `never` and the call compiles. A kind added to the union and not handled is
 * then a compile error at this call, in every renderer, rather than a block skipped in silence.
 * At run time it is reached only through a cast or untyped data: a bug, so it throws.
 */
export function exhaustive(value: never): never {
  throw new Error(`Unexpected value: ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null && "kind" in value) {
    return `kind ${JSON.stringify(value.kind)}`;
  }
  return JSON.stringify(value) ?? String(value);
}
