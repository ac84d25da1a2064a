/**
 * Which Indikatorer cells a saved Kolada response fills: for each indicator whose Källa is
 * `Kolada:<KPI-id>`, Utfall takes the KPI's value for År and Utfall fg år its value for År − 1,
 * the total (gender "T") of the workbook's Kommunkod. Another kommun's rows are ignored; a
 * withdrawn row (`isdeleted`) is never used. A null value empties the cell (the figure is not
 * there, an older one would pass for it) and is named, as are a withdrawn row and a KPI with no
 * row. Plain data: every host writes the cells its own way.
 */
import { UnusableWorkbookError } from "../errors";
import type { Model } from "../model";
import { isCellError, type CellValue } from "../snapshot";
import { municipalityCode, type KoladaValue } from "./koladaResponse";

export class KoladaFillError extends UnusableWorkbookError {
  readonly code = "kolada-kan-inte-fyllas";
}

export type KoladaColumn = "actual" | "priorYear";

/** One cell the fill writes, with what stood there. */
export interface KoladaCell {
  readonly sheet: string;
  /** A1 address on the sheet. */
  readonly address: string;
  readonly column: KoladaColumn;
  readonly indicatorId: string;
  readonly kpi: string;
  readonly year: number;
  readonly before: CellValue;
  /** Null: Kolada has the row but no value; the cell is emptied. */
  readonly after: number | null;
}

export type NotFilledReason = "null" | "deleted" | "no-row";

export interface KoladaNotFilled {
  readonly sheet: string;
  readonly address: string;
  readonly indicatorId: string;
  readonly kpi: string;
  readonly year: number;
  readonly reason: NotFilledReason;
}

export interface KoladaFill {
  readonly municipality: string;
  readonly year: number;
  readonly cells: readonly KoladaCell[];
  readonly notFilled: readonly KoladaNotFilled[];
}

const KOLADA_SOURCE = /^\s*kolada\s*:\s*(\S+)\s*$/i;

/** The KPI id of a Källa such as `Kolada:N00945`; null for any other source. */
export function koladaKpi(source: string | null): string | null {
  return source === null ? null : (KOLADA_SOURCE.exec(source)?.[1]?.toUpperCase() ?? null);
}

const HEADERS: Record<KoladaColumn, string> = { actual: "Utfall", priorYear: "Utfall fg år" };

/** Kommunkod and År from Inställningar; an error naming the cell to fill when either is missing. */
function settingsOf(model: Model): { municipality: string; year: number } {
  const { values, cells } = model.settings;
  const where = (cell: { address: string } | undefined) =>
    cell ? `(bladet Inställningar, cell ${cell.address})` : "(bladet Inställningar saknar raden)";
  const municipality = municipalityCode(cells.municipalityCode?.raw ?? null);
  if (municipality === null) {
    throw new KoladaFillError(
      `${model.fileName}: Kommunkod ${where(cells.municipalityCode)} är inte ifylld med kommunens ` +
        "fyra siffror, så Tertial vet inte vilken kommuns värden som ska hämtas. Fyll i Kommunkod " +
        "(t.ex. 0381) och försök igen."
    );
  }
  if (values.year === null) {
    throw new KoladaFillError(
      `${model.fileName}: År ${where(cells.year)} är inte ifyllt, så Tertial vet inte vilket års ` +
        "värden som ska hämtas. Fyll i År (t.ex. 2024) och försök igen."
    );
  }
  return { municipality, year: values.year };
}

/** The usable value of a KPI, year and kommun: the last live "T" row wins over a withdrawn one. */
function lookup(values: readonly KoladaValue[], municipality: string) {
  const found = new Map<string, { value: number | null } | "deleted">();
  for (const v of values) {
    if (v.municipality !== municipality || v.gender !== "T") continue;
    const key = `${v.kpi}|${v.period}`;
    if (v.deleted) {
      if (!found.has(key)) found.set(key, "deleted");
    } else found.set(key, { value: v.value });
  }
  return (kpi: string, year: number) => found.get(`${kpi}|${year}`);
}

export function planKoladaFill(model: Model, values: readonly KoladaValue[]): KoladaFill {
  const { municipality, year } = settingsOf(model);
  const find = lookup(values, municipality);
  const cells: KoladaCell[] = [];
  const notFilled: KoladaNotFilled[] = [];
  for (const row of model.indicators) {
    const kpi = koladaKpi(row.cells.source.value);
    if (kpi === null) continue;
    const indicatorId = row.cells.id.value ?? `rad ${row.row}`;
    for (const [column, wanted] of [
      ["actual", year],
      ["priorYear", year - 1],
    ] as const) {
      const cell = row.cells[column];
      const at = { sheet: row.sheet, address: cell.address, indicatorId, kpi, year: wanted };
      if (cell.absent) {
        throw new KoladaFillError(
          `${model.fileName}: tabellen Indikatorer saknar kolumnen ${HEADERS[column]} (bladet ` +
            `${row.sheet}). Lägg tillbaka kolumnen och försök igen.`
        );
      }
      const hit = find(kpi, wanted);
      if (hit === undefined || hit === "deleted") {
        notFilled.push({ ...at, reason: hit === undefined ? "no-row" : "deleted" });
        continue;
      }
      cells.push({ ...at, column, before: cell.raw, after: hit.value });
      if (hit.value === null) notFilled.push({ ...at, reason: "null" });
    }
  }
  return { municipality, year, cells, notFilled };
}

const REASONS: Record<NotFilledReason, string> = {
  null: "Kolada har raden men inget värde; cellen lämnas tom",
  deleted: "raden är borttagen i Kolada (isdeleted)",
  "no-row": "filen har ingen rad för det året och kommunen",
};

/** One Swedish line per cell not filled, naming the sheet, cell, indicator, KPI and year. */
export function notFilledLines(fill: KoladaFill): string[] {
  return fill.notFilled.map(
    (n) =>
      `${n.sheet}!${n.address} (indikator ${n.indicatorId}, Kolada:${n.kpi}, ${n.year}, ` +
      `kommun ${fill.municipality}): ${REASONS[n.reason]}.`
  );
}

/** A value as the user typed it, with a decimal comma (no rounding: the list shows what went). */
function shown(value: CellValue): string {
  if (typeof value === "number") return String(value).replace(".", ",").replace("-", "−");
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return `"${String(value)}"`;
}

/** One line per cell whose earlier value the fill replaced (an unchanged or empty one is not). */
export function replacedLines(fill: KoladaFill): string[] {
  return fill.cells
    .filter((c) => c.before !== null && c.before !== "" && c.before !== c.after)
    .map(
      (c) =>
        `${c.sheet}!${c.address} (indikator ${c.indicatorId}, ${HEADERS[c.column]}): ` +
        `${shown(c.before)} ersattes med ${c.after === null ? "tomt" : shown(c.after)}.`
    );
}

export const KOLADA_CREDIT = "Källa: Kolada";

/**
 * The line under a report table of these indicators: "Källa: Kolada" when one of them shows a
 * value from Kolada (Källa Kolada:<KPI-id> and an Utfall or Utfall fg år), else null — Kolada's
 * terms ask for the credit wherever its data is shown, and only there.
 */
export function koladaCredit(rows: Model["indicators"]): string | null {
  const shown = rows.some(
    (r) =>
      koladaKpi(r.cells.source.value) !== null &&
      (r.cells.actual.value !== null || r.cells.priorYear.value !== null)
  );
  return shown ? KOLADA_CREDIT : null;
}

/** The filled workbook's name: `<namn> Kolada.xlsx`, the CLI's default and the pane's file. */
export function koladaFileName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, "")} Kolada.xlsx`;
}
