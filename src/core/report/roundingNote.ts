/**
 * A table's sums are exact, its figures rounded where shown: a reader adding up the printed rows
 * may land a unit of the last decimal beside the printed sum. Such a table says so once, under it,
 * as published reports do, rather than showing sums that seem not to add up without a word.
 */
import { roundShown } from "../format";
import type { Block } from "./reportDoc";

export const ROUNDING_NOTE = "Avrundningsdifferenser kan förekomma.";

type Figures<K extends string> = Readonly<Record<K, number | null>>;

/** A sum row of a table and the rows above it that it adds up. */
export interface SumOfRows<K extends string> {
  readonly sum: Figures<K>;
  readonly rows: readonly Figures<K>[];
}

/**
 * Whether a shown sum differs from its shown rows added up, in a shown column (`keys`), by what
 * rounding explains: at most half a unit of the last decimal per term. A larger gap is no rounding
 * (a sum taken over other rows than those that show a figure) and no reason for the note.
 */
export function roundingDiffers<K extends string>(
  sums: readonly SumOfRows<K>[],
  keys: readonly K[],
  decimals: number
): boolean {
  const halfUnit = 0.5 * 10 ** -decimals;
  return sums.some(({ sum, rows }) =>
    keys.some((key) => {
      const exact = sum[key];
      if (exact === null) return false;
      const terms = rows.map((r) => r[key]).filter((v): v is number => v !== null);
      const addedUp = roundShown(
        terms.reduce((total, v) => total + roundShown(v, decimals), 0),
        decimals
      );
      const gap = Math.abs(roundShown(exact, decimals) - addedUp);
      return gap > halfUnit / 2 && gap <= halfUnit * (terms.length + 1);
    })
  );
}

/** The table, and the note under it when its printed rows do not add up to its printed sums. */
export function withRoundingNote(table: Block, differs: boolean): Block[] {
  return differs ? [table, { kind: "paragraph", text: ROUNDING_NOTE, style: "note" }] : [table];
}
