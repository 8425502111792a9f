/**
 * Telling which encoding a text capture is in. Captures come from copy-and-paste on many
 * machines, so the encoding is sniffed: BOMs first, then strict UTF-8, then windows-1252 (the
 * usual Windows "ANSI" code page). Bytes that are none of these (NULs or control characters where
 * text has none) are binary: the text format does not accept them.
 */
import { Buffer, isUtf8 } from "node:buffer";
import type { PageEncoding } from "./html-encoding.ts";

/**
 * The encodings a capture can be read in: those a text capture is sniffed as, and the legacy
 * encodings a saved page may declare.
 */
export type CaptureEncoding =
  "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252" | PageEncoding;

/** The encoding of text bytes, or undefined when they look like a binary file. */
export function sniffEncoding(bytes: Uint8Array): CaptureEncoding | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return utf16Text(bytes, 2, true) ? "utf-16le" : undefined;
  if (b0 === 0xfe && b1 === 0xff) return utf16Text(bytes, 2, false) ? "utf-16be" : undefined;
  if (hasNul(bytes)) {
    // UTF-16 saved without a BOM (some Windows tools do): ASCII text puts a NUL in every other byte.
    const unmarked = utf16WithoutBom(bytes);
    return unmarked && utf16Text(bytes, 0, unmarked === "utf-16le") ? unmarked : undefined;
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // Binary that happens to be valid UTF-8 is rare and shows control bytes at once: a sample will do.
  const sample = body.subarray(0, CONTROL_SAMPLE);
  if (controlBytes(sample) > Math.max(2, sample.length / 1000)) return undefined;
  if (isUtf8(body)) return bom ? "utf-8-bom" : "utf-8";
  if (controlBytes(body) > Math.max(2, body.length / 1000)) return undefined;
  return "windows-1252";
}

/** Bytes of the byte-order mark that starts text in this encoding (0 when it has none). */
export function bomLength(bytes: Uint8Array, encoding: CaptureEncoding): number {
  if (encoding === "utf-8-bom") return 3;
  if (encoding === "utf-16le") return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === "utf-16be") return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  // A windows-1252 capture may start with a UTF-8 BOM followed by bytes that are not UTF-8.
  return encoding === "windows-1252" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? 3
    : 0;
}

/** Decodes text bytes in their sniffed encoding: BOM removed, line endings untouched. */
export function decodeText(bytes: Uint8Array, encoding: CaptureEncoding): string {
  const body = bytes.subarray(bomLength(bytes, encoding));
  if (encoding === "utf-8" || encoding === "utf-8-bom") return UTF8.decode(body);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

/** Bytes sampled to recognise UTF-16 without a BOM. */
const UTF16_SAMPLE = 4096;

/**
 * The byte order of UTF-16 text without a BOM, recognised by where its NULs fall in a sample: in
 * odd bytes only (little-endian) or even bytes only (big-endian), in at least a third of the
 * characters, as in any text with Latin letters, digits or spaces. Otherwise undefined.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const characters = length / 2;
  if (even === 0 && odd >= characters / 3) return "utf-16le";
  if (odd === 0 && even >= characters / 3) return "utf-16be";
  return undefined;
}

/** Shared decoder: a valid UTF-8 body has been checked already, and the BOM is cut off by hand. */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** True when the bytes hold a NUL (searched natively, with memchr, through a Buffer view). */
function hasNul(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) >= 0;
}

/** Bytes of a UTF-8 capture checked for control characters. */
const CONTROL_SAMPLE = 1024;

/** 1 for the bytes that are control characters (all C0 but tab, line breaks, form feed; DEL). */
const CONTROL_BYTE = Uint8Array.from({ length: 256 }, (_, b) =>
  (b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f ? 1 : 0,
);

/** Counts single-byte control characters (tab, line breaks and form feed excepted). */
function controlBytes(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) count += CONTROL_BYTE[byte]!;
  return count;
}

/**
 * True for UTF-16 text from `offset` on: no NUL character and few control characters (tab, line
 * breaks and form feed excepted), counted on the code units without decoding them. A trailing odd
 * byte counts as one more character, as the decoder reads it (U+FFFD).
 */
function utf16Text(bytes: Uint8Array, offset: number, littleEndian: boolean): boolean {
  const end = offset + ((bytes.length - offset) & ~1);
  const high = littleEndian ? 1 : 0;
  let controls = 0;
  for (let i = offset; i < end; i += 2) {
    if (bytes[i + high] !== 0) continue;
    const unit = bytes[i + 1 - high]!;
    if (unit === 0) return false;
    controls += CONTROL_BYTE[unit]!;
  }
  const characters = (end - offset) / 2 + ((bytes.length - offset) % 2);
  return controls <= Math.max(2, characters / 1000);
}
