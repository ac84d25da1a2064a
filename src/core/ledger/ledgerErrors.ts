/**
 * Why a ledger file (SIE or CSV) cannot be imported at all. An UnusableWorkbookError, so every host
 * shows it as it shows an unusable workbook (CLI: exit 2, nothing written). Each message names the
 * file (and the line, where one is to blame) and says what to do. A malformed line inside a usable
 * file is not an error but a LineProblem, a value the command decides about.
 */
import { UnusableWorkbookError } from "../errors";
import { formatNumber } from "../format";

const MEBIBYTE = 1024 * 1024;

/**
 * The file as stored or dropped into the browser. A typ-4 export of a large kommun's year with
 * every voucher is a few hundred MB; reading is streamed, so the cap bounds time, not memory.
 */
export const MAX_LEDGER_FILE_BYTES = 1024 * MEBIBYTE;

/** Characters of one line: a SIE record is a few dozen, a voucher text at most a few hundred. */
export const MAX_LEDGER_LINE_CHARS = 10_000;

export type LedgerRefusal =
  "not-ledger" | "workbook" | "too-large" | "line-too-long" | "non-calendar-year" | "year-missing";

export class UnreadableLedgerError extends UnusableWorkbookError {
  readonly code = "reskontra-kan-inte-lasas";
  constructor(
    readonly refusal: LedgerRefusal,
    message: string
  ) {
    super(message);
  }
}

const lineRef = (fileName: string, line: number) => `${fileName}, rad ${formatNumber(line, 0)}`;

export const ledgerRefusal = {
  notLedger: (fileName: string) =>
    new UnreadableLedgerError(
      "not-ledger",
      `${fileName} är varken en SIE-fil eller en CSV-fil med kolumnerna Konto och Belopp. ` +
        "Exportera utfallet från ekonomisystemet som SIE 4 (eller SIE 2/3), eller som CSV med " +
        "rubrikerna Konto och Belopp på första raden, och försök igen."
    ),
  workbook: (fileName: string) =>
    new UnreadableLedgerError(
      "workbook",
      `${fileName} är en Excel-arbetsbok, inte en export från ekonomisystemet. Exportera utfallet ` +
        "som SIE-fil, eller spara bladet som CSV med rubrikerna Konto och Belopp, och försök igen."
    ),
  tooLarge: (fileName: string, maxBytes: number) =>
    new UnreadableLedgerError(
      "too-large",
      `${fileName} är större än ${formatNumber(maxBytes / MEBIBYTE, 0)} MB, ` +
        "vilket Tertial inte läser. Exportera bara det år som ska importeras (utan verifikationer, " +
        "SIE typ 3, räcker för utfall per månad) och försök igen."
    ),
  lineTooLong: (fileName: string, line: number) =>
    new UnreadableLedgerError(
      "line-too-long",
      `${lineRef(fileName, line)} är längre än ${formatNumber(MAX_LEDGER_LINE_CHARS, 0)} tecken, ` +
        "så filen är ingen SIE- eller CSV-export (eller så är den skadad). Exportera filen på nytt " +
        "från ekonomisystemet och försök igen."
    ),
  nonCalendarYear: (fileName: string, line: number, start: string, end: string) =>
    new UnreadableLedgerError(
      "non-calendar-year",
      `${lineRef(fileName, line)}: räkenskapsåret går från ${isoDate(start)} till ${isoDate(end)}, ` +
        "men en kommuns räkenskapsår är ett kalenderår (1 januari–31 december) och Tertial gissar " +
        "inte hur ett brutet år ska fördelas på tertialen. Exportera ett kalenderår och försök igen."
    ),
  yearMissing: (fileName: string, year: number, years: readonly number[]) =>
    new UnreadableLedgerError(
      "year-missing",
      `${fileName} innehåller inte år ${year}, arbetsbokens År` +
        (years.length > 0
          ? ` (filen har ${years.join(", ")})`
          : " (filen har inga belopp med år)") +
        `. Exportera ${year} från ekonomisystemet, eller välj arbetsboken för rätt år, och försök igen.`
    ),
};

/** 20240501 → 2024-05-01, for the message; anything else as written. */
function isoDate(date: string): string {
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date;
}
