/**
 * The pathological capture shapes of issue 18, for `npm run bench:adversarial`: inputs that once
 * made a regular expression, the word diff or the engine's memory grow faster than the input.
 * Each shape builds captures of about a given size, deterministically, beside ordinary prose (the
 * synthetic corpus of `npm run bench:archive`) to compare with. Lines vary by a counter, so that
 * no shape is made cheap by exact deduplication.
 */
import { generateCorpus } from "../../src/lib/archive/corpus.ts";
import { mulberry32 } from "../../src/lib/archive/fingerprint.ts";
import { captureLimits } from "../../src/lib/archive/formats/limits.ts";
import type { CaptureInput } from "../../src/lib/archive/index.ts";

/** One shape: its name in the table and a maker of captures of about `bytes` bytes. */
export interface AdversarialShape {
  /** Name, as the table shows it. */
  name: string;
  /** What the captures hold. */
  description: string;
  /** Captures of about `bytes` bytes in all. */
  captures: (bytes: number) => CaptureInput[];
}

/** Bytes per capture at most: under the engine's 20 MB limit. */
const CAPTURE_BYTES = 8_000_000;

/** The longest line a shape writes: the 1 MB line of the issue, under the line-length limit. */
const LINE_CHARS = 1_000_000;

/** Characters of one long line for a shape of `bytes` (with its line break, no more than `bytes`). */
function lineChars(bytes: number): number {
  return Math.min(bytes, LINE_CHARS + 1) - 1;
}

const encoder = new TextEncoder();

/** A counter as letters only (a, b, …, z, ba, bb, …), for lines that must stay words. */
function letters(n: number): string {
  let text = "";
  let rest = n;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

/**
 * Captures holding `line(i)` for i = 0, 1, … (each followed by `separator`) until `bytes` are
 * written, cut into captures of at most `perCapture` bytes and `maxLines` lines.
 */
function linesOf(
  name: string,
  bytes: number,
  line: (i: number) => string,
  separator = "\n",
  maxLines = Infinity,
): CaptureInput[] {
  const captures: CaptureInput[] = [];
  let parts: string[] = [];
  let size = 0;
  let total = 0;
  const flush = (): void => {
    if (parts.length === 0) return;
    const file = `data/archives/${name}/capture-${String(captures.length).padStart(3, "0")}.txt`;
    captures.push({ file, bytes: encoder.encode(parts.join("")) });
    parts = [];
    size = 0;
  };
  for (let i = 0; total < bytes; i++) {
    const text = line(i) + separator;
    if (size + text.length > CAPTURE_BYTES || parts.length >= maxLines) flush();
    parts.push(text);
    size += text.length;
    total += text.length;
  }
  flush();
  return captures;
}

/** A line of exactly `chars` characters (or its head and tail alone): `head`, `unit` repeated, `tail`. */
function repeated(head: string, unit: string, tail: string, chars: number): string {
  const room = Math.max(0, chars - head.length - tail.length);
  const body = unit.repeat(Math.floor(room / unit.length)) + unit.slice(0, room % unit.length);
  return head + body + tail;
}

/** Words of made-up prose, from a seeded generator (lower case, so that wrapped lines continue). */
function proseWords(seed: number): () => string {
  const random = mulberry32(seed);
  const syllables = ["ka", "lo", "mi", "tre", "san", "vor", "del", "pa", "ri", "chu", "nel", "os"];
  const vocabulary = Array.from({ length: 5000 }, (_, i) => {
    let word = "";
    for (let s = 0; s < 1 + (i % 3); s++) word += syllables[(i * 7 + s * 5) % syllables.length]!;
    return word + letters(i);
  });
  return () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
}

/** Two versions of one paragraph of about `chars` characters: the second changes one word in twelve. */
function similarPair(chars: number, seed: number): [string, string] {
  const word = proseWords(seed);
  const original: string[] = [];
  for (let length = 0; length < chars - 8; length += original[original.length - 1]!.length + 1)
    original.push(word());
  const edited = original.map((w, i) => (i % 12 === 5 ? `${w}x` : w));
  return [`${original.join(" ")}.`, `${edited.join(" ")}.`];
}

/** The shapes, ordinary prose first. */
export const adversarialShapes: readonly AdversarialShape[] = [
  {
    name: "ordinary prose",
    description: "the synthetic corpus of npm run bench:archive (articles, syndicated copies)",
    captures: (bytes) =>
      generateCorpus({ seed: 20240812, bytes }).inputs.map(({ file, bytes: content }) => ({
        file: `data/archives/${file}`,
        bytes: content,
      })),
  },
  {
    name: "dots tail",
    description: 'lines of "-", 1,000,000 dots and a letter (captionCore\'s trailing run)',
    captures: (bytes) =>
      linesOf("dots", bytes, (i) => repeated("-", ".", `x${letters(i)}`, lineChars(bytes))),
  },
  {
    name: 'repeated "(photo:"',
    description: 'lines of "(photo:" repeated (the photo-credit pattern)',
    captures: (bytes) =>
      linesOf("photo", bytes, (i) => repeated(`${letters(i)} `, "(photo:", "", lineChars(bytes))),
  },
  {
    name: "breadcrumb-like lines",
    description: '116-character lines of letters, runs of spaces and ">" (the breadcrumb pattern)',
    captures: (bytes) =>
      linesOf("breadcrumb", bytes, (i) => {
        const name = letters(i);
        return `${name.toUpperCase()}${" ".repeat(28 - name.length)}>`.repeat(4);
      }),
  },
  {
    name: "200k newlines",
    description: "captures of a title and 200,000 newline characters",
    captures: (bytes) =>
      linesOf("newlines", bytes, (i) => `Title ${letters(i)}${"\n".repeat(200_000)}`, "", 1),
  },
  {
    name: "similar paragraphs",
    description: "pairs of captures of one long paragraph, the copy changing one word in twelve",
    captures: (bytes) => {
      // Two paragraphs of up to a line's length per pair; as many pairs as the size needs.
      const pairBytes = Math.min(bytes, 2 * LINE_CHARS);
      const captures: CaptureInput[] = [];
      for (let pair = 0; pair * pairBytes < bytes; pair++) {
        const [original, copy] = similarPair(lineChars(pairBytes / 2), pair + 1);
        const file = (side: string): string =>
          `data/archives/similar/${String(pair).padStart(3, "0")}-${side}.txt`;
        captures.push({ file: file("a"), bytes: encoder.encode(`${original}\n`) });
        captures.push({ file: file("b"), bytes: encoder.encode(`${copy}\n`) });
      }
      return captures;
    },
  },
  {
    name: "many short lines",
    description:
      "short distinct lines, as many per capture as the limit allows (the issue's had 2.8 M)",
    captures: (bytes) =>
      linesOf("short", bytes, (i) => `w${i.toString(36)}`, "\n", captureLimits.blocks),
  },
  {
    name: "hard-wrapped text",
    description: "prose hard-wrapped at 60 characters, no blank lines (one long paragraph)",
    captures: (bytes) => {
      const word = proseWords(7);
      let line = "";
      return linesOf("wrapped", bytes, () => {
        while (line.length < 60) line += `${word()} `;
        const cut = line.lastIndexOf(" ", 60);
        const text = line.slice(0, cut);
        line = line.slice(cut + 1);
        return text;
      });
    },
  },
];
