/**
 * Which character set a ledger file is written in, decided from its first bytes, and a decoder that
 * turns byte chunks into text. SIE says CP437 (`#FORMAT PC8`), but some exporters write
 * Windows-1252 anyway; CSV exports are UTF-8 (with or without BOM) or Windows-1252. Since åäö are
 * different bytes in each (CP437 86 84 94, Windows-1252 E5 E4 F6), the Swedish letters decide.
 */

export type LedgerEncoding = "CP437" | "Windows-1252" | "UTF-8";

/** The encodings' names as a user reads them. */
export const ENCODING_NAMES: Record<LedgerEncoding, string> = {
  CP437: "CP437 (PC8, SIE-standardens teckenkodning)",
  "Windows-1252": "Windows-1252 (ISO-8859-1)",
  "UTF-8": "UTF-8",
};

/** CP437's characters 0x80–0xFF. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»" +
  "░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/** Windows-1252's characters 0x80–0x9F (the rest of 0xA0–0xFF is ISO-8859-1, i.e. the byte's code). */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Bytes of Swedish letters (å ä ö Å Ä Ö é ü Ü) in each single-byte encoding. */
const CP437_LETTERS = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81, 0x9a]);
const LATIN_LETTERS = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc, 0xdc]);

/** How many bytes are looked at before deciding when they hold no Swedish letter. */
export const DETECTION_WINDOW_BYTES = 1024 * 1024;

export interface EncodingEvidence {
  /** The file starts with UTF-8's byte order mark. */
  bom: boolean;
  /** The bytes seen so far are valid UTF-8 with at least one character outside ASCII. */
  utf8: boolean;
  cp437Letters: number;
  latinLetters: number;
}

/** What the first bytes say about the encoding, gathered chunk by chunk. */
export class EncodingSniffer {
  private readonly head: number[] = [];
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });
  private validUtf8 = true;
  private high = false;
  private cp437Letters = 0;
  private latinLetters = 0;

  add(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.head.length < 3; i++) this.head.push(chunk[i]);
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte < 0x80) continue;
      this.high = true;
      if (CP437_LETTERS.has(byte)) this.cp437Letters++;
      else if (LATIN_LETTERS.has(byte)) this.latinLetters++;
    }
    if (this.validUtf8) {
      try {
        this.utf8.decode(chunk, { stream: true }); // keeps a character cut between chunks
      } catch {
        this.validUtf8 = false;
      }
    }
  }

  evidence(): EncodingEvidence {
    const [a, b, c] = this.head;
    return {
      bom: a === 0xef && b === 0xbb && c === 0xbf,
      utf8: this.high && this.validUtf8,
      cp437Letters: this.cp437Letters,
      latinLetters: this.latinLetters,
    };
  }
}

/**
 * The encoding the evidence points to, or `fallback` when it holds no Swedish letter: CP437 for SIE
 * (the standard's), Windows-1252 for CSV.
 */
export function decideEncoding(
  evidence: EncodingEvidence,
  fallback: LedgerEncoding
): LedgerEncoding {
  if (evidence.bom || evidence.utf8) return "UTF-8";
  if (evidence.latinLetters > evidence.cp437Letters) return "Windows-1252";
  if (evidence.cp437Letters > evidence.latinLetters) return "CP437";
  return fallback;
}

/** Whether the evidence is strong enough to decide before the window is full. */
export function evidenceDecides(evidence: EncodingEvidence): boolean {
  return evidence.bom || evidence.utf8 || evidence.cp437Letters + evidence.latinLetters > 0;
}

/**
 * Whole lines' bytes in, text out (the reader cuts lines on bytes, so no character is ever cut).
 * For the single-byte encodings `decode` gives each byte as one character, and `recode` turns
 * the bytes above 0x7F into the file's characters: the reader recodes only the fields it keeps
 * (names, objects), since recoding every line (every voucher text) costs more than reading the
 * file.
 */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  recode(text: string): string;
}

const HIGH = /[\u0080-\uffff]/;
const HIGH_ALL = /[\u0080-\uffff]/g;

interface NodeBuffer {
  from(
    buffer: ArrayBufferLike,
    offset: number,
    length: number
  ): { toString(encoding: "latin1"): string };
}

/**
 * One character per byte, as fast as the host can: Node's TextDecoder goes through ICU for
 * single-byte encodings (ten times slower than its Buffer's latin1), browsers' is native.
 */
function singleByteDecoder(): (chunk: Uint8Array) => string {
  const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (nodeBuffer) {
    return (chunk) =>
      nodeBuffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString("latin1");
  }
  const native = new TextDecoder("windows-1252");
  return (chunk) => native.decode(chunk);
}

const identity = (text: string) => text;

export function chunkDecoder(encoding: LedgerEncoding): ChunkDecoder {
  if (encoding === "UTF-8") {
    const utf8 = new TextDecoder("utf-8"); // drops the BOM (which only the first line has)
    return { decode: (bytes) => utf8.decode(bytes), recode: identity };
  }
  const decode = singleByteDecoder();
  // What the host's decoder makes of 0x80–0xFF (Node: U+0080–U+00FF; browsers: Windows-1252,
  // € – … for 0x80–0x9F), mapped to the file's characters.
  const high = encoding === "CP437" ? CP437_HIGH : WINDOWS_1252_C1 + latinHigh();
  const decodedHigh = decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const byChar = new Map<string, string>();
  for (let i = 0; i < 128; i++) byChar.set(decodedHigh[i], high[i]);
  return {
    decode,
    recode: (text) => (HIGH.test(text) ? text.replace(HIGH_ALL, (c) => byChar.get(c) ?? c) : text),
  };
}

/** ISO-8859-1's 0xA0–0xFF: each byte is its own code point. */
function latinHigh(): string {
  return String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i));
}
