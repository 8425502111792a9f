/**
 * The capture formats the archive engine reads, in the order they are tried: the first whose
 * `accepts` says yes reads the capture. A new format is one file in this folder and one line here.
 */
import { CasefileError } from "../../errors.ts";
import type { CaptureInput } from "../types.ts";
import { htmlFormat } from "./html.ts";
import { mhtmlFormat } from "./mhtml.ts";
import { checkCaptureLimits } from "./limits.ts";
import { mediaFormat } from "./media.ts";
import { pdfFormat } from "./pdf.ts";
import { textFormat } from "./text.ts";
import { waczFormat } from "./wacz.ts";
import { warcFormat } from "./warc.ts";
import type { CaptureFormat, ExtractedCapture } from "./types.ts";

/** The registry: every capture format, most specific first (text, which reads any text, last). */
export const captureFormats: readonly CaptureFormat[] = [
  htmlFormat,
  mhtmlFormat,
  waczFormat,
  warcFormat,
  pdfFormat,
  mediaFormat,
  textFormat,
];

/** The format that reads a capture; throws a CasefileError naming the file when none does. */
export function formatOf(capture: CaptureInput): CaptureFormat {
  const format = captureFormats.find((candidate) => candidate.accepts(capture));
  if (format) return format;
  throw new CasefileError({
    file: capture.file,
    message: "looks like a binary file (no capture format reads it)",
    hint: `captures must be in a format Casefile reads: ${captureFormats.map((entry) => entry.description).join(", ")}; move other files out of data/archives/`,
  });
}

/**
 * Reads a capture into text blocks with the format that accepts it (see `formatOf`); throws a
 * CasefileError naming the place when it holds more than a capture may (see `captureLimits`).
 */
export function extractCapture(capture: CaptureInput): ExtractedCapture {
  const format = formatOf(capture);
  const extracted = format.extract(capture);
  checkCaptureLimits(capture.file, format, extracted);
  return extracted;
}

/** What a format is and what it reads a capture into. */
export type { CaptureFormat, CaptureMetadata, ExtractedCapture, TextBlock } from "./types.ts";
/** The encodings a text capture can be read in. */
export type { CaptureEncoding } from "./encoding.ts";
