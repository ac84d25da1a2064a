/**
 * Unpacks one zip entry, found through the central directory (zipDirectory.ts), but never more
 * than a given number of bytes: a part that inflates past it stops within one block of output
 * instead of filling memory (the declared size may lie). Deflated parts go through the platform's
 * own inflate: `DecompressionStream` (Node 18+ and every current browser), several times faster
 * than a JavaScript one on a cold start, or one the caller passes (Node's zlib, nodeInflate.ts,
 * which saves the stream's per-block round trips). Without `DecompressionStream` (Safari before
 * 16.4), JSZip inflates (jszipFallback.ts).
 */
import { crc32 } from "./crc32";
import { jszipInflate } from "./jszipFallback";
import { ZipDirectoryError, type ZipEntry } from "./zipDirectory";

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
/** Compressed input handed to the inflater at a time, so that it never runs far ahead. */
const INPUT_CHUNK = 64 * 1024;

/** The entry's packed (stored or deflated) bytes, after its local header. */
export function packedBytes(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > zip.length) throw new ZipDirectoryError("local header past the end");
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipDirectoryError("bad local header");
  const start =
    at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedBytes;
  if (end > zip.length) throw new ZipDirectoryError("entry past the end");
  return zip.subarray(start, end);
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Raw deflate data → its bytes, or null when they are more than `maxBytes`; rejects when the data
 * is damaged. `size` is what the directory declares.
 */
export type Inflate = (
  packed: Uint8Array,
  maxBytes: number,
  size: number
) => Promise<Uint8Array | null>;

/** Inflate with the platform's `DecompressionStream`, or JSZip where there is none. */
export const streamInflate: Inflate = async (packed, maxBytes, declared) => {
  if (typeof DecompressionStream !== "function") return jszipInflate(packed, maxBytes, declared);
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  // Fed as the inflater asks for more; a damaged stream rejects the reads below as well.
  const feeding = (async () => {
    for (let at = 0; at < packed.length; at += INPUT_CHUNK) {
      await writer.ready;
      // Never a SharedArrayBuffer here: the bytes come from a file or a fetch.
      const chunk = packed.subarray(at, at + INPUT_CHUNK) as Uint8Array<ArrayBuffer>;
      void writer.write(chunk).catch(() => undefined);
    }
    await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  await feeding;
  return joined(chunks, size);
};

/**
 * The entry's bytes, or null when it holds more than `maxBytes`. Throws ZipDirectoryError when it
 * is damaged (its size or CRC-32 is not the declared one), encrypted or packed with a method other
 * than store or deflate.
 */
export async function unpackPart(
  zip: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  inflate: Inflate = streamInflate
): Promise<Uint8Array | null> {
  if (entry.encrypted) throw new ZipDirectoryError("encrypted entry");
  const packed = packedBytes(zip, entry);
  let bytes: Uint8Array | null;
  if (entry.method === STORED) bytes = packed.length > maxBytes ? null : packed;
  else if (entry.method === DEFLATED) {
    bytes = await inflate(packed, maxBytes, entry.uncompressedBytes).catch(() => {
      throw new ZipDirectoryError("damaged deflate stream");
    });
  } else throw new ZipDirectoryError("unknown compression method");
  // Damaged data can inflate without a deflate error, e.g. to a shorter part.
  if (bytes && (bytes.length !== entry.uncompressedBytes || crc32(bytes) !== entry.crc32)) {
    throw new ZipDirectoryError("size or CRC-32 differs from the directory");
  }
  return bytes;
}
