/**
 * Reading a saved web page's bytes as text, and finding a character's bytes again. A page says
 * its encoding (a byte-order mark, the MHTML part's `charset`, or `<meta charset>` in its first
 * kilobyte, as a browser's prescan finds it); without one, strict UTF-8, else windows-1252. Block
 * offsets are found in the decoded text, so each must be turned back into a byte offset.
 */
import { Buffer, isUtf8 } from "node:buffer";

/** The encodings of the Encoding Standard a page may declare besides UTF-8, UTF-16 and windows-1252. */
export type PageEncoding =
  | "ibm866"
  | "iso-8859-2"
  | "iso-8859-3"
  | "iso-8859-4"
  | "iso-8859-5"
  | "iso-8859-6"
  | "iso-8859-7"
  | "iso-8859-8"
  | "iso-8859-8-i"
  | "iso-8859-10"
  | "iso-8859-13"
  | "iso-8859-14"
  | "iso-8859-15"
  | "iso-8859-16"
  | "koi8-r"
  | "koi8-u"
  | "macintosh"
  | "windows-874"
  | "windows-1250"
  | "windows-1251"
  | "windows-1253"
  | "windows-1254"
  | "windows-1255"
  | "windows-1256"
  | "windows-1257"
  | "windows-1258"
  | "x-mac-cyrillic"
  | "gbk"
  | "gb18030"
  | "big5"
  | "euc-jp"
  | "iso-2022-jp"
  | "shift_jis"
  | "euc-kr";

/** How a page's bytes were read. */
export interface DecodedPage {
  /** The encoding's name as the report shows it ("utf-8-bom" when a UTF-8 BOM was skipped). */
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252" | PageEncoding;
  /** The page's text (BOM removed). */
  text: string;
  /** Turns offsets into `text` into offsets into the bytes; call it with offsets in increasing order. */
  byteOffsets: () => (offset: number) => number;
}

/** Bytes of the page searched for `<meta charset>`, as a browser's prescan does. */
const PRESCAN = 1024;

/** `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Encodings whose every byte is one character (one UTF-16 code unit) of the text. */
const SINGLE_BYTE =
  /^(?:ibm866|iso-8859-\d+(?:-i)?|koi8-[ru]|macintosh|windows-\d+|x-mac-cyrillic)$/;

/**
 * Decodes a page. `declared` is a charset given from outside (an MHTML part's `Content-Type`); a
 * byte-order mark wins over it, as in a browser.
 */
export function decodePage(bytes: Uint8Array, declared?: string): DecodedPage {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return utf8(bytes, 3);
  if (b0 === 0xff && b1 === 0xfe) return generic(bytes, 2, "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return generic(bytes, 2, "utf-16be");
  const label = declared ?? metaCharset(bytes);
  const name = label === undefined ? undefined : encodingName(label);
  // Valid UTF-8 holding more than ASCII reads as UTF-8 whatever the page declares: a tool that
  // saved the page may have re-encoded it and left its <meta charset> as it was, and text in a
  // legacy encoding is almost never valid UTF-8 by chance.
  if (isUtf8(bytes) && (name === undefined || name === "utf-8" || !isAscii(bytes)))
    return utf8(bytes, 0);
  if (name === undefined) return singleByte(bytes, "windows-1252");
  // A page that declares UTF-8 and is not valid UTF-8 reads as the decoder reads it (U+FFFD for
  // bad bytes); one that declares UTF-16 without a BOM was found by its ASCII meta tag: wrongly.
  if (name === "utf-8") return generic(bytes, 0, "utf-8");
  if (name === "utf-16le" || name === "utf-16be") return singleByte(bytes, "windows-1252");
  return SINGLE_BYTE.test(name) ? singleByte(bytes, name) : generic(bytes, 0, name);
}

/** True when every byte is ASCII. */
function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/** The charset named by a `<meta>` tag in the page's first kilobyte, if any. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN));
  return META_CHARSET.exec(head.toString("latin1"))?.[1];
}

/** The Encoding Standard's name for a label, or undefined for an unknown label. */
function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** A valid UTF-8 page from `bom` on: offsets are measured by walking the text once, forwards. */
function utf8(bytes: Uint8Array, bom: number): DecodedPage {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(bom));
  const ascii = text.length === bytes.length - bom;
  const byteOffsets = () => {
    let at = 0;
    let byte = bom;
    return (offset: number): number => {
      if (ascii) return bom + offset;
      for (; at < offset; at++) {
        const code = text.charCodeAt(at);
        // A surrogate pair is four bytes: two for each half.
        byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3;
      }
      return byte;
    };
  };
  return { encoding: bom === 3 ? "utf-8-bom" : "utf-8", text, byteOffsets };
}

/** A page in a single-byte encoding: one byte per character. */
function singleByte(bytes: Uint8Array, name: string): DecodedPage {
  const text = new TextDecoder(name).decode(bytes);
  return { encoding: name as DecodedPage["encoding"], text, byteOffsets: () => (offset) => offset };
}

/**
 * Any other page (UTF-16, multi-byte legacy encodings, UTF-8 with bad bytes): the text is decoded once,
 * and on first need once more a byte at a time, streaming, to learn where each character starts
 * (linear, if slower). The characters one byte completes all start where the bytes not yet
 * decoded started, so offsets are exact at every character but those after a bad byte. Should
 * the decoder refuse to stream (Node's ICU decoders do on some bytes), offsets are estimated in
 * proportion to the text's length.
 */
function generic(bytes: Uint8Array, bom: number, name: string): DecodedPage {
  const text = new TextDecoder(name, { ignoreBOM: true }).decode(bytes.subarray(bom));
  const byteOffsets = () => {
    const starts = characterStarts(bytes, bom, name, text.length);
    if (starts) return (offset: number): number => starts[Math.min(offset, text.length)]!;
    const scale = (bytes.length - bom) / Math.max(1, text.length);
    return (offset: number): number => Math.min(bytes.length, bom + Math.round(offset * scale));
  };
  return { encoding: name as DecodedPage["encoding"], text, byteOffsets };
}

/** Where each of a text's `length` characters starts in `bytes` (see `generic`), or undefined. */
function characterStarts(
  bytes: Uint8Array,
  bom: number,
  name: string,
  length: number,
): Float64Array | undefined {
  const starts = new Float64Array(length + 1);
  const decoder = new TextDecoder(name, { ignoreBOM: true });
  let produced = 0;
  let from = bom;
  try {
    for (let i = bom; i < bytes.length; i++) {
      const piece = decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      for (let k = 0; k < piece.length && produced < length; k++) starts[produced++] = from;
      if (piece.length > 0) from = i + 1;
    }
    const rest = decoder.decode();
    for (let k = 0; k < rest.length && produced < length; k++) starts[produced++] = from;
  } catch {
    return undefined;
  }
  while (produced <= length) starts[produced++] = bytes.length;
  return starts;
}
