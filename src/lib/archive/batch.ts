/**
 * Reading captures in batches, for the garbage collector's sake. Each capture is read alone by
 * its format (see `formats/`), then a batch's texts are joined into one string of at least
 * `BATCH_CHARS` characters, and each capture is read from its slice of that string. V8 allocates
 * a string that large outside the young generation and never copies it; a capture's own string,
 * kept alive by the paragraphs cut from it, would be copied twice by the young generation's
 * collector (once within it, once into the old generation), and at 100 MB of captures that
 * copying costs more than the join.
 */
import { inFile, type CasefileProblem } from "../errors.ts";
import {
  extractCapture,
  formatOf,
  type CaptureEncoding,
  type ExtractedCapture,
  type TextBlock,
} from "./formats/index.ts";
import type { CaptureInput } from "./types.ts";

/** A capture read by its format, whose text lives in a string joined from its batch. */
export interface BatchedCapture {
  /** The capture as given. */
  input: CaptureInput;
  /** How its bytes were read. */
  encoding: CaptureEncoding;
  /** The capture's text: `joined.slice(start, start + text.length)`. */
  text: string;
  /** The capture's text blocks (offsets into `text`, not into `joined`). */
  blocks: TextBlock[];
  /** What the format noticed while reading. */
  warnings: CasefileProblem[];
  /** The format's name, what the capture says of its page, and whether it is an attachment. */
  read: CaptureRead;
  /** The joined text of the batch's captures of the same width (see `WIDE`). */
  joined: string;
  /** Where `text` starts in `joined`. */
  start: number;
}

/**
 * Characters per batch: strings over 128 KB go to V8's large-object space, which one-byte text
 * reaches at 128 K characters; twice that leaves a margin.
 */
const BATCH_CHARS = 1 << 18;

/**
 * A character beyond Latin-1. V8 stores a string without one in one byte per character, a string
 * with one in two; so texts with and without are joined apart, or one quotation mark in a batch
 * would double the memory of all its plain texts. (On a one-byte string the test is immediate.)
 */
const WIDE = /[^\u0000-\u00ff]/;

/** What reading a capture found besides its text. */
type CaptureRead = Pick<ExtractedCapture, "metadata" | "attachment"> & {
  /** The name of the format that read it. */
  format: string;
};

/** One read capture waiting for its batch to be joined. */
interface Pending {
  input: CaptureInput;
  encoding: CaptureEncoding;
  text: string;
  blocks: TextBlock[];
  warnings: CasefileProblem[];
  read: CaptureRead;
  wide: boolean;
}

/** Reads captures in order (see `extractCapture`), handing them out batch by batch. */
export function* readInBatches(inputs: readonly CaptureInput[]): Generator<BatchedCapture> {
  let batch: Pending[] = [];
  let narrowChars = 0;
  let wideChars = 0;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const { text, encoding, blocks, warnings, metadata, attachment } = inFile(input.file, () =>
      extractCapture(input),
    );
    const wide = WIDE.test(text);
    const read: CaptureRead = { format: formatOf(input).name };
    if (metadata !== undefined) read.metadata = metadata;
    if (attachment) read.attachment = true;
    batch.push({ input, encoding, text, blocks, warnings, read, wide });
    if (wide) wideChars += text.length;
    else narrowChars += text.length;
    if (Math.max(narrowChars, wideChars) < BATCH_CHARS && i + 1 < inputs.length) continue;
    yield* joinBatch(batch);
    batch = [];
    narrowChars = 0;
    wideChars = 0;
  }
}

/** Joins a batch's texts, narrow and wide apart, and hands its captures out in order. */
function* joinBatch(batch: readonly Pending[]): Generator<BatchedCapture> {
  const joinedOf = (wide: boolean): string =>
    batch
      .filter((capture) => capture.wide === wide)
      .map((capture) => capture.text)
      .join("");
  const narrow = { joined: joinedOf(false), at: 0 };
  const wide = { joined: joinedOf(true), at: 0 };
  for (const { input, encoding, text, blocks, warnings, read, wide: isWide } of batch) {
    const part = isWide ? wide : narrow;
    const start = part.at;
    part.at += text.length;
    const joined = part.joined;
    yield {
      input,
      encoding,
      text: joined.slice(start, part.at),
      blocks,
      warnings,
      read,
      joined,
      start,
    };
  }
}
