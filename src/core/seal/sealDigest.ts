/**
 * The seal of a ready-mark: a digest of the workbook's data as read — every setting but the four
 * ready-mark cells, and every table's rows — so that Klarmarkera can record what was marked ready
 * and validation can tell when it changed afterwards. Formatting, own sheets, own columns and the
 * product's report sheets are outside it: the report is made from this data alone, so only a
 * change here changes what was signed (a bold font or a note on an own sheet does not).
 */
import { sha256Hex } from "../contentDigest";
import type { Model, ModelCell } from "../model";
import type { CellValue } from "../snapshot";
import type { SettingKey } from "../template/definition";

/** The ready-mark cells Klarmarkera writes: what the seal covers cannot include them. */
export const READY_MARK_KEYS = [
  "readyMark",
  "readyBy",
  "readyDate",
  "readyDigest",
] as const satisfies readonly SettingKey[];

const SEALED_OUT: ReadonlySet<string> = new Set(READY_MARK_KEYS);

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Office.js reads a date cell as its serial number, a package reader as a Date: both become the
 * serial, so the Excel pane and the CLI compute the same seal of the same workbook.
 */
function hostNeutral(value: CellValue): CellValue {
  return value instanceof Date ? (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS : value;
}

/**
 * The seal of the Model's data: 64 hex digits (SHA-256), the same in every host. One pass over the
 * Model, each row as an array in the definition's column order (computed columns left out: the
 * product recomputes them): on a 13,000-row workbook a third of the time an object per row takes.
 */
export function sealDigest(model: Model): string {
  const settings: [string, CellValue][] = [];
  for (const setting of model.template.settings) {
    const cell = model.settings.cells[setting.key];
    if (cell && !SEALED_OUT.has(setting.key)) settings.push([setting.key, hostNeutral(cell.raw)]);
  }
  const tables: Record<string, CellValue[][]> = {};
  for (const def of model.template.tableList) {
    if (def.key === "settings") continue;
    const columns = def.columns.filter((c) => c.kind !== "computed").map((c) => c.key);
    tables[def.key] = model.tables[def.key].rows.map((row) => {
      const cells: Readonly<Record<string, ModelCell<unknown> | undefined>> = row.cells;
      return columns.map((key) => {
        const cell = cells[key];
        return cell && !cell.absent ? hostNeutral(cell.raw) : null;
      });
    });
  }
  const canonical = JSON.stringify({ version: model.template.version, settings, tables });
  return sha256Hex(new TextEncoder().encode(canonical));
}
