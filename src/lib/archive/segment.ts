/**
 * Cutting a capture into articles and articles into paragraphs. A capture is a paste of one or
 * more web pages: separator lines, a headline followed by a byline, or a run of paragraphs
 * pasted a second time all start a new article. Paragraphs are the capture's text blocks (lines,
 * for a text capture), unless the capture is hard-wrapped, in which case wrapped lines are joined
 * back together.
 */
import { isBlank } from "./lines.ts";
import { digest, digest64, digestFolded } from "./fingerprint.ts";
import { hasSpaceless, normalise, segmentedWordCount } from "./normalise.ts";
import { isByline, isHeadlineShaped, isListItem, isProse } from "./roles.ts";
import { isWhitespace, trailingRunStart } from "./text-patterns.ts";
import { maxOf } from "../arrays.ts";

/** One paragraph of a capture (one text block, or wrapped lines joined), with where it came from. */
export interface Block {
  /** Capture path label. */
  file: string;
  /** 1-based line of its first text block (see `TextBlock.line`). */
  startLine: number;
  /** 1-based line of its last text block (same as startLine unless the capture is hard-wrapped). */
  endLine: number;
  /** Display text, unaltered (wrapped lines joined with "\n"). */
  text: string;
  /**
   * Normalised comparison form; "" when `toBlocks` was asked to skip it and `normalise(text)`
   * gives it (see `keyOf`).
   */
  key: string;
  /** Length of the normalised comparison form. */
  length: number;
  /** Where `text` starts in its capture's text (see `CaptureText`), -1 if it is not a slice of it. */
  offset: number;
  /** True for a separator line (a run of x, -, =, *, _ …). */
  separator: boolean;
  /** Word count (of the normalised text: spaces + 1). */
  words: number;
  /** High 32 bits of the 64-bit digest of `key`, as a signed 32-bit integer. */
  high: number;
  /** Low 32 bits of the 64-bit digest of `key`, as a signed 32-bit integer. */
  low: number;
}

/** A capture's whole text, for `toBlocks` to read its text blocks from in place. */
export interface CaptureText {
  /** The extracted text, or a longer string holding it (a batch of captures, see `batch.ts`). */
  text: string;
  /** Where each text block starts in `text` (see `lineStarts` for a text capture's lines). */
  starts: Int32Array;
  /** The 1-based line of each text block (see `TextBlock.line`); by default its position + 1. */
  lines?: Int32Array;
  /** True when the capture's own text is pure ASCII. */
  ascii: boolean;
}

/** A run of blocks from one capture that reads as one article (or one compilation intro). */
export interface Article {
  /** Capture path label. */
  file: string;
  /** Position of the article within its capture, from 0. */
  index: number;
  /** The article's paragraphs in reading order, boilerplate included. */
  blocks: Block[];
  /** Why this article starts where it does. */
  start: "file" | "separator" | "repeat" | "headline";
}

/**
 * True for a separator line between pasted pages: one separator character (-, =, *, _, ~, #, •,
 * ·, +, .) three times or more, with at most one space between two, or five x's or more, spaces
 * around — `^\s*(?:([-=*_~#•·+.])(?:\s?\1){2,}|[xX]{5,})\s*$` read in one pass (as an
 * expression, a megabyte of full stops overflowed its backtracking stack). Only spaces and tabs
 * may lead: this runs on every line, and has always stopped at the first other character.
 */
export function isSeparator(text: string): boolean {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9))
    start++;
  const end = trailingRunStart(text, isWhitespace);
  if (start >= end) return false;
  const mark = text.charCodeAt(start);
  if (mark === 120 || mark === 88) {
    for (let i = start; i < end; i++) if ((text.charCodeAt(i) | 0x20) !== 120) return false;
    return end - start >= 5;
  }
  if (!SEPARATOR_CHARS.includes(text.charAt(start))) return false;
  let count = 1;
  for (let i = start + 1; i < end; i++) {
    if (text.charCodeAt(i) !== mark) {
      if (!isWhitespace(text.charCodeAt(i)) || text.charCodeAt(i + 1) !== mark) return false;
      i++;
    }
    count++;
  }
  return count >= 3;
}

/** Characters a separator line repeats (besides x). */
const SEPARATOR_CHARS = "-=*_~#•·+.";

/** Decides whether a capture is hard-wrapped (paragraphs broken into lines of a fixed width). */
export function isHardWrapped(lines: readonly string[]): boolean {
  // The lengths of the non-blank lines, in one pass and one typed array (sorted natively: a
  // capture of 500,000 short lines spent a third of a second in a compare function).
  const lengths = new Int32Array(lines.length);
  let filled = 0;
  let long = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    lengths[filled++] = line.length;
    if (line.length > 120) long++;
  }
  if (filled < 6) return false;
  // Wrapped captures have no long lines; most captures fail here, before sorting.
  if (long > filled * 0.05) return false;
  const width = lengths.subarray(0, filled).sort()[Math.floor(filled * 0.95)] ?? 0;
  if (width < 40 || width > 120) return false;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    if (line.length >= width * 0.6 && /^\s*[\p{Ll}\d(]/u.test(next)) continued++;
  }
  return continued >= filled * 0.25;
}

/**
 * Groups text blocks (here `lines`, their texts) into paragraph blocks: one per non-blank text
 * block, or per wrapped paragraph, whose lines must be consecutive. Given the capture's
 * whole text, blocks get their digest without their normalised key wherever `normalise(text)`
 * recomputes it (see `keyOf`), reading the text in place, which is much faster; keys then follow
 * the engine's whole-capture rule for backticks (see `engineKey`).
 */
export function toBlocks(
  file: string,
  lines: readonly string[],
  wrapped = isHardWrapped(lines),
  capture?: CaptureText,
): Block[] {
  const width = wrapped ? maxOf(lines.map((line) => line.length)) : 0;
  const blocks: Block[] = [];
  const numbers = capture?.lines;
  let previous = "";
  let previousLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const line = numbers ? numbers[i]! : i + 1;
    const blank = isBlank(text);
    const last = blocks[blocks.length - 1];
    const joins =
      wrapped &&
      !blank &&
      last !== undefined &&
      !last.separator &&
      last.endLine === previousLine &&
      line === previousLine + 1 &&
      previous.length >= width * 0.6 &&
      !isSeparator(text) &&
      !isListItem(text);
    if (joins) {
      last.text += "\n" + text;
      last.endLine = line;
      last.offset = -1;
    } else if (!blank) {
      blocks.push({
        file,
        startLine: line,
        endLine: line,
        text,
        key: "",
        length: 0,
        offset: capture ? capture.starts[i]! : -1,
        separator: isSeparator(text),
        words: 0,
        high: 0,
        low: 0,
      });
    }
    previous = text;
    previousLine = line;
  }
  for (const block of blocks) {
    const scanned =
      capture !== undefined &&
      (block.offset >= 0
        ? digestFolded(capture.text, block.offset, block.offset + block.text.length)
        : digestFolded(block.text));
    if (!scanned) {
      block.key = engineKey(block, capture?.ascii);
      digest64(block.key);
      digest[3] = block.key.length;
    }
    // Signed, so that V8 keeps them in the object (an unsigned half above 2^31 would be boxed).
    block.high = digest[0]! | 0;
    block.low = digest[1]! | 0;
    block.length = digest[3]!;
    // Normalised text has single spaces between words, so words = spaces + 1; text written
    // without spaces (long "words") is counted by a word segmenter instead.
    block.words = block.length === 0 ? 0 : digest[2]! + 1;
    if (block.length > block.words * LONG_WORD && hasSpaceless(block.text))
      block.words = segmentedWordCount(block.text);
  }
  return blocks;
}

/**
 * The normalised key of a block. The engine normalises a whole capture at once, so a backtick
 * on a pure-ASCII line of a capture that is not pure ASCII is folded too (`normalise` alone
 * folds marks only in text that is not pure ASCII); wrapped paragraphs are normalised alone.
 */
function engineKey(block: Block, asciiCapture?: boolean): string {
  const single = block.startLine === block.endLine;
  const foldTicks = asciiCapture === false && single && block.text.includes("`");
  return normalise(foldTicks ? block.text.replaceAll("`", "'") : block.text);
}

/** A block's normalised key (built again when `toBlocks` skipped it). */
export function keyOf(block: Block): string {
  return block.key !== "" || block.length === 0 ? block.key : normalise(block.text);
}

/** Characters per word above which a block may be written without spaces (see `toBlocks`). */
const LONG_WORD = 12;

/** How many paragraphs must repeat, in order, to count as a second paste of the same text. */
const MIN_REPEAT = 3;

/** True when two blocks have the same normalised text (by 64-bit digest and length). */
function sameText(a: Block, b: Block): boolean {
  return a.high === b.high && a.low === b.low && a.length === b.length;
}

/** True when blocks[i…] repeats blocks[j…] for MIN_REPEAT paragraphs (or to the end, if ≥ 2). */
function repeatsRun(blocks: readonly Block[], i: number, j: number): boolean {
  const run = Math.min(MIN_REPEAT, blocks.length - i, i - j);
  if (run < 2) return false;
  for (let t = 0; t < run; t++) if (!sameText(blocks[i + t]!, blocks[j + t]!)) return false;
  return true;
}

/**
 * The first position of each digest half in the current article: an open-addressing table of
 * 32-bit keys (a `Map` boxes the half of them past 2^30, and a capture of 500,000 short lines
 * spent a second in it), cleared in constant time by starting a new generation.
 */
class FirstPositions {
  private readonly keys: Int32Array;
  private readonly positions: Int32Array;
  private readonly generations: Int32Array;
  private readonly mask: number;
  private generation = 1;

  /** A table for at most `count` keys. */
  constructor(count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.positions = new Int32Array(size);
    this.generations = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Forgets every key. */
  clear(): void {
    this.generation++;
  }

  /** The slot of `key`: where it is, or the free slot where it would go. */
  private slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.generations[slot] === this.generation && this.keys[slot] !== key)
      slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The position first recorded for `key`, or -1. */
  get(key: number): number {
    const slot = this.slotOf(key);
    return this.generations[slot] === this.generation ? this.positions[slot]! : -1;
  }

  /** Records `position` for `key` unless it has one. */
  add(key: number, position: number): void {
    const slot = this.slotOf(key);
    if (this.generations[slot] === this.generation) return;
    this.generations[slot] = this.generation;
    this.keys[slot] = key;
    this.positions[slot] = position;
  }
}

/** Cuts a capture's blocks into articles at separators, headline+byline pairs and repeated runs. */
export function segmentBlocks(file: string, blocks: readonly Block[]): Article[] {
  const articles: Article[] = [];
  let current: Article = { file, index: 0, blocks: [], start: "file" };
  // Paragraphs seen in the current article, by digest (the upper half suffices to find candidates).
  const seen = new FirstPositions(blocks.length);
  let prose = 0;
  let content = 0;
  const open = (start: Article["start"]): void => {
    if (current.blocks.length > 0) articles.push(current);
    current = { file, index: articles.length, blocks: [], start };
    seen.clear();
    prose = 0;
    content = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.separator) {
      if (content > 0) open("separator");
    } else {
      const earlier = seen.get(block.high);
      if (earlier >= 0 && block.words >= 4 && repeatsRun(blocks, i, earlier)) open("repeat");
      else if (
        prose >= 3 &&
        next !== undefined &&
        isByline(next.text) &&
        isHeadlineShaped(block.text)
      )
        open("headline");
      seen.add(block.high, i);
      content++;
      if (isProse(block.text)) prose++;
    }
    current.blocks.push(block);
  }
  open("file");
  return articles;
}
