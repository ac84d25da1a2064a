/**
 * A saved response of Kolada's data API (api.kolada.se, `/data/kpi/…`), read without a network:
 * rows `{ kpi, municipality, period, values: [{ gender, value, count, status }] }`. Version 2 and
 * version 3 share that shape; version 3 adds `isdeleted` (a row Kolada has withdrawn) and
 * `next_url` (the next page, which the user saves as its own file). Kommunkod may be a number
 * (381 is "0381") and `period` a number or a string: both are normalised here.
 */
import { UnusableWorkbookError } from "../errors";

export interface KoladaValue {
  readonly kpi: string;
  /** Four digits, e.g. "0381". */
  readonly municipality: string;
  readonly period: number;
  /** "T" total, "K" kvinnor, "M" män. */
  readonly gender: string;
  /** Null when Kolada has no value (a suppressed or missing figure). */
  readonly value: number | null;
  /** Version 3's `isdeleted`: the row is withdrawn and must not be used. */
  readonly deleted: boolean;
}

export class UnreadableKoladaError extends UnusableWorkbookError {
  readonly code = "kolada-kan-inte-lasas";
}

const SAVE_ADVICE =
  "Spara svaret från Koladas API (t.ex. https://api.kolada.se/v3/data/kpi/N00945/municipality/0381) " +
  "som en .json-fil och försök igen.";

/** "381", 381 or "0381" → "0381"; null for anything that is not a code. */
export function municipalityCode(raw: unknown): string | null {
  const text = typeof raw === "number" && Number.isInteger(raw) ? String(raw) : raw;
  if (typeof text !== "string" || !/^\s*\d{1,4}\s*$/.test(text)) return null;
  return text.trim().padStart(4, "0");
}

function period(raw: unknown): number | null {
  const n = typeof raw === "string" && /^\s*\d{4}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}

function amount(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "string" && raw.trim() !== "") {
    const n = Number(raw.trim().replace(",", "."));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

const deletedFlag = (x: Record<string, unknown>) => x.isdeleted === true || x.isdeleted === "true";

/** Every value of one saved page; throws UnreadableKoladaError when it is not a Kolada data response. */
export function readKoladaPage(fileName: string, text: string): KoladaValue[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new UnreadableKoladaError(`${fileName} är inte en JSON-fil. ${SAVE_ADVICE}`);
  }
  const rows = isRecord(json) ? json.values : undefined;
  if (!Array.isArray(rows)) {
    throw new UnreadableKoladaError(
      `${fileName} är inget svar från Koladas data-API (listan "values" saknas). ${SAVE_ADVICE}`
    );
  }
  const values: KoladaValue[] = [];
  for (const row of rows) {
    if (!isRecord(row)) continue;
    const kpi = typeof row.kpi === "string" ? row.kpi.trim().toUpperCase() : null;
    const municipality = municipalityCode(row.municipality);
    const year = period(row.period);
    if (kpi === null || municipality === null || year === null || !Array.isArray(row.values))
      continue;
    for (const entry of row.values) {
      if (!isRecord(entry)) continue;
      values.push({
        kpi,
        municipality,
        period: year,
        gender: typeof entry.gender === "string" ? entry.gender.trim().toUpperCase() : "T",
        value: amount(entry.value),
        deleted: deletedFlag(row) || deletedFlag(entry),
      });
    }
  }
  return values;
}
