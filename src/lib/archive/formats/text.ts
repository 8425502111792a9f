/**
 * Plain text pasted from a browser, in any encoding `sniffEncoding` recognises: one block per
 * line (blank lines included), split on LF, CRLF or CR as `splitLines` does.
 */
import { Buffer } from "node:buffer";
import { CasefileError } from "../../errors.ts";
import type { CaptureInput } from "../types.ts";
import { bomLength, decodeText, sniffEncoding, type CaptureEncoding } from "./encoding.ts";
import { blockTooLong, captureLimits, tooManyBlocks } from "./limits.ts";
import type { CaptureFormat, ExtractedCapture, TextBlock } from "./types.ts";

/** The text capture format: every file whose bytes read as text. */
export const textFormat: CaptureFormat = {
  name: "text",
  description: "text (UTF-8, UTF-16 or windows-1252)",
  block: "line",
  accepts: (capture) => sniffEncoding(capture.bytes) !== undefined,
  extract: extractText,
};

/** Reads a text capture: decodes it and makes each line a block. */
function extractText({ file, bytes }: CaptureInput): ExtractedCapture {
  const encoding = sniffEncoding(bytes);
  if (encoding === undefined)
    throw new CasefileError({ file, message: "is not a text file", hint: textFormat.description });
  const text = decodeText(bytes, encoding);
  return { encoding, text, blocks: lineBlocks(file, text, bytes, encoding), warnings: [] };
}

/**
 * The lines of `text` as blocks, with their byte ranges in `bytes`. Stops at the first line past
 * `captureLimits` (too long, or one too many), before making blocks for millions of lines.
 */
function lineBlocks(
  file: string,
  text: string,
  bytes: Uint8Array,
  encoding: CaptureEncoding,
): TextBlock[] {
  const blocks: TextBlock[] = [];
  if (text === "") return blocks;
  // The next LF and CR at or after `from` (text.length when there is none), each searched again
  // only once passed, so that a text with few CRs is not searched to its end for every line.
  let lf = -1;
  let cr = text.includes("\r") ? -1 : text.length;
  let from = 0;
  for (;;) {
    if (lf < from) lf = next(text, "\n", from);
    if (cr < from) cr = next(text, "\r", from);
    const to = Math.min(lf, cr);
    const line = blocks.length + 1;
    if (line > captureLimits.blocks) throw tooManyBlocks(file, line, textFormat);
    if (to - from > captureLimits.blockChars) throw blockTooLong(file, line, to - from, textFormat);
    blocks.push({ line, from, to, start: 0, end: 0 });
    if (to === text.length) break;
    from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
    // A final line break does not start an extra line.
    if (from === text.length) break;
  }
  placeInBytes(blocks, text, bytes, encoding);
  return blocks;
}

/** Where `character` next occurs in `text` from `from` on, or the text's length. */
function next(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at < 0 ? text.length : at;
}

/**
 * Sets each line's byte range. UTF-16 has two bytes per code unit, windows-1252 and ASCII one
 * byte per character; UTF-8 with wider characters is measured, line by line, in its bytes, where
 * line breaks are the same single bytes as in the text.
 */
function placeInBytes(
  blocks: TextBlock[],
  text: string,
  bytes: Uint8Array,
  encoding: CaptureEncoding,
): void {
  const bom = bomLength(bytes, encoding);
  const wide = encoding === "utf-16le" || encoding === "utf-16be";
  if (wide || text.length === bytes.length - bom) {
    const unit = wide ? 2 : 1;
    for (const block of blocks) {
      block.start = bom + block.from * unit;
      block.end = Math.min(bytes.length, bom + block.to * unit);
    }
    return;
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = bom;
  for (const block of blocks) {
    block.start = at;
    block.end = at + Buffer.byteLength(text.slice(block.from, block.to));
    // Past the line break, which has the same length in bytes as in the text.
    at = block.end + (buffer[block.end] === 13 && buffer[block.end + 1] === 10 ? 2 : 1);
  }
}
