import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";
import { CasefileError } from "../errors.ts";

/**
 * A deterministic zip written one entry at a time: entries in sorted order under one top folder,
 * one fixed time, one fixed deflate level, no extra fields but ZIP64 ones when the zip needs them.
 * Only the entry being written is held in memory, with a few dozen bytes per entry for the
 * central directory. Format: PKWARE APPNOTE.TXT 6.3.10, sections 4.3 and 4.4.
 *
 * Deflate is Node's bundled zlib (Chromium's fork, much faster than fflate's JavaScript): the
 * same bytes on every run with one Node version, though a Node upgrade may change them.
 */

/**
 * A file's bytes as a zip stores them: how they are compressed, their CRC-32 and size before
 * compression, and the stored bytes. An earlier zip's entry can be written again as it is.
 */
interface StoredEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Size before compression. */
  size: number;
  /** The bytes as stored. */
  data: Uint8Array;
}

/**
 * One file of a zip: its path inside the zip's top folder and its bytes, or the entry as stored in
 * an earlier zip.
 */
export type ZipFile = readonly [name: string, bytes: Uint8Array | StoredEntry];

/** Where an entry's stored bytes lie in a written zip, to copy them into a later one. */
export interface EntryLocation {
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Size before compression. */
  size: number;
  /** Offset of the stored bytes from the start of the zip. */
  dataOffset: number;
  /** Length of the stored bytes. */
  compressedSize: number;
}

/** What a written zip holds. */
export interface ZipSummary {
  /** Entries written. */
  files: number;
  /** Bytes of the whole zip. */
  bytes: number;
}

/**
 * The deflate level: zlib's default. On a synthetic 100-incident site level 4 deflates in 0.6 of
 * the time for a 4% larger zip, level 9 takes 1.5 times as long to save 0.4%.
 */
export const zipLevel = 6;

/**
 * Entries whose bytes are compressed already, stored as they are: deflating them again costs time
 * and saves nothing. Anything else is stored too when deflate would not make it smaller.
 */
const compressedAlready = /\.(?:png|jpe?g|gif|webp|avif|woff2?|zip|gz|br|zst|wasm|pf_[a-z]+)$/i;

/**
 * The DOS date and time of every entry, 2000-01-01 00:00:00: the fixed time the zip has always
 * carried, so that the same site gives the same bytes in every time zone and on every day.
 */
const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
const dosTime = 0;

/** A 2-byte or 4-byte field at its largest says "see the ZIP64 record" (APPNOTE 4.4.1.4). */
const max16 = 0xffff;
const max32 = 0xffffffff;

/** General purpose flag bit 11: the name is UTF-8. */
const utf8Flag = 0x0800;

/** Compression methods. */
const stored = 0;
const deflated = 8;

/** "Version needed to extract": 2.0 for deflate, 4.5 for ZIP64 records. */
const version20 = 20;
const version45 = 45;

/**
 * What the central directory keeps of an entry once its bytes are written. The name stays a
 * string: a small Buffer is a slice of Node's shared 64 KiB pool and would keep it all alive.
 */
interface WrittenEntry {
  name: string;
  nameLength: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** A file's entry as stored, deflated unless that does not pay. */
function compress(name: string, bytes: Uint8Array): StoredEntry {
  const size = bytes.byteLength;
  const crc = crc32(bytes);
  if (size === 0 || compressedAlready.test(name)) return { method: stored, crc, size, data: bytes };
  const data = deflateRawSync(bytes, { level: zipLevel });
  return data.byteLength < size
    ? { method: deflated, crc, size, data }
    : { method: stored, crc, size, data: bytes };
}

/** The local file header that comes before an entry's bytes (APPNOTE 4.3.7). */
function localHeader(entry: WrittenEntry): Buffer {
  const header = Buffer.alloc(30 + entry.nameLength);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(entry.offset >= max32 ? version45 : version20, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.nameLength, 26);
  header.writeUInt16LE(0, 28);
  header.write(entry.name, 30, "utf8");
  return header;
}

/**
 * An entry's central directory header (APPNOTE 4.3.12). Past 4 GiB into the zip, its offset moves
 * to a ZIP64 extra field (4.5.3); sizes never need one, since one file that large is refused.
 */
function centralHeader(entry: WrittenEntry): Buffer {
  const zip64 = entry.offset >= max32;
  const extra = zip64 ? 12 : 0;
  const header = Buffer.alloc(46 + entry.nameLength + extra);
  header.writeUInt32LE(0x02014b50, 0);
  // Made by MS-DOS (high byte 0), so that unzip gives the files the reader's default permissions.
  header.writeUInt16LE(zip64 ? version45 : version20, 4);
  header.writeUInt16LE(zip64 ? version45 : version20, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.nameLength, 28);
  header.writeUInt16LE(extra, 30);
  // Comment length, disk number, internal and external attributes: all zero.
  header.writeUInt32LE(zip64 ? max32 : entry.offset, 42);
  header.write(entry.name, 46, "utf8");
  if (zip64) {
    const at = 46 + entry.nameLength;
    header.writeUInt16LE(0x0001, at);
    header.writeUInt16LE(8, at + 2);
    header.writeBigUInt64LE(BigInt(entry.offset), at + 4);
  }
  return header;
}

/**
 * The records that close the zip: the end of central directory record (APPNOTE 4.3.16), after a
 * ZIP64 end record and its locator (4.3.14, 4.3.15) when there are 65,535 entries or more or the
 * central directory starts or ends past 4 GiB.
 */
function endRecords(entries: number, directoryOffset: number, directorySize: number): Buffer {
  const zip64 = entries >= max16 || directoryOffset >= max32 || directorySize >= max32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries, max16), 8);
  end.writeUInt16LE(Math.min(entries, max16), 10);
  end.writeUInt32LE(Math.min(directorySize, max32), 12);
  end.writeUInt32LE(Math.min(directoryOffset, max32), 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(version45, 12);
  record.writeUInt16LE(version45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

/**
 * Writes a deterministic zip of `files` under `folder/`, chunk by chunk, through `write`. The
 * files must come in ascending order of name (as `Array.prototype.sort` orders them), so that the
 * same files always give the same bytes; only the current file is held in memory. `located`
 * hears where each entry's stored bytes went.
 */
export function writeZip(
  files: Iterable<ZipFile>,
  folder: string,
  write: (chunk: Uint8Array) => void,
  located?: (file: string, location: EntryLocation) => void,
): ZipSummary {
  const entries: WrittenEntry[] = [];
  let offset = 0;
  const emit = (chunk: Uint8Array) => {
    write(chunk);
    offset += chunk.byteLength;
  };
  let previous: string | undefined;
  for (const [file, bytes] of files) {
    if (previous !== undefined && !(file > previous)) {
      throw new Error(`zip entries out of order: "${file}" after "${previous}"`);
    }
    previous = file;
    const size = bytes instanceof Uint8Array ? bytes.byteLength : bytes.size;
    if (size >= max32) {
      throw new CasefileError({
        file,
        message: "is 4 GiB or larger, too large for the offline zip",
        hint: "keep files this large out of the site's public folder",
      });
    }
    const path = `${folder}/${file}`;
    const { method, crc, data } = bytes instanceof Uint8Array ? compress(path, bytes) : bytes;
    const nameLength = Buffer.byteLength(path, "utf8");
    const entry: WrittenEntry = {
      name: path,
      nameLength,
      flags: nameLength === path.length ? 0 : utf8Flag,
      method,
      crc,
      compressedSize: data.byteLength,
      size,
      offset,
    };
    emit(localHeader(entry));
    located?.(file, { method, crc, size, dataOffset: offset, compressedSize: data.byteLength });
    emit(data);
    entries.push(entry);
  }
  const directoryOffset = offset;
  const directory = Buffer.concat(entries.map(centralHeader));
  emit(directory);
  emit(endRecords(entries.length, directoryOffset, directory.byteLength));
  return { files: entries.length, bytes: offset };
}

/** Writes all of a chunk to a file descriptor (`writeSync` may write less than asked). */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let done = 0; done < chunk.byteLength;) {
    done += writeSync(fd, chunk, done, chunk.byteLength - done);
  }
}

/**
 * Writes a deterministic zip of `files` (in ascending order of name) under `folder/` to `path`,
 * one file at a time; a zip that fails halfway is removed rather than left truncated.
 */
export function writeZipFile(
  path: string,
  files: Iterable<ZipFile>,
  folder: string,
  located?: (file: string, location: EntryLocation) => void,
): ZipSummary {
  const fd = openSync(path, "w");
  let written = false;
  try {
    const summary = writeZip(files, folder, (chunk) => writeAll(fd, chunk), located);
    written = true;
    return summary;
  } finally {
    closeSync(fd);
    if (!written) rmSync(path, { force: true });
  }
}
