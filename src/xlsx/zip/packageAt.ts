/**
 * The parts of a zip package read by position, never the whole file: the end of the central
 * directory from the file's last 64 KB, then the directory, then only the parts asked for, each
 * read and unpacked under a limit. Recognising Tertial's own report at a target (reportMarker.ts,
 * documentMarker.ts) costs the same for a 30 KB report and a 3 GB file someone else made. No Node
 * imports: the caller passes the reads (a file handle in Node, fileAt.ts; bytes in memory here).
 */
import { MAX_PACKAGE_PARTS, MAX_PART_UNPACKED_BYTES } from "../../core/limits";
import { unpackPart, type Inflate } from "./unpackPart";
import { ZipDirectoryError, zipDirectory, type ZipEntry } from "./zipDirectory";

/** Up to `length` bytes of the file from `position` (fewer only at its end). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/** A file read by position: a file handle, or bytes already in memory. */
export interface RandomAccessFile {
  readonly size: number;
  readonly readAt: ReadAt;
}

/** Bytes in memory as a RandomAccessFile. */
export function bytesFile(bytes: Uint8Array): RandomAccessFile {
  return {
    size: bytes.length,
    readAt: async (position, length) => bytes.subarray(position, position + length),
  };
}

/** The end of central directory (22 bytes), its comment (≤ 65,535) and the zip64 records before it. */
const TAIL_BYTES = 22 + 0xffff + 20 + 56;
/** A directory of MAX_PACKAGE_PARTS entries with long names fits; a larger one is no package of ours. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
const LOCAL_HEADER_SIZE = 30;

export interface PackageParts {
  /** Every entry's name, as the directory lists them. */
  readonly names: readonly string[];
  /**
   * The part's bytes; null when it is missing or holds more than `maxBytes` (default: the
   * reader's per-part limit). Throws ZipDirectoryError when the part is damaged.
   */
  part(name: string, maxBytes?: number): Promise<Uint8Array | null>;
}

async function readExactly(file: RandomAccessFile, position: number, length: number) {
  const bytes = await file.readAt(position, length);
  if (bytes.length !== length) throw new ZipDirectoryError("read past the end");
  return bytes;
}

/**
 * The package's directory, read by position. Throws ZipDirectoryError when the file is no zip,
 * its directory is damaged, or it is larger than any package Tertial writes would have.
 */
export async function packageParts(
  file: RandomAccessFile,
  inflate?: Inflate
): Promise<PackageParts> {
  const tailStart = Math.max(0, file.size - TAIL_BYTES);
  const tail = await readExactly(file, tailStart, file.size - tailStart);
  const { entryCount, directoryOffset } = zipDirectory(tail, tailStart);
  if (entryCount > MAX_PACKAGE_PARTS) throw new ZipDirectoryError("too many entries");
  const directoryBytes = file.size - directoryOffset;
  if (directoryOffset < 0 || directoryBytes > MAX_DIRECTORY_BYTES) {
    throw new ZipDirectoryError("directory too large");
  }
  const directory =
    directoryOffset >= tailStart
      ? zipDirectory(tail, tailStart)
      : zipDirectory(await readExactly(file, directoryOffset, directoryBytes), directoryOffset);
  const entries = new Map<string, ZipEntry>();
  for (const entry of directory.entries()) entries.set(entry.name, entry);

  return {
    names: [...entries.keys()],
    async part(name, maxBytes = MAX_PART_UNPACKED_BYTES) {
      const entry = entries.get(name);
      // A deflated part is hardly ever larger than its bytes; a stored one is exactly as large.
      if (!entry || entry.uncompressedBytes > maxBytes) return null;
      if (entry.compressedBytes > maxBytes + 1024 + maxBytes / 100) return null;
      const at = entry.localHeaderOffset;
      const header = await readExactly(file, at, LOCAL_HEADER_SIZE);
      const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
      const dataStart = LOCAL_HEADER_SIZE + view.getUint16(26, true) + view.getUint16(28, true);
      const local = await readExactly(file, at, dataStart + entry.compressedBytes);
      return unpackPart(local, { ...entry, localHeaderOffset: 0 }, maxBytes, inflate);
    },
  };
}
