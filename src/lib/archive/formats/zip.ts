/**
 * The zip files a WACZ is: the central directory read here (fflate's `unzipSync` hands out
 * copies and says nothing of where an entry's bytes are, which the ledger's byte ranges need),
 * entries inflated one at a time by fflate's streaming `Inflate`, which stops as soon as an entry
 * unpacks to more than it declared or than a capture may unpack (a zip bomb), and checked
 * against their CRC-32. Names that climb out of the archive or are absolute are refused: a WACZ
 * never holds them, so one that does was made to trick a reader.
 */
import { crc32 } from "node:zlib";
import { Inflate } from "fflate";
import { CasefileError } from "../../errors.ts";
import { captureLimits } from "./limits.ts";

/** One file in a zip, as its central directory lists it. */
export interface ZipEntry {
  /** Its path inside the zip. */
  name: string;
  /** 0 for stored, 8 for deflated. */
  method: number;
  /** Bytes it takes in the zip. */
  compressedSize: number;
  /** Bytes it declares it unpacks to. */
  size: number;
  /** Its declared CRC-32. */
  crc: number;
  /** Where its (compressed) data starts in the zip file. */
  dataStart: number;
}

/** Counts the bytes a capture has unpacked, across all its entries and records. */
export interface InflateBudget {
  /** Bytes unpacked so far. */
  used: number;
}

/** The error for a zip that is not one, or is damaged. */
function badZip(file: string, message: string): CasefileError {
  return new CasefileError({
    file,
    message: `is not a readable zip (WACZ) file: ${message}`,
    hint: "download or export the WACZ again from the tool that made it (Webrecorder, browsertrix, auto-archiver); a partly copied file is cut short",
  });
}

/** The error for an entry that would unpack to more than a capture may (a zip bomb). */
export function bombError(file: string, what: string, bytes: number): CasefileError {
  return new CasefileError({
    file,
    message: `${what} unpacks to more than ${bytes.toLocaleString("en-US")} bytes, more than the ${captureLimits.inflatedBytes.toLocaleString("en-US")} bytes one capture may unpack (a zip bomb, or an archive of many pages)`,
    hint: "a capture holds one page or a few: export a WACZ of only the pages the source needs; a file that claims to unpack to gigabytes from a few kilobytes is hostile, so remove it",
  });
}

/** True for an entry name that is absolute, climbs out (`..`) or uses backslashes or drive letters. */
function isTrickyPath(name: string): boolean {
  return (
    name.startsWith("/") ||
    name.includes("\\") ||
    /^[a-z]:/i.test(name) ||
    name.split("/").some((part) => part === "..") ||
    /[\u0000-\u001f]/.test(name)
  );
}

/** The entries of a zip file, from its central directory. */
export function zipEntries(file: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw badZip(file, "no end of central directory (not a zip, or cut short)");
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the zip64 end record, found through its locator just before.
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50)
      throw badZip(file, "a zip64 archive without its locator");
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50)
      throw badZip(file, "a zip64 archive whose end record is missing");
    count = Number(view.getBigUint64(record + 32, true));
    size = Number(view.getBigUint64(record + 40, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (offset + size > bytes.length)
    throw badZip(file, "its directory lies past the end of the file");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw badZip(file, `directory entry ${i + 1} is damaged`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes and offset, in the extra field, for the values marked 0xffffffff.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = (): number => {
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (unpacked === 0xffffffff) unpacked = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (local === 0xffffffff) local = next();
      }
      extra += 4 + length;
    }
    if (isTrickyPath(name)) {
      throw new CasefileError({
        file,
        message: `holds an entry named "${name.replace(/[\u0000-\u001f]/g, "?")}", a path that leads out of the archive`,
        hint: "a WACZ holds only relative paths (archive/…, pages/…, indexes/…); this file was made to trick a reader: remove it, or export the archive again from the tool that made it",
      });
    }
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw badZip(file, `the data of "${name}" is missing`);
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) throw badZip(file, `"${name}" is cut short`);
    entries.push({ name, method, compressedSize, size: unpacked, crc, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's unpacked bytes (a view into the zip for a stored entry). Refuses, before unpacking,
 * an entry that declares more than the budget leaves, and stops unpacking one that turns out
 * larger than it declared; checks the CRC-32.
 */
export function entryBytes(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Uint8Array {
  const what = `its entry "${entry.name}"`;
  if (budget.used + entry.size > captureLimits.inflatedBytes)
    throw bombError(file, what, entry.size);
  const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = packed;
  } else if (entry.method === 8) {
    data = new Uint8Array(entry.size);
    let filled = 0;
    const inflate = new Inflate((chunk) => {
      if (filled + chunk.length > entry.size) throw bombError(file, what, filled + chunk.length);
      data.set(chunk, filled);
      filled += chunk.length;
    });
    try {
      // In slices, so that a bomb is stopped after one slice's worth of unpacking.
      const slice = 65_536;
      for (let at = 0; at < packed.length; at += slice)
        inflate.push(packed.subarray(at, at + slice), at + slice >= packed.length);
      if (packed.length === 0) inflate.push(packed, true);
    } catch (error) {
      if (error instanceof CasefileError) throw error;
      throw badZip(file, `"${entry.name}" is damaged (${(error as Error).message})`);
    }
    if (filled !== entry.size)
      throw badZip(
        file,
        `"${entry.name}" unpacks to ${filled} bytes, not the ${entry.size} it declares`,
      );
  } else {
    throw badZip(
      file,
      `"${entry.name}" is packed with method ${entry.method}, which WACZ files do not use`,
    );
  }
  budget.used += data.length;
  if (crc32(data) >>> 0 !== entry.crc >>> 0)
    throw badZip(file, `"${entry.name}" does not match its checksum (CRC-32): the file is damaged`);
  return data;
}
