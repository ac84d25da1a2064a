/**
 * SIE 4 (typ 1–4, and the same records of SIE 2 and 3) read record by record. What Tertial needs:
 * #FNAMN, #RAR, #KONTO, #DIM, #OBJEKT, #PSALDO, #PBUDGET, #RES and #VER with its #TRANS; every other
 * record (#IB, #UB, #KTYP, #SRU, …) is skipped, as the standard tells a reader to do with labels it
 * does not use. An #RTRANS (a row added to a voucher afterwards) counts through the identical
 * #TRANS that SIE 4B has follow it for older readers; one without that twin is a malformed line.
 * A #BTRANS (a removed row) is no longer in the books and counts nowhere.
 * Field order and meanings: sie.se, "SIE filformat ver 4C" (the label descriptions).
 */
import { parseSieAmount } from "./amount";
import { ledgerRefusal } from "./ledgerErrors";
import type { FiscalYear, ProblemList, YearResult } from "./ledger";
import { objectNameKey } from "./ledger";
import { BalanceRows, MovementSums, type MovementKind } from "./movements";
import { ByteKeyedCache, ByteScanner } from "./sieBytes";
import { objectListKey, parsedEnd, splitSieLine, type ObjectRef, type SieField } from "./sieLine";

const HIGH = /[\u0080-\uffff]/;

const SPACE = 0x20;
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The labels that may follow an #RTRANS before its twin #TRANS has been seen. */
const TWIN_LABELS = new Set(["#TRANS", "#RTRANS"]);

/** A voucher row read: its month, account, objects and amount (öre, ledger sign). */
interface VoucherRow {
  readonly year: number;
  readonly month: number;
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly ore: number;
}

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
  private readonly scan = new ByteScanner();
  /** The last #RTRANS, until the #TRANS that repeats it (SIE 4B) has been seen. */
  private addedRow: (VoucherRow & { readonly line: number }) | null = null;

  constructor(
    private readonly fileName: string,
    private readonly problems: ProblemList,
    /** Turns a single-byte file's text into its characters (ChunkDecoder); null for UTF-8. */
    private readonly recode: ((text: string) => string) | null,
    /** The file's bytes as the text `line` is given (ChunkDecoder's decode). */
    private readonly decode: (bytes: Uint8Array) => string
  ) {}

  line(raw: string, number: number): void {
    const parsed = splitSieLine(raw, this.recode ?? undefined);
    if (parsed === null) return;
    if ("problem" in parsed) {
      this.problems.add(number, parsed.problem);
      return;
    }
    if (this.addedRow && !TWIN_LABELS.has(parsed.label.toUpperCase())) this.unpairedAddedRow();
    const fields =
      this.recode && HIGH.test(raw.slice(0, parsedEnd))
        ? this.recoded(parsed.fields)
        : parsed.fields;
    const problem = this.record(parsed.label, fields, number);
    if (problem) this.problems.add(number, `${parsed.label}: ${problem}`);
  }

  /** The file has ended. */
  finish(): void {
    if (this.addedRow) this.unpairedAddedRow();
  }

  /**
   * Reads a line of a file of vouchers from its bytes (`start`…`end`, without the line break)
   * when it is a plain `#TRANS`, `#VER`, `{` or `}`: most of a typ-4 file, read here without
   * decoding it. False when the line is anything else or anything about it is odd: the caller
   * then decodes it for `line`, which reads it (and reports what is wrong with it).
   */
  plainLine(bytes: Uint8Array, start: number, end: number): boolean {
    if (this.addedRow) return false; // its twin is checked on the general path
    const scan = this.scan;
    const at = scan.skipBlanks(bytes, start, end);
    if (at === end) return false;
    const first = bytes[at];
    if (first === OPEN_BRACE || first === CLOSE_BRACE) {
      if (scan.skipBlanks(bytes, at + 1, end) !== end) return false;
      if (first === CLOSE_BRACE) this.voucherYear = 0;
      return true;
    }
    if (scan.wordAt(bytes, at, end, "#TRANS")) return this.plainTransaction(bytes, at + 7, end);
    if (scan.wordAt(bytes, at, end, "#VER")) return this.plainVoucher(bytes, at + 5, end);
    return false;
  }

  /** `#TRANS konto {lista} belopp [transdat] …` after its label, single spaces between. */
  private plainTransaction(bytes: Uint8Array, at: number, end: number): boolean {
    const scan = this.scan;
    const accountNumber = scan.accountAt(bytes, at, end);
    if (accountNumber < 0) return false;
    at = scan.end;
    if (at + 1 >= end || bytes[at] !== SPACE || bytes[at + 1] !== OPEN_BRACE) return false;
    const listFrom = at + 2;
    let close = listFrom;
    while (close < end && bytes[close] !== CLOSE_BRACE) close++;
    if (close >= end) return false;
    const objects = this.objectListAt(bytes, listFrom, close);
    if (!objects) return false;
    at = close + 1;
    if (at >= end || bytes[at] !== SPACE) return false;
    const ore = scan.amountAt(bytes, at + 1, end);
    if (ore === null) return false;
    let year = this.voucherYear;
    let month = this.voucherMonth;
    const dateFrom = scan.end + 1;
    const noDate =
      dateFrom >= end ||
      bytes[dateFrom] === SPACE ||
      (bytes[dateFrom] === QUOTE && bytes[dateFrom + 1] === QUOTE);
    if (!noDate) {
      if (!scan.dateAt(bytes, dateFrom, end)) return false;
      year = scan.year;
      month = scan.month;
    }
    if (year === 0) return false;
    this.vouchers.add("utfall", year, month, this.accountText(accountNumber), objects, ore);
    return true;
  }

  /** `#VER serie vernr verdatum …` after its label: only the date is read. */
  private plainVoucher(bytes: Uint8Array, at: number, end: number): boolean {
    const scan = this.scan;
    if (!scan.skipField(bytes, at, end)) return false;
    at = scan.end;
    if (at >= end || bytes[at] !== SPACE || !scan.skipField(bytes, at + 1, end)) return false;
    at = scan.end;
    if (at >= end || bytes[at] !== SPACE || !scan.dateAt(bytes, at + 1, end)) return false;
    this.voucherYear = scan.year;
    this.voucherMonth = scan.month;
    return true;
  }

  /** Account numbers' texts by their value: one string per account, not per line. */
  private readonly accountTexts = new Map<number, string>();

  private accountText(account: number): string {
    let text = this.accountTexts.get(account);
    if (text === undefined) this.accountTexts.set(account, (text = String(account)));
    return text;
  }

  /** Object lists by their bytes between the braces: a file of vouchers repeats a few hundred. */
  private readonly objectLists = new ByteKeyedCache<readonly ObjectRef[]>(MAX_CACHED_LISTS);

  /** The objects of a list's bytes, parsed once per distinct list; null when it is malformed. */
  private objectListAt(bytes: Uint8Array, from: number, to: number): readonly ObjectRef[] | null {
    if (from === to) return NO_OBJECTS;
    const cached = this.objectLists.get(bytes, from, to);
    if (cached) return cached;
    const text = this.decode(bytes.subarray(from, to));
    const parsed = splitSieLine(`#L {${text}}`);
    if (parsed === null || "problem" in parsed) return null;
    const [list] = this.recode && HIGH.test(text) ? this.recoded(parsed.fields) : parsed.fields;
    if (typeof list === "string" || parsed.fields.length !== 1) return null;
    this.objectLists.set(bytes, from, to, list.objects);
    return list.objects;
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
      case "#TRANS": {
        const row = this.voucherRow(fields);
        if (typeof row === "string") return row;
        if (this.addedRow) this.pairAddedRow(row);
        this.vouchers.add("utfall", row.year, row.month, row.account, row.objects, row.ore);
        return null;
      }
      case "#RTRANS": {
        // A row added to the voucher afterwards: SIE 4B writes it again as a #TRANS (for
        // readers that do not know #RTRANS), and that #TRANS is what counts.
        const row = this.voucherRow(fields);
        if (typeof row === "string") return row;
        if (this.addedRow) this.unpairedAddedRow();
        this.addedRow = { ...row, line: number };
        return null;
      }
      case "#BTRANS":
        return null; // a row removed from the voucher: no longer in the books
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

  /**
   * `#TRANS kontonr {objektlista} belopp [transdat] [transtext] [kvantitet] [sign]` (and
   * #RTRANS alike); a string is the reason it is malformed.
   */
  private voucherRow(fields: readonly SieField[]): VoucherRow | string {
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
    return { year, month, account, objects: objects ?? NO_OBJECTS, ore };
  }

  /** The #TRANS after an #RTRANS: its twin, or else the #RTRANS is reported. */
  private pairAddedRow(row: VoucherRow): void {
    const added = this.addedRow!;
    const twin =
      added.year === row.year &&
      added.month === row.month &&
      added.account === row.account &&
      added.ore === row.ore &&
      objectListKey(added.objects) === objectListKey(row.objects);
    if (twin) this.addedRow = null;
    else this.unpairedAddedRow();
  }

  /**
   * An #RTRANS not repeated by the #TRANS after it: the file breaks SIE 4B, and whether the row
   * belongs in the books is not Tertial's guess. Reported (the import then says it did not
   * read every line), not counted.
   */
  private unpairedAddedRow(): void {
    this.problems.add(
      this.addedRow!.line,
      "#RTRANS: en tillagd rad ska följas av samma rad som #TRANS (SIE 4B), men nästa rad är " +
        "en annan; raden räknades inte. Ta en ny export från ekonomisystemet"
    );
    this.addedRow = null;
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
