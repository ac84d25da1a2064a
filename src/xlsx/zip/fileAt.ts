/**
 * A file on disk as a RandomAccessFile (packageAt.ts): positioned reads through one file handle,
 * so recognising a package reads only the parts it needs, never the whole file. Opened
 * non-blocking: a target swapped for a FIFO after it was checked cannot hang the open.
 */
import { constants, promises as fs } from "node:fs";
import type { RandomAccessFile } from "./packageAt";

/** `use` called with the file open for positioned reads; the handle is closed afterwards. */
export async function withFileAt<T>(
  file: string,
  use: (file: RandomAccessFile) => Promise<T>
): Promise<T> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      async readAt(position, length) {
        const bytes = new Uint8Array(Math.max(0, Math.min(length, size - position)));
        let read = 0;
        while (read < bytes.length) {
          const { bytesRead } = await handle.read(
            bytes,
            read,
            bytes.length - read,
            position + read
          );
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return bytes.subarray(0, read);
      },
    });
  } finally {
    await handle.close();
  }
}
