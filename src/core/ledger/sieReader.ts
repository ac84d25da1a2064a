/**
 * SIE 4 (typ 1–4, and the same records of SIE 2 and 3) read record by record. What Tertial needs:
 * #FNAMN, #RAR, #KONTO, #DIM, #OBJEKT, #PSALDO, #PBUDGET, #RES and #VER with its #TRANS; every other
 * record (#IB, #UB, #KTYP, #SRU, …) is skipped, as the standard tells a reader to do with labels it
 * does not use. #RTRANS and #BTRANS are skipped too: an added transaction is followed by the same
 * #TRANS (for older readers), and a removed one is no longer in the books.
 * Field order and meanings: sie.se, "SIE filformat ver 4C" (the label descriptions).
 */
import { parseSieAmount } from "./amount";
import { ledgerRefusal } from "./ledgerErrors";
import type { FiscalYear, ProblemList, YearResult } from "./ledger";
import { objectNameKey } from "./ledger";
import { BalanceRows, MovementSums, type MovementKind } from "./movements";
import { parsedEnd, splitSieLine, type ObjectRef, type SieField } from "./sieLine";

const HIGH = /[\u0080-\uffff]/;

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const PERIOD = /^(\d{4})(\d{2})$/;

/** "20240315" → year 2024, month 3: set by yearMonthOfDate (it runs for every #TRANS). */
const dateRead = { year: 0, month: 0 };

/** Reads "YYYYMMDD" into `dateRead`; false when it is no date. */
function yearMonthOfDate(text: string): boolean {
  if (text.length !== 8) return false;
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
    value = value * 10 + digit;
  }
  const day = value % 100;
  const month = Math.floor(value / 100) % 100;
  dateRead.year = Math.floor(value / 10_000);
  dateRead.month = month;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const text = (field: SieField | undefined): string | null =>
  typeof field === "string" ? field : null;

export class SieReader {
  companyName: string | null = null;
  sieType: number | null = null;
  /** #FORMAT as written (PC8 is the only value the standard knows). */
  declaredFormat: string | null = null;
  readonly fiscalYears: FiscalYear[] = [];
  readonly accountNames = new Map<string, string>();
  readonly dimensionNames = new Map<number, string>();
  readonly objectNames = new Map<string, string>();
  readonly balances = new BalanceRows();
  readonly vouchers = new MovementSums();
  /** #RES by year index: the index's calendar year may be given by a #RAR further on. */
  private readonly resultsByIndex: { index: number; account: string; ore: number; line: number }[] =
    [];
  /** The open voucher's date; year 0 outside a voucher. */
  private voucherYear = 0;
  private voucherMonth = 0;

  constructor(
    private readonly fileName: string,
    private readonly problems: ProblemList,
    /** Turns a single-byte file's text into its characters (ChunkDecoder); null for UTF-8. */
    private readonly recode: ((text: string) => string) | null
  ) {}

  line(raw: string, number: number): void {
    if (this.plainTransaction(raw)) return;
    const parsed = splitSieLine(raw, this.recode ?? undefined);
    if (parsed === null) return;
    if ("problem" in parsed) {
      this.problems.add(number, parsed.problem);
      return;
    }
    const fields =
      this.recode && HIGH.test(raw.slice(0, parsedEnd))
        ? this.recoded(parsed.fields)
        : parsed.fields;
    const problem = this.record(parsed.label, fields, number);
    if (problem) this.problems.add(number, `${parsed.label}: ${problem}`);
  }

  /** Object lists by their text between the braces: a file of vouchers repeats a few hundred. */
  private readonly objectLists = new Map<string, readonly ObjectRef[]>();

  /**
   * Most lines of a typ-4 file are `#TRANS konto {lista} belopp [transdat] …` with nothing unusual:
   * read here without the general tokenizer, which costs most of the time on such a file. False
   * when the line is anything else or anything about it is odd: the general path then reads it,
   * and reports what is wrong with it.
   */
  private plainTransaction(line: string): boolean {
    const label = line.indexOf("#TRANS ");
    if (label < 0 || label > 8) return false;
    for (let i = 0; i < label; i++) if (line.charCodeAt(i) > 0x20) return false;
    let at = label + 7;
    const accountEnd = line.indexOf(" ", at);
    if (accountEnd <= at || line.charCodeAt(at) === 0x22) return false;
    const account = line.slice(at, accountEnd);
    if (HIGH.test(account)) return false;
    at = accountEnd + 1;
    if (line.charCodeAt(at) !== 0x7b) return false;
    const close = line.indexOf("}", at);
    if (close < 0) return false;
    const objects = this.objectList(line.slice(at + 1, close));
    if (!objects) return false;
    at = close + 1;
    if (line.charCodeAt(at) !== 0x20) return false;
    const amountEnd = line.indexOf(" ", ++at);
    const ore = parseSieAmount(line.slice(at, amountEnd < 0 ? line.length : amountEnd));
    if (ore === null) return false;
    let year = this.voucherYear;
    let month = this.voucherMonth;
    if (amountEnd >= 0 && !line.startsWith('""', amountEnd + 1)) {
      const dateEnd = line.indexOf(" ", amountEnd + 1);
      const date = line.slice(amountEnd + 1, dateEnd < 0 ? line.length : dateEnd);
      if (date !== "") {
        if (!yearMonthOfDate(date)) return false;
        year = dateRead.year;
        month = dateRead.month;
      }
    }
    if (year === 0) return false;
    this.vouchers.add("utfall", year, month, account, objects, ore);
    return true;
  }

  /** The objects of a list's text, read once per distinct text; null when it is malformed. */
  private objectList(text: string): readonly ObjectRef[] | null {
    if (text === "") return NO_OBJECTS;
    let objects = this.objectLists.get(text);
    if (objects) return objects;
    const parsed = splitSieLine(`#L {${text}}`);
    if (parsed === null || "problem" in parsed) return null;
    const [list] = this.recode && HIGH.test(text) ? this.recoded(parsed.fields) : parsed.fields;
    if (typeof list === "string" || parsed.fields.length !== 1) return null;
    objects = list.objects;
    // A file with an object list per voucher would make the cache grow with the file.
    if (this.objectLists.size < MAX_CACHED_LISTS) this.objectLists.set(text, objects);
    return objects;
  }

  /** The fields in the file's characters: only lines whose read part holds a byte above 0x7F. */
  private recoded(fields: readonly SieField[]): SieField[] {
    const recode = this.recode!;
    return fields.map((field) =>
      typeof field === "string"
        ? recode(field)
        : {
            objects: field.objects.map(({ dimension, object }) => ({
              dimension,
              object: recode(object),
            })),
          }
    );
  }

  /** Reads one record; returns the Swedish reason when it is malformed. */
  private record(label: string, fields: readonly SieField[], number: number): string | null {
    switch (label) {
      case "#TRANS":
        return this.transaction(fields);
      case "#VER": {
        if (!yearMonthOfDate(text(fields[2]) ?? "")) {
          return `verifikationsdatumet "${text(fields[2]) ?? ""}" är inget datum (ÅÅÅÅMMDD)`;
        }
        this.voucherYear = dateRead.year;
        this.voucherMonth = dateRead.month;
        return null;
      }
      case "{":
        return null;
      case "}":
        this.voucherYear = 0;
        return null;
      case "#PSALDO":
        return this.balance("utfall", fields);
      case "#PBUDGET":
        return this.balance("budget", fields);
      case "#RES": {
        const index = Number(text(fields[0]));
        const account = text(fields[1]);
        const ore = parseSieAmount(text(fields[2]) ?? "");
        if (!Number.isInteger(index)) return `årsnumret "${text(fields[0]) ?? ""}" är inget heltal`;
        if (!account) return "kontonummer saknas";
        if (ore === null) return notAnAmount(fields[2]);
        this.resultsByIndex.push({ index, account, ore, line: number });
        return null;
      }
      case "#RAR":
        return this.fiscalYear(fields, number);
      case "#KONTO": {
        const account = text(fields[0]);
        if (!account) return "kontonummer saknas";
        this.accountNames.set(account, text(fields[1]) ?? "");
        return null;
      }
      case "#DIM":
      case "#UNDERDIM": {
        const dimension = Number(text(fields[0]));
        if (!Number.isInteger(dimension))
          return `dimensionen "${text(fields[0]) ?? ""}" är inget nummer`;
        this.dimensionNames.set(dimension, text(fields[1]) ?? "");
        return null;
      }
      case "#OBJEKT": {
        const dimension = Number(text(fields[0]));
        const object = text(fields[1]);
        if (!Number.isInteger(dimension))
          return `dimensionen "${text(fields[0]) ?? ""}" är inget nummer`;
        if (object === null) return "objektnummer saknas";
        this.objectNames.set(objectNameKey(dimension, object), text(fields[2]) ?? "");
        return null;
      }
      case "#FNAMN":
        this.companyName = text(fields[0]);
        return null;
      case "#SIETYP": {
        const type = Number(text(fields[0]));
        this.sieType = Number.isInteger(type) ? type : null;
        return null;
      }
      case "#FORMAT":
        this.declaredFormat = text(fields[0]);
        return null;
      default:
        if (!label.startsWith("#")) return "raden börjar inte med en etikett (#…)";
        // Labels are upper case in the standard; a lower-case one is read all the same.
        return label === label.toUpperCase()
          ? null
          : this.record(label.toUpperCase(), fields, number);
    }
  }

  /** `#TRANS kontonr {objektlista} belopp [transdat] [transtext] [kvantitet] [sign]`. */
  private transaction(fields: readonly SieField[]): string | null {
    const account = text(fields[0]);
    if (!account) return "kontonummer saknas";
    const objects = objectsAt(fields, 1);
    const amountAt = objects ? 2 : 1;
    const ore = parseSieAmount(text(fields[amountAt]) ?? "");
    if (ore === null) return notAnAmount(fields[amountAt]);
    const transactionDate = text(fields[amountAt + 1]) ?? "";
    let year = this.voucherYear;
    let month = this.voucherMonth;
    if (transactionDate !== "") {
      if (!yearMonthOfDate(transactionDate)) {
        return `transaktionsdatumet "${transactionDate}" är inget datum (ÅÅÅÅMMDD)`;
      }
      year = dateRead.year;
      month = dateRead.month;
    }
    if (year === 0) return "transaktionen står inte i en verifikation (#VER) med datum";
    this.vouchers.add("utfall", year, month, account, objects ?? NO_OBJECTS, ore);
    return null;
  }

  /** `#PSALDO årsnr period konto {objektlista} saldo [kvantitet]`, and #PBUDGET alike. */
  private balance(kind: MovementKind, fields: readonly SieField[]): string | null {
    const index = Number(text(fields[0]));
    if (!Number.isInteger(index)) return `årsnumret "${text(fields[0]) ?? ""}" är inget heltal`;
    const period = PERIOD.exec(text(fields[1]) ?? "");
    const month = period ? Number(period[2]) : 0;
    if (!period || month < 1 || month > 12) {
      return `perioden "${text(fields[1]) ?? ""}" är ingen månad (ÅÅÅÅMM)`;
    }
    const year = Number(period[1]);
    const fiscal = this.fiscalYears.find((y) => y.index === index);
    if (fiscal && fiscal.year !== year) {
      return `perioden ${period[0]} ligger utanför räkenskapsår ${index} (${fiscal.year})`;
    }
    const account = text(fields[2]);
    if (!account) return "kontonummer saknas";
    const objects = objectsAt(fields, 3);
    const amountAt = objects ? 4 : 3;
    const ore = parseSieAmount(text(fields[amountAt]) ?? "");
    if (ore === null) return notAnAmount(fields[amountAt]);
    this.balances.add(kind, year, month, account, objects ?? NO_OBJECTS, ore);
    return null;
  }

  /** `#RAR årsnr start slut`: refused unless a calendar year, since a kommun's year is one. */
  private fiscalYear(fields: readonly SieField[], number: number): string | null {
    const index = Number(text(fields[0]));
    const start = text(fields[1]) ?? "";
    const end = text(fields[2]) ?? "";
    if (!Number.isInteger(index)) return `årsnumret "${text(fields[0]) ?? ""}" är inget heltal`;
    if (!DATE.test(start) || !DATE.test(end))
      return "start- eller slutdatum är inget datum (ÅÅÅÅMMDD)";
    const year = Number(start.slice(0, 4));
    if (start !== `${year}0101` || end !== `${year}1231`) {
      throw ledgerRefusal.nonCalendarYear(this.fileName, number, start, end);
    }
    this.fiscalYears.push({ index, year });
    return null;
  }

  /** #RES with the calendar year of its index; those whose index no #RAR names are problems. */
  results(): YearResult[] {
    const results: YearResult[] = [];
    for (const { index, account, ore, line } of this.resultsByIndex) {
      const fiscal = this.fiscalYears.find((y) => y.index === index);
      if (fiscal) results.push({ year: fiscal.year, account, ore });
      else
        this.problems.add(
          line,
          `#RES: årsnummer ${index} finns inte bland filens räkenskapsår (#RAR)`
        );
    }
    return results;
  }
}

const NO_OBJECTS: readonly ObjectRef[] = [];

const MAX_CACHED_LISTS = 10_000;

/**
 * The object list at `at`, or null when the field there is a word: an older exporter leaves the
 * list out, and the fields after it move one place to the left.
 */
function objectsAt(fields: readonly SieField[], at: number): readonly ObjectRef[] | null {
  const field = fields[at];
  return field !== undefined && typeof field !== "string" ? field.objects : null;
}

function notAnAmount(field: SieField | undefined): string {
  const shown = text(field);
  return shown === null || shown === ""
    ? "beloppet saknas"
    : `"${shown}" är inget belopp (kronor med punkt som decimaltecken, högst två decimaler)`;
}
