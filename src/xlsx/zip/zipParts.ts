/**
 * Writes parts into a zip package (APPNOTE 6.3; no zip64: the limits of core/limits.ts keep every
 * package far below 4 GB). Deflates with the platform's own `CompressionStream`, which runs outside
 * JavaScript (in Node on its worker threads, all parts at once): several times faster than a
 * JavaScript deflate; JSZip where there is none (jszipFallback.ts). No Node imports: the page
 * writes workbooks too.
 */
import { crc32 } from "./crc32";
import { jszipDeflate } from "./jszipFallback";

export interface ZipPart {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The bytes' CRC-32, when already known (e.g. from the zip they come from). */
  readonly crc32?: number;
}

const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const VERSION = 20;
/** 1980-01-01 00:00, the first DOS date: the same parts give the same bytes. */
const DOS_DATE = (1 << 5) | 1;

async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  // The part goes in as one chunk: a Blob's stream hands it over in 64 kB chunks, each a round of
  // JavaScript promises (in Node a fifth of a second of the main thread for a 22 MB Word body).
  const part = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      // Never a SharedArrayBuffer here: the bytes are an encoded or written part.
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  return new Uint8Array(
    await new Response(part.pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer()
  );
}

interface Packed {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly method: number;
  readonly crc32: number;
  readonly size: number;
}

export async function zipParts(
  parts: readonly ZipPart[],
  compression: "store" | "deflate"
): Promise<Uint8Array> {
  if (compression === "deflate" && typeof CompressionStream !== "function") {
    return jszipDeflate(parts);
  }
  const encoder = new TextEncoder();
  const packed: Packed[] = await Promise.all(
    parts.map(async (part) => ({
      name: encoder.encode(part.name),
      data: compression === "deflate" ? await deflated(part.bytes) : part.bytes,
      method: compression === "deflate" ? DEFLATED : STORED,
      crc32: part.crc32 ?? crc32(part.bytes),
      size: part.bytes.length,
    }))
  );
  const localSize = packed.reduce((sum, p) => sum + 30 + p.name.length + p.data.length, 0);
  const directorySize = packed.reduce((sum, p) => sum + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of packed) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, UTF8_NAME, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, p.crc32, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  packed.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, UTF8_NAME, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, p.crc32, true);
    view.setUint32(at + 20, p.data.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    // Extra and comment lengths, disk number, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, packed.length, true);
  view.setUint16(at + 10, packed.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
