/**
 * A seeded generator of synthetic capture corpora with ground truth, for property tests and the
 * benchmark. It produces the shapes real captures have (see ARCHIVE-SHAPES.md): site chrome,
 * syndicated copies with edits, abridged copies, compilations between separators, pages pasted
 * twice, quotations — and records, for every line, what the engine should find.
 */
import { append } from "../arrays.ts";
import { mulberry32 } from "./fingerprint.ts";
import type { CaptureInput } from "./types.ts";

/** Ground truth for one line: a paragraph group (≥ 0), or one of the special values. */
export const TRUTH = { blank: -1, boilerplate: -2, other: -3 } as const;

/** A generated corpus and its ground truth. */
export interface GeneratedCorpus {
  /** The captures. */
  inputs: CaptureInput[];
  /** Per capture (same order), the truth of each line (index = line − 1). */
  truth: Int32Array[];
  /** Number of body-paragraph groups. */
  groups: number;
}

/** Generator settings. */
export interface CorpusOptions {
  /** PRNG seed. */
  seed: number;
  /** Approximate total size in bytes. */
  bytes: number;
}

interface Paragraph {
  text: string;
  group: number;
}
interface Story {
  headline: string;
  byline: string;
  date: string;
  paragraphs: Paragraph[];
}
interface Line {
  text: string;
  truth: number;
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "tre",
  "san",
  "vor",
  "del",
  "pa",
  "ri",
  "chu",
  "nel",
  "os",
  "ta",
  "ber",
  "gu",
  "lin",
  "ma",
  "ro",
  "ve",
  "zen",
  "qui",
  "dar",
  "fe",
  "ho",
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const NAV = ["Live", "Audio Only", "World", "Sports", "Opinion", "Latest", "Video", "Podcasts"];
const SOCIAL = ["facebook", "twitter", "telegram", "google plus", "instagram"];
const FOOTER = [
  "SHARE THIS ARTICLE",
  "Post with no comments.",
  "No comments:",
  "Post a Comment",
  "Share this story",
];
const WIRES = ["AFP", "Reuters", "EFE", "AP"];

/** Generates a corpus of roughly `bytes` bytes; the same options always give the same bytes. */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const vocabulary = Array.from({ length: 6000 }, (_, i) => {
    let word = "";
    for (let s = 0, n = 1 + (i % 3) + int(0, 1); s < n; s++) word += pick(SYLLABLES);
    return i % 97 === 0 ? word + "é" : word;
  });
  // Skewed word choice: common words are common, as in prose.
  const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 2.2)]!;
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
  const sentence = (min: number, max: number): string =>
    capital(Array.from({ length: int(min, max) }, word).join(" "));
  const name = (): string => `${capital(word())} ${capital(word())}`;
  const date = (): string => `${int(1, 28)} ${pick(MONTHS)} ${int(2019, 2025)}`;
  const usDate = (): string => `${pick(MONTHS).slice(0, 3)} ${int(1, 28)}, ${int(2019, 2025)}`;
  let groups = 0;
  const paragraph = (): Paragraph => {
    const sentences = Array.from({ length: int(2, 5) }, () => sentence(8, 22) + ".");
    return { text: sentences.join(" ").replace(/ (\w+) (\w+)\./, " “$1” $2."), group: groups++ };
  };
  const headline = (): string =>
    Array.from({ length: int(6, 11) }, () => capital(word())).join(" ");
  const story = (): Story => ({
    headline: headline(),
    byline: `By ${name()}  –  ${usDate()}`,
    date: date(),
    paragraphs: Array.from({ length: int(5, 12) }, paragraph),
  });
  const outlets = Array.from({ length: 40 }, (_, i) => ({
    folder: `outlet-${String(i).padStart(2, "0")}`,
    name: `${capital(word())} ${pick(["News", "Daily", "Observer", "Review", "Channel"])}`,
  }));
  const stories: Story[] = [];
  const existing = (): Story =>
    stories.length > 0 && random() < 0.8
      ? stories[Math.floor(stories.length * (1 - random() ** 3))]!
      : fresh();
  const fresh = (): Story => {
    const s = story();
    stories.push(s);
    return s;
  };
  /** A word substitution, as editors make when republishing. */
  const edit = (text: string): string => {
    const words = text.split(" ");
    for (let n = int(1, 2); n > 0; n--) {
      const at = int(3, words.length - 2);
      words[at] = word();
    }
    return words.join(" ");
  };
  const chromeTop = (outlet: (typeof outlets)[number]): Line[] => {
    const bp = (text: string): Line => ({ text, truth: TRUTH.boilerplate });
    return [
      ...NAV.slice(0, int(1, 3)).map((item, i) => bp(`${i === 1 ? "    " : ""}• ${item}`)),
      ...SOCIAL.slice(0, int(2, 4)).map((item) => bp(`  • ${item}`)),
      { text: "", truth: TRUTH.blank },
      bp(`News > ${capital(word())}`),
      { text: "", truth: TRUTH.blank },
      ...(random() < 0.3 ? [bp(`${outlet.name} / ${capital(word())}`)] : []),
    ];
  };
  const bodyLines = (
    s: Story,
    variant: "original" | "syndicated" | "abridged" | "edited",
    outlet: string,
    blank: boolean,
  ): Line[] => {
    let paragraphs = s.paragraphs;
    if (variant === "abridged")
      paragraphs = paragraphs.slice(0, Math.max(4, paragraphs.length - int(1, 3)));
    const lines: Line[] = [
      {
        text: variant === "original" ? s.headline : `${s.headline} ${pick(["-", "|"])} ${outlet}`,
        truth: TRUTH.other,
      },
      {
        text: variant === "original" ? s.byline : `By ${outlet} (Posted ${usDate()})`,
        truth: TRUTH.other,
      },
      { text: `Published ${s.date}`, truth: TRUTH.other },
    ];
    const edited =
      variant === "edited" ? new Set([int(1, paragraphs.length - 1)]) : new Set<number>();
    paragraphs.forEach((p, i) => {
      if (i === 2 && random() < 0.3) {
        const credit =
          random() < 0.5 ? ` | Photo: Twitter/ @${word()}` : ` (Photo by ${pick(WIRES)})`;
        lines.push({ text: sentence(5, 12) + credit, truth: TRUTH.boilerplate });
      }
      lines.push({ text: edited.has(i) ? edit(p.text) : p.text, truth: p.group });
      if (blank) lines.push({ text: "", truth: TRUTH.blank });
    });
    if (variant === "syndicated" && random() < 0.4) {
      const extra = paragraph();
      lines.push({ text: extra.text, truth: extra.group });
    }
    return lines;
  };
  const footer = (domain: string): Line[] => {
    const bp = (text: string): Line => ({ text, truth: TRUTH.boilerplate });
    return [
      bp(pick(["Source", "Source", "Link"])),
      ...(random() < 0.5 ? [bp(`${domain}.example.net`)] : []),
      bp(pick(FOOTER)),
    ];
  };
  const variantOf = (): "syndicated" | "abridged" | "edited" =>
    pick(["syndicated", "abridged", "edited"] as const);

  const inputs: CaptureInput[] = [];
  const truth: Int32Array[] = [];
  const encoder = new TextEncoder();
  let total = 0;
  for (let n = 0; total < options.bytes; n++) {
    const outlet = pick(outlets);
    const kind = random();
    let lines: Line[];
    if (kind < 0.45) {
      const s = fresh();
      lines = [
        ...chromeTop(outlet),
        ...bodyLines(s, "original", outlet.name, random() < 0.5),
        ...footer(outlet.folder),
      ];
    } else if (kind < 0.7) {
      const s = existing();
      lines = [
        ...chromeTop(outlet),
        ...bodyLines(s, variantOf(), outlet.name, random() < 0.5),
        ...footer(outlet.folder),
      ];
    } else if (kind < 0.8) {
      const s = random() < 0.5 ? existing() : fresh();
      const body = bodyLines(s, "original", outlet.name, false).slice(3);
      const again = body.map((line) => ({ text: line.text, truth: line.truth }));
      lines = [
        { text: sentence(10, 20) + ".", truth: TRUTH.other },
        ...body,
        { text: "Source", truth: TRUTH.boilerplate },
        ...again,
        { text: "Source", truth: TRUTH.boilerplate },
      ];
    } else if (kind < 0.92) {
      const embedded = Array.from({ length: int(2, 4) }, () =>
        random() < 0.5 ? existing() : fresh(),
      );
      const separator = (): Line => ({ text: "x".repeat(int(26, 29)), truth: TRUTH.boilerplate });
      lines = [
        { text: `Monday, ${pick(MONTHS)} ${int(1, 28)}, ${int(2019, 2025)}`, truth: TRUTH.other },
        { text: headline(), truth: TRUTH.other },
        { text: "", truth: TRUTH.blank },
        ...embedded.map((s, i) => ({
          text: `${i + 1}). “${s.headline}”, ${usDate()}, ${name()}, ${outlet.name}, at < https://${outlet.folder}.example.net/${n}/${i} >.`,
          truth: TRUTH.other,
        })),
        ...Array.from({ length: int(1, 3) }, () => {
          const p = paragraph();
          return { text: p.text, truth: p.group };
        }),
      ];
      for (const s of embedded) {
        lines.push(separator());
        append(lines, bodyLines(s, random() < 0.5 ? "original" : variantOf(), outlet.name, false));
      }
      lines.push(
        separator(),
        { text: "", truth: TRUTH.blank },
        { text: "No comments:", truth: TRUTH.boilerplate },
        { text: "Post a Comment", truth: TRUTH.boilerplate },
      );
    } else {
      // A commentary quoting two paragraphs of an existing story.
      const quoted = existing();
      const own = story();
      const at = int(1, own.paragraphs.length - 1);
      const body = [
        ...own.paragraphs.slice(0, at),
        ...quoted.paragraphs.slice(1, 3),
        ...own.paragraphs.slice(at),
      ];
      lines = [
        { text: own.headline, truth: TRUTH.other },
        { text: own.byline, truth: TRUTH.other },
        ...body.map((p) => ({ text: p.text, truth: p.group })),
        ...footer(outlet.folder),
      ];
    }
    const crlf = random() < 0.2;
    const text =
      lines.map((line) => line.text).join(crlf ? "\r\n" : "\n") +
      (random() < 0.9 ? (crlf ? "\r\n" : "\n") : "");
    const bytes = random() < 0.1 ? encoder.encode("\ufeff" + text) : encoder.encode(text);
    inputs.push({
      file: `corpus/${outlet.folder}/capture-${String(n).padStart(5, "0")}.txt`,
      bytes,
    });
    truth.push(
      Int32Array.from(lines, (line) => (line.text.trim() === "" ? TRUTH.blank : line.truth)),
    );
    total += bytes.length;
  }
  return { inputs, truth, groups };
}

/** How well an archive matches a generated corpus's ground truth. */
export interface CorpusScore {
  /** Same-paragraph pairs among body lines, in the truth. */
  truePairs: number;
  /** Same-paragraph pairs among body lines, as found. */
  foundPairs: number;
  /** Found pairs that are true. */
  correctPairs: number;
  /** correctPairs / foundPairs. */
  precision: number;
  /** correctPairs / truePairs. */
  recall: number;
  /** Share of true boilerplate lines labelled boilerplate. */
  boilerplateRecall: number;
  /** Share of boilerplate labels that are true boilerplate. */
  boilerplatePrecision: number;
  /** Non-blank lines with no ledger entry, or more than one. */
  linesLost: number;
}

/** Number of unordered pairs among n items. */
const pairs = (n: number): number => (n * (n - 1)) / 2;

/** Scores an archive's ledger against the corpus's ground truth. */
export function scoreArchive(
  corpus: GeneratedCorpus,
  ledger: readonly {
    file: string;
    line: number;
    status: string;
    paragraph?: string;
    duplicateOf?: string;
  }[],
): CorpusScore {
  const truthOf = new Map(corpus.inputs.map((input, i) => [input.file, corpus.truth[i]!]));
  const seen = new Map<string, Uint8Array>();
  const trueCounts = new Map<number, number>();
  const foundCounts = new Map<string, number>();
  const cells = new Map<string, number>();
  let boilerplateTrue = 0;
  let boilerplateCaught = 0;
  let boilerplateLabels = 0;
  let boilerplateRight = 0;
  let linesLost = 0;
  for (const entry of ledger) {
    const truth = truthOf.get(entry.file);
    const marks = seen.get(entry.file) ?? new Uint8Array(truth?.length ?? 0);
    seen.set(entry.file, marks);
    if (marks[entry.line - 1] === 1) linesLost++;
    marks[entry.line - 1] = 1;
    const t = truth?.[entry.line - 1] ?? TRUTH.other;
    if (entry.status === "boilerplate") {
      boilerplateLabels++;
      if (t === TRUTH.boilerplate) boilerplateRight++;
    }
    if (t === TRUTH.boilerplate) {
      boilerplateTrue++;
      if (entry.status === "boilerplate") boilerplateCaught++;
    }
    if (t < 0) continue;
    const found = entry.paragraph ?? entry.duplicateOf ?? `${entry.file}:${entry.line}`;
    trueCounts.set(t, (trueCounts.get(t) ?? 0) + 1);
    foundCounts.set(found, (foundCounts.get(found) ?? 0) + 1);
    const cell = `${t}|${found}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  corpus.inputs.forEach((input, i) => {
    const marks = seen.get(input.file);
    corpus.truth[i]!.forEach((t, line) => {
      if (t !== TRUTH.blank && marks?.[line] !== 1) linesLost++;
    });
  });
  const sum = (counts: Map<unknown, number>): number =>
    [...counts.values()].reduce((total, n) => total + pairs(n), 0);
  const truePairs = sum(trueCounts);
  const foundPairs = sum(foundCounts);
  const correctPairs = sum(cells);
  return {
    truePairs,
    foundPairs,
    correctPairs,
    precision: foundPairs === 0 ? 1 : correctPairs / foundPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    boilerplateRecall: boilerplateTrue === 0 ? 1 : boilerplateCaught / boilerplateTrue,
    boilerplatePrecision: boilerplateLabels === 0 ? 1 : boilerplateRight / boilerplateLabels,
    linesLost,
  };
}
