/**
 * JSZip (its JavaScript pako) where the platform has no `DecompressionStream` or
 * `CompressionStream` (Safari before 16.4): slower, but the same bytes and the same limits.
 */
import JSZip from "jszip";

/** `ZipObject.internalStream`, documented by JSZip but missing from its index.d.ts. */
interface StreamingZipObject {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

const NAME = new TextEncoder().encode("part");

/** A zip of one deflated entry, for JSZip to inflate; it checks the size, not the CRC. */
function oneEntryZip(packed: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(30 + NAME.length + packed.length + 46 + NAME.length + 22);
  const view = new DataView(out.buffer);
  // The central directory's fields are the local header's, two bytes on ("version made by").
  const header = (at: number, signature: number, shift: number) => {
    view.setUint32(at, signature, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 4 + shift, 20, true);
    view.setUint16(at + 8 + shift, 8, true); // deflated
    view.setUint32(at + 18 + shift, packed.length, true);
    view.setUint32(at + 22 + shift, size, true);
    view.setUint16(at + 26 + shift, NAME.length, true);
  };
  header(0, 0x04034b50, 0);
  out.set(NAME, 30);
  out.set(packed, 30 + NAME.length);
  const directory = 30 + NAME.length + packed.length;
  header(directory, 0x02014b50, 2);
  out.set(NAME, directory + 46);
  const end = directory + 46 + NAME.length;
  view.setUint32(end, 0x06054b50, true);
  view.setUint16(end + 8, 1, true);
  view.setUint16(end + 10, 1, true);
  view.setUint32(end + 12, 46 + NAME.length, true);
  view.setUint32(end + 16, directory, true);
  return out;
}

/** Inflates `packed` (declared to hold `size` bytes), or null past `maxBytes`. */
export async function jszipInflate(
  packed: Uint8Array,
  maxBytes: number,
  size: number
): Promise<Uint8Array | null> {
  const zip = await JSZip.loadAsync(oneEntryZip(packed, size));
  const stream = (zip.file("part") as unknown as StreamingZipObject).internalStream("uint8array");
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    stream
      .on("data", (chunk) => {
        if (settled) return;
        total += chunk.length;
        if (total > maxBytes) {
          settled = true;
          stream.pause();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (!settled) reject(error);
        settled = true;
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        const bytes = new Uint8Array(total);
        let at = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
        resolve(bytes);
      })
      .resume();
  });
}

/** The parts deflated into a zip by JSZip. */
export function jszipDeflate(parts: readonly { name: string; bytes: Uint8Array }[]) {
  const zip = new JSZip();
  for (const part of parts) zip.file(part.name, part.bytes, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
