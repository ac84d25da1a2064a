/**
 * Unpacks one zip part, but never more than a given number of bytes: a part that inflates past
 * it stops within one 16 KB block of compressed input (at most about 16 MB more) instead of
 * filling memory. JSZip itself compares the size it inflated with the declared one only at the end.
 */
import type JSZip from "jszip";

/** `ZipObject.internalStream`, documented by JSZip but missing from its index.d.ts. */
interface StreamingZipObject {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

/** The part's bytes, or null when it holds more than `maxBytes`. Rejects when it is damaged. */
export function unpackPart(file: JSZip.JSZipObject, maxBytes: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (file as unknown as StreamingZipObject).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (size > maxBytes) {
          settled = true;
          stream.pause();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        const bytes = new Uint8Array(size);
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
