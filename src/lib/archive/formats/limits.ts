/**
 * What one capture may hold, in any format: a capture is the text of one page. The engine reads
 * any capture in time linear in its size, but a capture of millions of lines (a log, a list of
 * addresses) takes minutes and gigabytes for nothing a reader can use, and a line of megabytes is
 * no page's paragraph; such a capture is refused with an error naming the place, as one over
 * 20 MB is (see `maxCaptureBytes` in `content/captures.ts`).
 */
import { CasefileError } from "../../errors.ts";
import type { CaptureFormat, ExtractedCapture } from "./types.ts";

/** The limits, in the units the engine counts. */
export const captureLimits = {
  /** UTF-16 code units in one text block (one line of a text capture): about 2 MB of text. */
  blockChars: 2_000_000,
  /** Text blocks in one capture (lines of a text capture, blank ones included). */
  blocks: 500_000,
  /**
   * Bytes one capture may unpack, in all (a WACZ's entries, a WARC's gzipped records, a
   * response's gzip): ten times the largest capture, so that a zip bomb is stopped early.
   */
  inflatedBytes: 200_000_000,
} as const;

/** Numbers with thousands separators (1,000,000), whatever the machine's locale. */
const numbers = new Intl.NumberFormat("en-US");

/** A count as the errors write it. */
function count(n: number): string {
  return numbers.format(n);
}

/** The error for a text block longer than `captureLimits.blockChars`. */
export function blockTooLong(
  file: string,
  line: number,
  chars: number,
  format: Pick<CaptureFormat, "block">,
): CasefileError {
  return new CasefileError({
    file,
    line,
    message: `${format.block} is ${count(chars)} characters long, more than the ${count(captureLimits.blockChars)} one ${format.block} may hold`,
    hint: `a capture is the text of one page, one paragraph per ${format.block}: break the ${format.block} where its paragraphs end, or move data dumps out of data/archives/`,
  });
}

/**
 * The error for a capture with more than `captureLimits.blocks` text blocks, reported at the
 * first block past the limit (`line`): a reader stops there.
 */
export function tooManyBlocks(
  file: string,
  line: number,
  format: Pick<CaptureFormat, "block">,
): CasefileError {
  return new CasefileError({
    file,
    line,
    message: `capture has more than ${count(captureLimits.blocks)} ${format.block}s, the most one capture may hold`,
    hint: "a capture is the text of one page: split it into one file per page, or move data dumps (logs, lists of addresses) out of data/archives/",
  });
}

/**
 * Throws the first limit a format's reading of a capture passes. Readers check as they read, so
 * as not to make millions of blocks first (see `formats/text.ts`); this holds every format to it.
 */
export function checkCaptureLimits(
  file: string,
  format: Pick<CaptureFormat, "block">,
  { blocks }: Pick<ExtractedCapture, "blocks">,
): void {
  if (blocks.length > captureLimits.blocks)
    throw tooManyBlocks(file, blocks[captureLimits.blocks]!.line, format);
  for (const block of blocks) {
    if (block.to - block.from > captureLimits.blockChars)
      throw blockTooLong(file, block.line, block.to - block.from, format);
  }
}
