/** Groups the cells of a grid that share a key into few rectangles, so each is formatted once. */
import type { CellRange } from "../../core/snapshot";

export interface KeyedRectangle<K> extends CellRange {
  readonly key: K;
}

/**
 * Runs of equal keys along each row, extended downwards while the rows below repeat the same run.
 * `keyOf` returns null for cells that need nothing. Rows are numbered from `firstRow`.
 */
export function rectanglesOf<K extends string>(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  keyOf: (cell: unknown) => K | null
): KeyedRectangle<K>[] {
  const done: KeyedRectangle<K>[] = [];
  let open = new Map<string, { key: K; top: number; left: number; right: number }>();
  rows.forEach((cells, r) => {
    const row = firstRow + r;
    const next = new Map<string, { key: K; top: number; left: number; right: number }>();
    for (let c = 0; c < cells.length;) {
      const key = keyOf(cells[c]);
      let end = c;
      while (end + 1 < cells.length && key !== null && keyOf(cells[end + 1]) === key) end++;
      if (key !== null) {
        const id = `${c}:${end}:${key}`;
        const above = open.get(id);
        next.set(id, above ?? { key, top: row, left: c + 1, right: end + 1 });
        open.delete(id);
      }
      c = end + 1;
    }
    for (const rect of open.values()) done.push({ ...rect, bottom: row - 1 });
    open = next;
  });
  const lastRow = firstRow + rows.length - 1;
  for (const rect of open.values()) done.push({ ...rect, bottom: lastRow });
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
