/**
 * What a capture format is: a reader that recognises its captures and turns their bytes into
 * text blocks, each pointing back into the bytes it came from.
 */
import type { CasefileProblem } from "../../errors.ts";
import type { CaptureInput } from "../types.ts";
import type { outsideMainContentRule } from "../boilerplate.ts";
import type { CaptureEncoding } from "./encoding.ts";

/**
 * One block of a capture's text: the unit the ledger accounts for. For a text capture it is a
 * line; a reader of marked-up captures would make one per paragraph or heading, its byte range
 * being the element in the original file.
 */
export interface TextBlock {
  /**
   * 1-based line of the capture where the block starts. Distinct and increasing within a capture
   * (the ledger and the report cite blocks by it); consecutive numbers mean adjacent blocks.
   */
  line: number;
  /** Where the block's text starts in the extracted text (UTF-16 offset). */
  from: number;
  /** Where the block's text ends in the extracted text (exclusive). */
  to: number;
  /** Offset of the block's first byte in the capture file. */
  start: number;
  /** Offset just past the block's last byte in the capture file. */
  end: number;
  /**
   * A boilerplate rule the format itself applied (a rule name from `boilerplate.ts`), e.g.
   * `outside-main-content` for a page's menus and footers: the engine labels the block with it
   * and leaves it out of the capture's articles.
   */
  rule?: typeof outsideMainContentRule.name;
}

/** What a capture says about the page it holds, as the format found it (all optional). */
export interface CaptureMetadata {
  /** The page's title (schema.org headline, og:title or `<title>`; an MHTML file's Subject). */
  title?: string;
  /** The page's own address (`<link rel="canonical">`, og:url or schema.org url). */
  url?: string;
  /** The author or authors, as the page names them ("A, B" for several). */
  author?: string;
  /** When the page says it was published, as written (usually ISO 8601). */
  published?: string;
  /** The address the capture was saved from (SingleFile's `url:`, MHTML's Snapshot-Content-Location). */
  savedFrom?: string;
  /** When the capture was saved, as ISO 8601 when it can be read (SingleFile's saved date, MHTML's Date). */
  savedAt?: string;
  /** The tool that made the capture, as it names itself (a WARC's software, a PDF's producer). */
  tool?: string;
}

/** A capture read by its format: its text, cut into blocks, and what the reader noticed. */
export interface ExtractedCapture {
  /** How the bytes were read as text (for the processing report). */
  encoding: CaptureEncoding;
  /** The capture's readable text; each block's text is `text.slice(from, to)`. */
  text: string;
  /** The blocks in reading order, blank ones included (they separate paragraphs). */
  blocks: TextBlock[];
  /** Non-fatal problems found while reading. */
  warnings: CasefileProblem[];
  /** What the capture says about its page (formats of saved pages, web archives, PDFs). */
  metadata?: CaptureMetadata;
  /** True for a file kept as evidence but not read (a screenshot, a sidecar): it has no text. */
  attachment?: true;
}

/** One capture format: one entry of the registry in `formats/index.ts`. */
export interface CaptureFormat {
  /** Short name, as listed in the error for a capture no format reads (e.g. "text"). */
  name: string;
  /** What the format reads, for that error's hint (e.g. "text (UTF-8, UTF-16 or windows-1252)"). */
  description: string;
  /** What its text blocks are, in errors about them (e.g. "line": "line is … characters long"). */
  block: string;
  /** True when this format reads the capture, judged by its file name and/or first bytes. */
  accepts(capture: CaptureInput): boolean;
  /** Reads an accepted capture's bytes into text blocks; throws a CasefileError if it cannot. */
  extract(capture: CaptureInput): ExtractedCapture;
}
