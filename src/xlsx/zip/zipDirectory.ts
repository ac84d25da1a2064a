/**
 * The entries of a zip package as its central directory declares them (APPNOTE 6.3, zip64
 * included), read from the bytes without unpacking anything: the sizes let the reader refuse a zip
 * bomb before a single part is inflated, and the offsets let it unpack only the parts it needs
 * (unpackPart.ts, which also stops a part that inflates past its limit: declared sizes may lie).
 * The bytes may be the end of a larger file (`position` says where they start in it), so a reader
 * with positioned reads (packageAt.ts) finds the directory without holding the whole file.
 */

export interface ZipEntry {
  readonly name: string;
  readonly uncompressedBytes: number;
  readonly compressedBytes: number;
  /** 0 stored, 8 deflated; anything else Tertial cannot unpack. */
  readonly method: number;
  readonly encrypted: boolean;
  /** CRC-32 of the unpacked bytes, as declared. */
  readonly crc32: number;
  /** Where the entry's local header starts. */
  readonly localHeaderOffset: number;
}

/** The bytes are not a zip whose directory can be read (truncated or damaged). */
export class ZipDirectoryError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A 32-bit size or offset of this value means "see the zip64 record". */
const ZIP64_MARK = 0xffffffff;

export interface ZipDirectory {
  /** Entries the directory claims; known before any entry is read. */
  readonly entryCount: number;
  /** Where the directory starts in the file; entries() needs the bytes from there on. */
  readonly directoryOffset: number;
  /** Reads the entries; call only once entryCount is acceptable. */
  entries(): ZipEntry[];
}

/** `bytes` are the file's bytes from `position` to its end (the whole file by default). */
export function zipDirectory(bytes: Uint8Array, position = 0): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fileSize = position + bytes.length;
  // Offsets below are positions in the file; `at - position` is where they are in `bytes`.
  const u16 = (at: number) => {
    if (at < position || at + 2 > fileSize) throw new ZipDirectoryError("read past the end");
    return view.getUint16(at - position, true);
  };
  const u32 = (at: number) => {
    if (at < position || at + 4 > fileSize) throw new ZipDirectoryError("read past the end");
    return view.getUint32(at - position, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;

  let end = -1;
  const lowest = Math.max(position, fileSize - END_OF_DIRECTORY_SIZE - MAX_COMMENT);
  for (let at = fileSize - END_OF_DIRECTORY_SIZE; at >= lowest; at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDirectoryError("no end of central directory");

  let entryCount = u16(end + 10);
  let directoryOffset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const zip64End = u64(end - 20 + 8);
    if (u32(zip64End) !== ZIP64_END_OF_DIRECTORY) throw new ZipDirectoryError("bad zip64 record");
    entryCount = u64(zip64End + 32);
    directoryOffset = u64(zip64End + 48);
  }

  const decoder = new TextDecoder();
  return {
    entryCount,
    directoryOffset,
    entries() {
      const entries: ZipEntry[] = [];
      for (let i = 0, at = directoryOffset; i < entryCount; i++) {
        if (u32(at) !== DIRECTORY_ENTRY) throw new ZipDirectoryError("bad directory entry");
        const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
        if (at + 46 + nameLength > fileSize) throw new ZipDirectoryError("name past the end");
        const nameAt = at - position + 46;
        const name = decoder.decode(bytes.subarray(nameAt, nameAt + nameLength));
        // A 32-bit field of ZIP64_MARK is in the zip64 extra field, in this order.
        const zip64 = [u32(at + 24), u32(at + 20), u32(at + 42)];
        for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
          const [id, size] = [u16(x), u16(x + 2)];
          if (id === ZIP64_EXTRA) {
            let field = x + 4;
            for (let k = 0; k < zip64.length && field + 8 <= x + 4 + size; k++) {
              if (zip64[k] !== ZIP64_MARK) continue;
              zip64[k] = u64(field);
              field += 8;
            }
          }
          x += 4 + size;
        }
        const [uncompressedBytes, compressedBytes, localHeaderOffset] = zip64;
        entries.push({
          name,
          uncompressedBytes,
          compressedBytes,
          method: u16(at + 10),
          encrypted: (u16(at + 8) & 1) === 1,
          crc32: u32(at + 16),
          localHeaderOffset,
        });
        at += 46 + nameLength + extraLength + commentLength;
      }
      return entries;
    },
  };
}
