/**
 * The zip archive's local entry headers as the workbook guard (zip-guard.ts) reads them,
 * and the failures that name an entry.
 */
import { type FileFailureError, invalidFile, limitExceeded } from './limits';

export const LOCAL_HEADER = 0x04034b50;
export const CENTRAL_HEADER = 0x02014b50;
export const END_OF_DIRECTORY = 0x06054b50;
export const ZIP64_END_OF_DIRECTORY = 0x06064b50;
export const DATA_DESCRIPTOR = 0x08074b50;
/** An OLE compound file: an old .xls, or an .xlsx saved with a password (encrypted). */
export const OLE_SIGNATURE = 0xe011cfd0;
export const LOCAL_HEADER_BYTES = 30;
export const STORED = 0;
export const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const UNKNOWN_32 = 0xffffffff;

/** What a local header says about its entry. */
export interface LocalHeader {
  name: string;
  method: number;
  encrypted: boolean;
  /** The sizes follow the data, in a data descriptor. */
  descriptor: boolean;
  /** The stated compressed size (0 when a data descriptor gives it). */
  compressedSize: number;
  /** The header has a zip64 extra field (so a data descriptor holds 8-byte sizes). */
  zip64: boolean;
}

export function hexSignature(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/** Total length of the local header at the start of `fixed` (its first 30 bytes), name and extra field included. */
export function localHeaderLength(fixed: Buffer): number {
  return LOCAL_HEADER_BYTES + fixed.readUInt16LE(26) + fixed.readUInt16LE(28);
}

/** Reads a whole local header (signature, fixed fields, name and extra field). */
export function readLocalHeader(header: Buffer): LocalHeader {
  const flags = header.readUInt16LE(6);
  const nameLength = header.readUInt16LE(26);
  let compressedSize = header.readUInt32LE(18);
  const extra = header.subarray(LOCAL_HEADER_BYTES + nameLength);
  const zip64 = zip64Sizes(extra, header.readUInt32LE(22) === UNKNOWN_32, compressedSize === UNKNOWN_32);
  if (zip64.compressedSize !== null) compressedSize = zip64.compressedSize;
  return {
    name: header.toString('utf8', LOCAL_HEADER_BYTES, LOCAL_HEADER_BYTES + nameLength),
    method: header.readUInt16LE(8),
    encrypted: (flags & FLAG_ENCRYPTED) !== 0,
    descriptor: (flags & FLAG_DATA_DESCRIPTOR) !== 0,
    compressedSize,
    zip64: zip64.present,
  };
}

/** The sizes in a zip64 extra field (id 0x0001), present only for the fields the header marks unknown. */
function zip64Sizes(
  extra: Buffer,
  uncompressedUnknown: boolean,
  compressedUnknown: boolean,
): { present: boolean; compressedSize: number | null } {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (uncompressedUnknown) field += 8;
      const compressedSize =
        compressedUnknown && field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : null;
      return { present: true, compressedSize };
    }
    at += 4 + size;
  }
  return { present: false, compressedSize: null };
}

/** An entry that cannot be read: `zip entry <name> <what>`, naming the entry in the failure. */
export function entryFailure(entry: string, what: string): FileFailureError {
  const error = invalidFile(`zip entry ${entry} ${what}`);
  error.failure.entry = entry;
  return error;
}

/** An entry that passes a limit, naming the entry in the failure. */
export function entryLimit(entry: string, message: string): FileFailureError {
  const error = limitExceeded(message);
  error.failure.entry = entry;
  return error;
}
