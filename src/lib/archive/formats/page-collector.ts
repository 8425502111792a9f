/**
 * One capture's text made of several pages (a web archive holds one page or a few): each page's
 * blocks placed after the last, two lines apart so that blocks of different pages are never
 * joined as hard-wrapped lines, with their byte ranges put back into the capture file.
 */
import type { CasefileProblem } from "../../errors.ts";
import type { CaptureEncoding } from "./encoding.ts";
import { blockTooLong, captureLimits, tooManyBlocks } from "./limits.ts";
import type { CaptureFormat, CaptureMetadata, ExtractedCapture, TextBlock } from "./types.ts";

/** Places a byte range of a page (or a text) in the capture file. */
export type Placer = (start: number, end: number) => { start: number; end: number };

/** Gathers the pages of one capture into one `ExtractedCapture`. */
export class PageCollector {
  private readonly texts: string[] = [];
  private readonly blocks: TextBlock[] = [];
  readonly warnings: CasefileProblem[] = [];
  private from = 0;
  private line = 1;
  private encoding: CaptureEncoding | undefined;
  /** What the capture says of its page: set by the format (first page's, for several). */
  metadata: CaptureMetadata | undefined;

  private readonly file: string;
  private readonly format: Pick<CaptureFormat, "block">;

  constructor(file: string, format: Pick<CaptureFormat, "block">) {
    this.file = file;
    this.format = format;
  }

  /** Pages added so far. */
  get pages(): number {
    return this.texts.length;
  }

  /** Adds a page read by the HTML format, its blocks' byte ranges (into the page) placed by `place`. */
  addPage(page: ExtractedCapture, place: Placer): void {
    this.encoding ??= page.encoding;
    const shift = this.shift();
    for (const block of page.blocks) {
      const placed = place(block.start, block.end);
      const entry: TextBlock = {
        ...block,
        line: block.line + shift.line,
        from: block.from + shift.from,
        to: block.to + shift.from,
        start: placed.start,
        end: placed.end,
      };
      this.push(entry);
    }
    this.texts.push(page.text);
    this.advance(page.text);
    for (const warning of page.warnings) this.warnings.push({ ...warning, file: this.file });
  }

  /** Adds a page's plain text, one block per line; `place` gives a line's bytes from its text offsets. */
  addText(text: string, place: Placer): void {
    this.encoding ??= "utf-8";
    const shift = this.shift();
    let from = 0;
    let line = 1;
    for (;;) {
      const end = text.indexOf("\n", from);
      const to = end < 0 ? text.length : end;
      const placed = place(from, to);
      this.push({
        line: line + shift.line,
        from: from + shift.from,
        to: to + shift.from,
        start: placed.start,
        end: placed.end,
      });
      if (end < 0) break;
      from = end + 1;
      line++;
    }
    this.texts.push(text);
    this.advance(text);
  }

  /** The capture: every page's text and blocks, in the order added. */
  result(): ExtractedCapture {
    const extracted: ExtractedCapture = {
      encoding: this.encoding ?? "utf-8",
      text: this.texts.join("\n\n"),
      blocks: this.blocks,
      warnings: this.warnings,
    };
    if (this.metadata !== undefined) extracted.metadata = this.metadata;
    return extracted;
  }

  /** Where the next page starts: past the last page and a blank line. */
  private shift(): { line: number; from: number } {
    return { line: this.line - 1, from: this.from };
  }

  /** Moves past a page's text and the blank line after it. */
  private advance(text: string): void {
    let breaks = 0;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) breaks++;
    this.line += breaks + 2;
    this.from += text.length + 2;
  }

  /** Adds a block, held to the capture limits as it comes. */
  private push(block: TextBlock): void {
    if (this.blocks.length >= captureLimits.blocks)
      throw tooManyBlocks(this.file, block.line, this.format);
    if (block.to - block.from > captureLimits.blockChars)
      throw blockTooLong(this.file, block.line, block.to - block.from, this.format);
    this.blocks.push(block);
  }
}
