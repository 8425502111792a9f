/**
 * Turning capture bytes into text. Captures come from copy-and-paste on many machines, so the
 * encoding is sniffed: BOMs first, then strict UTF-8, then windows-1252 (the usual Windows
 * "ANSI" code page). Binary files are refused rather than decoded into noise.
 */
import { Buffer } from "node:buffer";
import { CasefileError } from "../errors.ts";

/** The encodings a capture can be read in. */
export type CaptureEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** A capture's text and the encoding it was read in. */
export interface DecodedCapture {
  /** The full text, BOM removed, line endings untouched. */
  text: string;
  /** How the bytes were read. */
  encoding: CaptureEncoding;
}

const binaryHint =
  "captures must be text files (UTF-8, UTF-16 or windows-1252); move binary files such as images or PDFs out of data/archives/";

/** Decodes capture bytes, sniffing the encoding; throws a CasefileError for binary data. */
export function decode(file: string, bytes: Uint8Array): DecodedCapture {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe)
    return checked(file, new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (b0 === 0xfe && b1 === 0xff)
    return checked(file, new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  if (hasNul(bytes)) {
    // UTF-16 saved without a BOM (some Windows tools do): ASCII text puts a NUL in every other byte.
    const unmarked = utf16WithoutBom(bytes);
    if (unmarked) return checked(file, new TextDecoder(unmarked).decode(bytes), unmarked);
    throw new CasefileError({
      file,
      message: "looks like a binary file (it contains NUL bytes)",
      hint: binaryHint,
    });
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // Binary that happens to be valid UTF-8 is rare and shows control bytes at once: a sample will do.
  const sample = body.subarray(0, CONTROL_SAMPLE);
  if (controlBytes(sample) > Math.max(2, sample.length / 1000)) {
    throw new CasefileError({
      file,
      message: "looks like a binary file (it contains control characters)",
      hint: binaryHint,
    });
  }
  try {
    const text = UTF8.decode(body);
    return { text, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    if (controlBytes(body) > Math.max(2, body.length / 1000)) {
      throw new CasefileError({
        file,
        message: "looks like a binary file (it is not valid text)",
        hint: binaryHint,
      });
    }
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
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

/** Strict UTF-8 (throws on invalid bytes), shared: a decoder keeps no state between whole calls. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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
  for (let i = 0; i < bytes.length; i++) count += CONTROL_BYTE[bytes[i]!]!;
  return count;
}

/** Control characters that never occur in pasted prose (tab, line breaks and form feed excepted). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Refuses UTF-16 text holding NULs or many control characters: binary data that happened to decode. */
function checked(file: string, text: string, encoding: CaptureEncoding): DecodedCapture {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 1000)) {
    throw new CasefileError({
      file,
      message: "looks like a binary file (it contains control characters)",
      hint: binaryHint,
    });
  }
  return { text, encoding };
}

const NON_SPACE = /\S/;

/** True for a blank line (only whitespace, as `String.prototype.trim` sees it). */
export function isBlank(line: string): boolean {
  // Most lines start with a visible ASCII character: no need to search them.
  const first = line.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return !NON_SPACE.test(line);
}

/** Splits text into lines on LF, CRLF or CR; a final line break does not start an extra line. */
export function splitLines(text: string): string[] {
  const lines = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Where each line of `splitLines(text)` starts in `text` (UTF-16 offsets), plus `base` (where
 * `text` starts in a longer string that holds it).
 */
export function lineStarts(text: string, lines: readonly string[], base = 0): Int32Array {
  const starts = new Int32Array(lines.length);
  const crlf = text.includes("\r");
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = base + offset;
    offset += lines[i]!.length;
    // Past the line break: one code unit, or two for CRLF.
    offset += crlf && text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  }
  return starts;
}
