/**
 * The workbook's own mapping (Kontoplan: tblKontomappning, tblObjektmappning) as the ledger
 * reader's LedgerMapping. Rows the validation reports as unusable (an end missing or not a whole
 * number, no Post) map nothing here rather than something guessed.
 */
import type { LedgerMapping } from "../ledger/mapping";
import type { Model } from "../model";

const wholeNumber = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;

const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;

/** An object end as typed: text, or a number typed into the text column. */
const objectEnd = (value: unknown, raw: unknown): string | null =>
  text(value) ?? (typeof raw === "number" && Number.isFinite(raw) ? String(raw) : null);

export function mappingOf(model: Model): LedgerMapping {
  const accounts = model.accountMapping.flatMap(({ cells }) => {
    const from = wholeNumber(cells.accountFrom.value);
    const to = wholeNumber(cells.accountTo.value);
    const post = text(cells.post.value);
    return from !== null && to !== null && post !== null ? [{ from, to, post }] : [];
  });
  const objects = model.objectMapping.flatMap(({ cells }) => {
    const dimension = wholeNumber(cells.dimension.value);
    const from = objectEnd(cells.objectFrom.value, cells.objectFrom.raw);
    const to = objectEnd(cells.objectTo.value, cells.objectTo.raw);
    const activity = text(cells.activity.value);
    return dimension !== null && from !== null && to !== null && activity !== null
      ? [{ dimension, from, to, activity }]
      : [];
  });
  return { accounts, objects };
}
