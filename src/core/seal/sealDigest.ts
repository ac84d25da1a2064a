/**
 * The seal of a ready-mark: a digest of the workbook's data as read — every setting but the four
 * ready-mark cells, and every table's rows — so that Klarmarkera can record what was marked ready
 * and validation can tell when it changed afterwards. Formatting, own sheets, own columns and the
 * product's report sheets are outside it: the report is made from this data alone, so only a
 * change here changes what was signed (a bold font or a note on an own sheet does not).
 */
import type { Model } from "../model";
import { contentOf } from "../template/content";
import type { SettingKey } from "../template/definition";
import type { CellValue } from "../snapshot";
import { contentDigest } from "../contentDigest";

/** The ready-mark cells Klarmarkera writes: what the seal covers cannot include them. */
export const READY_MARK_KEYS = [
  "readyMark",
  "readyBy",
  "readyDate",
  "readyDigest",
] as const satisfies readonly SettingKey[];

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Office.js reads a date cell as its serial number, a package reader as a Date: both become the
 * serial, so the Excel pane and the CLI compute the same seal of the same workbook.
 */
function hostNeutral(value: CellValue): CellValue {
  return value instanceof Date ? (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS : value;
}

/** The seal of the Model's data: 64 hex digits (SHA-256), the same in every host. */
export function sealDigest(model: Model): string {
  const { version, settings = {}, tables = {} } = contentOf(model);
  const sealed = Object.fromEntries(
    Object.entries(settings)
      .filter(([key]) => !(READY_MARK_KEYS as readonly string[]).includes(key))
      .map(([key, value]) => [key, hostNeutral(value ?? null)])
  );
  const rows = Object.fromEntries(
    Object.entries(tables).map(([key, list]) => [
      key,
      (list as readonly Readonly<Record<string, CellValue>>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, hostNeutral(v ?? null)]))
      ),
    ])
  );
  return contentDigest({ version, settings: sealed, tables: rows });
}
