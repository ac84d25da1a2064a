/**
 * A ledger file read from byte chunks in bounded memory: the host feeds the chunks as they come
 * (Node's read stream, a browser File's stream), the reader splits lines on the bytes, lets the
 * SIE reader read a plain voucher line from its bytes, decodes every other line in the encoding
 * it detected from the first bytes, and hands it to the SIE or CSV reader, which sum as they go.
 * Memory: the detection window (1 MiB), one line, and the sums.
 */
import {
  chunkDecoder,
  decideEncoding,
  DETECTION_WINDOW_BYTES,
  EncodingSniffer,
  evidenceDecides,
  type ChunkDecoder,
  type LedgerEncoding,
} from "./encoding";
import { CsvReader, csvHeader } from "./csvReader";
import type { Ledger, UtfallSource } from "./ledger";
import { ProblemList } from "./ledger";
import { ledgerRefusal, MAX_LEDGER_FILE_BYTES, MAX_LEDGER_LINE_CHARS } from "./ledgerErrors";
import type { Movements } from "./movements";
import { copyOf } from "./sieBytes";
import { SieReader } from "./sieReader";

export interface LedgerReader {
  /** The next bytes of the file. Throws UnreadableLedgerError when the file cannot be a ledger. */
  push(chunk: Uint8Array): void;
  /** The file has ended: what it holds. */
  finish(): Ledger;
}

/** Reads a whole file given as chunks (an async iterable: a Node stream, a web ReadableStream). */
export async function readLedger(
  fileName: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits?: LedgerLimits
): Promise<Ledger> {
  const reader = createLedgerReader(fileName, limits);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

/** The cap as a constant of this module: read per line, not through the other's exports. */
const LINE_CAP = MAX_LEDGER_LINE_CHARS;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Does the file, past a BOM and blank space, start with a SIE label? */
function startsWithLabel(bytes: Uint8Array): boolean {
  for (
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    i < bytes.length;
    i++
  ) {
    const byte = bytes[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a) continue;
    return byte === 0x23; // #
  }
  return false;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** The file size cap, lowered by a host that knows better (and by the tests). */
export interface LedgerLimits {
  readonly maxBytes: number;
}

export function createLedgerReader(
  fileName: string,
  { maxBytes }: LedgerLimits = { maxBytes: MAX_LEDGER_FILE_BYTES }
): LedgerReader {
  const problems = new ProblemList();
  let byteCount = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytesSinceNewline = 0;
  const sniffer = new EncodingSniffer();
  let encoding: LedgerEncoding | null = null;
  let declaredEncoding: LedgerEncoding | null = null;
  let decoder: ChunkDecoder | null = null;
  /** The bytes of a line the last chunk cut: a copy, since a host may reuse its chunk. */
  let carry: Uint8Array | null = null;
  let lineNumber = 0;
  let sie: SieReader | null = null;
  let csv: CsvReader | null = null;

  const line = (text: string) => {
    if (text.length > MAX_LEDGER_LINE_CHARS) throw ledgerRefusal.lineTooLong(fileName, lineNumber);
    if (sie) return sie.line(text, lineNumber);
    // A CSV export has no voucher texts to skip: each line is recoded whole.
    if (csv) return csv.line(decoder!.recode(text), lineNumber);
    if (text.trim() === "") return;
    if (text.trimStart().startsWith("#")) {
      sie = new SieReader(
        fileName,
        problems,
        encoding === "UTF-8" ? null : decoder!.recode,
        decoder!.decode
      );
      return sie.line(text, lineNumber);
    }
    const header = csvHeader(decoder!.recode(text));
    if (!header) throw ledgerRefusal.notLedger(fileName);
    csv = new CsvReader(header.separator, header.columns, problems);
  };

  /** The line `start`…`end` of `bytes` (its line break left out). */
  const lineBytes = (bytes: Uint8Array, start: number, end: number) => {
    lineNumber++;
    // A line within the cap in bytes is within it in characters; a longer one is counted below.
    if (sie && end - start <= LINE_CAP && sie.plainLine(bytes, start, end)) return;
    line(decoder!.decode(bytes.subarray(start, end)));
  };

  /** Up to the line break at `newline`, a CR before it left out. */
  const lineBefore = (bytes: Uint8Array, start: number, newline: number) =>
    lineBytes(bytes, start, newline > start && bytes[newline - 1] === 0x0d ? newline - 1 : newline);

  const lines = (chunk: Uint8Array) => {
    let from = 0;
    if (carry) {
      const newline = chunk.indexOf(0x0a);
      const joined = concat([carry, newline < 0 ? chunk : chunk.subarray(0, newline)]);
      carry = null;
      if (newline < 0) return keep(joined);
      lineBefore(joined, 0, joined.length);
      from = newline + 1;
    }
    // Buffer's indexOf in Node (memchr), the typed array's in a browser.
    for (
      let newline = chunk.indexOf(0x0a, from);
      newline >= 0;
      newline = chunk.indexOf(0x0a, from)
    ) {
      lineBefore(chunk, from, newline);
      from = newline + 1;
    }
    if (from < chunk.length) keep(copyOf(chunk, from, chunk.length));
  };

  /**
   * The start of a line the chunk cut, kept for the next. Refused once past the cap: in
   * characters for the single-byte encodings, in UTF-8 once no count of characters could
   * be under it (the whole line is counted in characters when it ends).
   */
  const keep = (bytes: Uint8Array) => {
    const cap = encoding === "UTF-8" ? 4 * MAX_LEDGER_LINE_CHARS : MAX_LEDGER_LINE_CHARS;
    if (bytes.length > cap) throw ledgerRefusal.lineTooLong(fileName, lineNumber + 1);
    carry = bytes;
  };

  const decide = () => {
    const window = concat(pending);
    if (window.length >= 4 && ZIP_SIGNATURE.every((byte, i) => window[i] === byte)) {
      throw ledgerRefusal.workbook(fileName);
    }
    const isSie = startsWithLabel(window);
    encoding = decideEncoding(sniffer.evidence(), isSie ? "CP437" : "Windows-1252");
    const head = new TextDecoder("windows-1252").decode(window.subarray(0, 64 * 1024));
    if (isSie && encoding !== "CP437" && /^[ \t]*#FORMAT[ \t]+"?PC8/im.test(head)) {
      declaredEncoding = "CP437";
    }
    decoder = chunkDecoder(encoding);
    pending = [];
    lines(window);
  };

  return {
    push(chunk) {
      byteCount += chunk.length;
      if (byteCount > maxBytes) throw ledgerRefusal.tooLarge(fileName, maxBytes);
      if (decoder) return lines(chunk);
      pending.push(chunk);
      sniffer.add(chunk);
      pendingBytes += chunk.length;
      const newline = chunk.lastIndexOf(0x0a);
      bytesSinceNewline =
        newline < 0 ? bytesSinceNewline + chunk.length : chunk.length - newline - 1;
      // A line past the cap is refused at once, not after the whole window is buffered.
      if (
        pendingBytes >= DETECTION_WINDOW_BYTES ||
        bytesSinceNewline > MAX_LEDGER_LINE_CHARS ||
        evidenceDecides(sniffer.evidence())
      ) {
        decide();
      }
    },
    finish() {
      if (!decoder) decide();
      if (carry) lineBytes(carry, 0, carry.length);
      carry = null;
      sie?.finish();
      const common = {
        fileName,
        encoding: encoding!,
        declaredEncoding,
        problems: problems.problems,
        lineCount: lineNumber,
        byteCount,
      };
      if (sie) return sieLedger(sie, problems, common);
      if (csv) return csvLedger(csv, problems, common);
      throw ledgerRefusal.notLedger(fileName);
    },
  };
}

type Common = Pick<
  Ledger,
  "fileName" | "encoding" | "declaredEncoding" | "problems" | "lineCount" | "byteCount"
>;

function sieLedger(sie: SieReader, problems: ProblemList, common: Common): Ledger {
  const results = sie.results();
  // A year's utfall: its #PSALDO when the file has any for it, else its vouchers summed by month.
  const balanceYears = new Set(sie.balances.yearsOf("utfall"));
  const balances = sie.balances.movements(
    (kind, year) => kind === "budget" || balanceYears.has(year)
  );
  const vouchers = sie.vouchers.movements((year) => !balanceYears.has(year));
  const utfallSources = new Map<number, UtfallSource>();
  for (const year of sie.vouchers.years())
    if (!balanceYears.has(year)) utfallSources.set(year, "TRANS");
  for (const year of balanceYears) utfallSources.set(year, "PSALDO");
  const movements: Movements = {
    totals: [...balances.totals, ...vouchers.totals],
    objects: [...balances.objects, ...vouchers.objects],
    derivedTotals: balances.derivedTotals,
  };
  return {
    ...common,
    ...movements,
    format: "SIE",
    sieType: sie.sieType,
    companyName: sie.companyName,
    fiscalYears: sie.fiscalYears,
    years: yearsOf(
      movements,
      sie.fiscalYears.map((y) => y.year)
    ),
    utfallSources,
    accountNames: sie.accountNames,
    dimensionNames: sie.dimensionNames,
    objectNames: sie.objectNames,
    results,
    problems: problems.problems,
    problemCount: problems.count,
  };
}

function csvLedger(csv: CsvReader, problems: ProblemList, common: Common): Ledger {
  const movements = csv.sums.movements(() => true);
  return {
    ...common,
    ...movements,
    format: "CSV",
    sieType: null,
    companyName: null,
    fiscalYears: [],
    years: yearsOf(movements, []),
    utfallSources: new Map(csv.sums.years().map((year) => [year, "CSV"])),
    accountNames: new Map(),
    dimensionNames: new Map(),
    objectNames: new Map(),
    results: [],
    problems: problems.problems,
    problemCount: problems.count,
  };
}

function yearsOf(movements: Movements, fiscal: readonly number[]): number[] {
  const years = new Set(fiscal);
  for (const { year } of movements.totals) years.add(year);
  return [...years].sort((a, b) => a - b);
}
