/**
 * A CSV ledger export: a header row with `Konto` and `Belopp` (required), and optionally `Period`
 * (YYYYMM, YYYY-MM or a month number), `Ansvar` or `Objekt` (dimension 1's object) and `År`.
 * Separator `;`, tab or `,`, found from the header; amounts as exported (debit positive), with a
 * decimal comma or point. A row with an empty Ansvar is no object row: it reaches only the account's
 * total, i.e. the Resultaträkning.
 */
import { parseCsvAmount } from "./amount";
import type { ProblemList } from "./ledger";
import { MovementSums } from "./movements";

const SEPARATORS = [";", "\t", ","] as const;

type Column = "konto" | "belopp" | "period" | "objekt" | "ar";

const HEADERS: Record<string, Column> = {
  konto: "konto",
  belopp: "belopp",
  period: "period",
  ansvar: "objekt",
  objekt: "objekt",
  år: "ar",
};

/** The dimension a CSV's Ansvar or Objekt belongs to. */
export const CSV_OBJECT_DIMENSION = 1;

/** Fields of one CSV line; quoted fields may hold the separator and `""` for a quote. Null if a quote is left open. */
export function splitCsvLine(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line.startsWith('"', at)) {
      let value = "";
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return null;
        value += line.slice(from, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      const next = line.indexOf(separator, at);
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      value += next < 0 ? line.slice(at) : line.slice(at, next);
      fields.push(value);
      if (next < 0) return fields;
      at = next + separator.length;
    } else {
      const next = line.indexOf(separator, at);
      fields.push(next < 0 ? line.slice(at) : line.slice(at, next));
      if (next < 0) return fields;
      at = next + separator.length;
    }
  }
}

const normalise = (header: string) => header.trim().toLowerCase();

/** The separator and column positions of a header row, or null when it is no ledger's header. */
export function csvHeader(
  line: string
): { separator: string; columns: Partial<Record<Column, number>> } | null {
  for (const separator of SEPARATORS) {
    const headers = splitCsvLine(line, separator);
    if (!headers) continue;
    const columns: Partial<Record<Column, number>> = {};
    headers.forEach((header, index) => {
      const column = HEADERS[normalise(header)];
      if (column && columns[column] === undefined) columns[column] = index;
    });
    if (columns.konto !== undefined && columns.belopp !== undefined) return { separator, columns };
  }
  return null;
}

const YEAR_MONTH = /^(\d{4})-?(\d{2})$/;
const MONTH = /^\d{1,2}$/;

export class CsvReader {
  readonly sums = new MovementSums();

  constructor(
    private readonly separator: string,
    private readonly columns: Partial<Record<Column, number>>,
    private readonly problems: ProblemList
  ) {}

  line(raw: string, number: number): void {
    if (raw.trim() === "") return;
    const fields = splitCsvLine(raw, this.separator);
    if (!fields) {
      this.problems.add(number, "ett fält inom citattecken saknar avslutande citattecken");
      return;
    }
    const problem = this.row(fields);
    if (problem) this.problems.add(number, problem);
  }

  private row(fields: readonly string[]): string | null {
    const field = (column: Column) => {
      const index = this.columns[column];
      return index === undefined ? "" : (fields[index] ?? "").trim();
    };
    const account = field("konto");
    if (!/^\d+$/.test(account)) {
      return account === "" ? "Konto saknas" : `Konto "${account}" är inget kontonummer`;
    }
    const amount = field("belopp");
    const ore = parseCsvAmount(amount);
    if (ore === null) {
      return amount === ""
        ? "Belopp saknas"
        : `Belopp "${amount}" är inget belopp (kronor med decimalkomma eller decimalpunkt, högst två decimaler)`;
    }
    let year = 0;
    const yearText = field("ar");
    if (yearText !== "") {
      if (!/^\d{4}$/.test(yearText)) return `År "${yearText}" är inget årtal`;
      year = Number(yearText);
    }
    let month = 0;
    const period = field("period");
    if (this.columns.period !== undefined) {
      const yearMonth = YEAR_MONTH.exec(period);
      if (yearMonth) {
        if (year !== 0 && Number(yearMonth[1]) !== year)
          return `Period ${period} ligger inte i År ${year}`;
        year = Number(yearMonth[1]);
        month = Number(yearMonth[2]);
      } else if (MONTH.test(period)) {
        month = Number(period);
      } else {
        return period === ""
          ? "Period saknas"
          : `Period "${period}" är ingen månad (ÅÅÅÅMM, ÅÅÅÅ-MM eller 1–12)`;
      }
      if (month < 1 || month > 12)
        return `Period "${period}" är ingen månad (ÅÅÅÅMM, ÅÅÅÅ-MM eller 1–12)`;
    }
    const object = field("objekt");
    const objects = object === "" ? [] : [{ dimension: CSV_OBJECT_DIMENSION, object }];
    this.sums.add("utfall", year, month, account, objects, ore);
    return null;
  }
}
