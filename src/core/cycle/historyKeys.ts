/**
 * Historik's Nyckel for every row of a table the roll closes: the row's key (Post, Verksamhet,
 * Investering, Risk-, Åtgärds- or Kontroll-ID) when it names the row alone, else a key made from
 * the input's sheet row, so that no value of a row without a usable key is lost or mixed up with
 * another row's. The rule, in CONTEXT.md ("Historik's Nyckel"):
 *
 * - an empty key: `rad 12`;
 * - an error value, a key an earlier row of the table already has, or a key that itself looks like
 *   a made one (`rad 7`, `… (rad 7)`): the key's text and the row, `#REF! (rad 12)`, `Övrigt (rad 14)`.
 *
 * So a made key never equals a real one, and the keys of one table are unique.
 */
import type { ModelRow } from "../model";
import { readText } from "../parse/values";
import { isCellError } from "../snapshot";

export interface HistoryKey {
  readonly key: string;
  /** The row's own key, as it stood: what earlier periods' Historik rows were recorded under. */
  readonly own: boolean;
}

const MADE_KEY = /(^rad \d+$)|( \(rad \d+\)$)/;

export function historyKeys(rows: readonly ModelRow[], keyColumn: string): HistoryKey[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const cell = row.cells[keyColumn];
    const raw = !cell || cell.absent ? null : cell.raw;
    const text = isCellError(raw) ? raw.error : readText(raw);
    if (text === null) return { key: `rad ${row.row}`, own: false };
    const own = !isCellError(raw) && !seen.has(text) && !MADE_KEY.test(text);
    seen.add(text);
    return own ? { key: text, own } : { key: `${text} (rad ${row.row})`, own };
  });
}
