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
  const filled = lines.filter((line) => !isBlank(line));
  if (filled.length < 6) return false;
  // Wrapped captures have no long lines; most captures fail here, before sorting.
  let long = 0;
  for (const line of filled) if (line.length > 120) long++;
  if (long > filled.length * 0.05) return false;
  const lengths = filled.map((line) => line.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.95)] ?? 0;
  if (width < 40 || width > 120) return false;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    if (line.length >= width * 0.6 && /^\s*[\p{Ll}\d(]/u.test(next)) continued++;
  }
  return continued >= filled.length * 0.25;
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

/** Cuts a capture's blocks into articles at separators, headline+byline pairs and repeated runs. */
export function segmentBlocks(file: string, blocks: readonly Block[]): Article[] {
  const articles: Article[] = [];
  let current: Article = { file, index: 0, blocks: [], start: "file" };
  // Paragraphs seen in the current article, by digest (the upper half suffices to find candidates).
  let seen = new Map<number, number>();
  let prose = 0;
  let content = 0;
  const open = (start: Article["start"]): void => {
    if (current.blocks.length > 0) articles.push(current);
    current = { file, index: articles.length, blocks: [], start };
    seen = new Map();
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
      if (earlier !== undefined && block.words >= 4 && repeatsRun(blocks, i, earlier))
        open("repeat");
      else if (
        prose >= 3 &&
        next !== undefined &&
        isByline(next.text) &&
        isHeadlineShaped(block.text)
      )
        open("headline");
      if (!seen.has(block.high)) seen.set(block.high, i);
      content++;
      if (isProse(block.text)) prose++;
    }
    current.blocks.push(block);
  }
  open("file");
  return articles;
}
