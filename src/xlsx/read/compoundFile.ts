/**
 * The few facts the reader needs from an OLE2 compound file (CFB, [MS-CFB]): the names of the
 * streams it holds. Both an old binary workbook (.xls, a `Workbook` stream) and a password-protected
 * .xlsx (`EncryptionInfo` and `EncryptedPackage` streams) are compound files, and the message to the
 * user depends on which one it is.
 */

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const END_OF_CHAIN = 0xfffffffe;
/** Sector numbers at or above this are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const STREAM_OBJECT = 2;

/** The file is not a readable compound file (truncated or damaged). */
export class CompoundFileError extends Error {}

export function hasCfbSignature(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Names of all streams in the compound file, in directory order. */
export function compoundFileStreamNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512 || !hasCfbSignature(bytes)) throw new CompoundFileError("no CFB header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (offset: number) => {
    if (offset + 4 > bytes.length) throw new CompoundFileError("read past the end");
    return view.getUint32(offset, true);
  };
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new CompoundFileError("bad sector size");
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const maxSectors = Math.ceil(bytes.length / sectorSize);

  // The FAT's own sectors are listed in the header (first 109) and then in a chain of DIFAT sectors.
  const fatSectorCount = u32(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(u32(0x4c + 4 * i));
  }
  const entriesPerSector = sectorSize / 4;
  for (
    let difat = u32(0x44), hops = 0;
    difat < MAX_REGULAR_SECTOR && fatSectors.length < fatSectorCount;
    difat = u32(sectorOffset(difat) + sectorSize - 4), hops++
  ) {
    if (hops > maxSectors) throw new CompoundFileError("DIFAT loop");
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(u32(sectorOffset(difat) + 4 * i));
    }
  }
  const nextSector = (sector: number) => {
    const fatIndex = Math.floor(sector / entriesPerSector);
    if (fatIndex >= fatSectors.length) throw new CompoundFileError("sector outside the FAT");
    return u32(sectorOffset(fatSectors[fatIndex]) + 4 * (sector % entriesPerSector));
  };

  const names: string[] = [];
  for (let sector = u32(0x30), hops = 0; sector !== END_OF_CHAIN; sector = nextSector(sector)) {
    if (sector >= MAX_REGULAR_SECTOR || ++hops > maxSectors) {
      throw new CompoundFileError("broken directory chain");
    }
    for (
      let at = sectorOffset(sector);
      at < sectorOffset(sector) + sectorSize;
      at += DIRECTORY_ENTRY_SIZE
    ) {
      if (at + DIRECTORY_ENTRY_SIZE > bytes.length)
        throw new CompoundFileError("read past the end");
      if (bytes[at + 0x42] !== STREAM_OBJECT) continue;
      // The name length in bytes includes the terminating UTF-16 null.
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64) - 2;
      let name = "";
      for (let i = 0; i < nameBytes; i += 2)
        name += String.fromCharCode(view.getUint16(at + i, true));
      names.push(name);
    }
  }
  return names;
}
