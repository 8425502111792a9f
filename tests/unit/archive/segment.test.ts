import { describe, expect, it } from "vitest";
import { extractCapture } from "../../../src/lib/archive/formats/index.ts";
import { lineStarts, splitLines } from "../../../src/lib/archive/lines.ts";
import { digest, digest64 } from "../../../src/lib/archive/fingerprint.ts";
import { normaliseLines } from "../../../src/lib/archive/normalise.ts";
import {
  isHardWrapped,
  isSeparator,
  keyOf,
  segmentBlocks,
  toBlocks,
} from "../../../src/lib/archive/segment.ts";
import { fixtures } from "./helpers.ts";

/** Segments one fixture into articles. */
function articlesOf(path: string) {
  const [input] = fixtures(path);
  const lines = splitLines(extractCapture(input!).text);
  return segmentBlocks(input!.file, toBlocks(input!.file, lines));
}

describe("segment", () => {
  it("joins 130,000 hard-wrapped lines into one paragraph (their widths once overflowed the stack)", () => {
    const words = ["the", "ministry", "said", "portal", "traffic", "flood", "hours", "again"];
    const lines = Array.from({ length: 130_000 }, (_, i) => {
      let line = "";
      for (let w = i; line.length < 55; w += 3) line += `${words[w % words.length]!} `;
      return line.trimEnd();
    });
    expect(isHardWrapped(lines)).toBe(true);
    const blocks = toBlocks("wrapped.txt", lines);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.endLine).toBe(130_000);
  });

  it("recognises separator lines of repeated characters", () => {
    expect(isSeparator("x".repeat(27))).toBe(true);
    expect(isSeparator("  * * *  ")).toBe(true);
    expect(isSeparator("=====")).toBe(true);
    expect(isSeparator("xx")).toBe(false);
    expect(isSeparator("Xerxes")).toBe(false);
  });

  it("splits a page pasted twice where the repeated run starts", () => {
    const articles = articlesOf("pasted-twice.txt");
    expect(
      articles.map((a) => [a.start, a.blocks[0]!.startLine, a.blocks.at(-1)!.endLine]),
    ).toEqual([
      ["file", 1, 11],
      ["repeat", 12, 21],
    ]);
  });

  it("splits a compilation at its separators, keeping the intro as its own article", () => {
    const articles = articlesOf("compilation.txt");
    expect(articles.map((a) => [a.start, a.blocks[0]!.startLine])).toEqual([
      ["file", 1],
      ["separator", 12],
      ["separator", 18],
      ["separator", 30],
      ["separator", 40],
    ]);
    // The two separators around the vanished video stay together with what follows them.
    expect(articles[1]!.blocks.map((b) => b.startLine)).toEqual([12, 15, 16, 17]);
  });

  it("starts a new article at a headline followed by a byline after prose", () => {
    const prose =
      "This paragraph is long enough to count as prose in an article body, with many words in it and a few more besides.";
    const lines = [
      "First story headline",
      prose,
      prose + " Two.",
      prose + " Three.",
      "Second Story About Something Else",
      "By Ana Ruiz",
      prose + " Four.",
    ];
    const articles = segmentBlocks("x.txt", toBlocks("x.txt", lines));
    expect(articles.map((a) => [a.start, a.blocks[0]!.startLine])).toEqual([
      ["file", 1],
      ["headline", 5],
    ]);
  });

  it("keeps one paragraph per line and records line numbers", () => {
    const blocks = toBlocks("x.txt", ["One.", "", "  Two.", "Three."]);
    expect(blocks.map((b) => [b.startLine, b.endLine, b.text, b.key])).toEqual([
      [1, 1, "One.", "one."],
      [3, 3, "  Two.", "two."],
      [4, 4, "Three.", "three."],
    ]);
  });

  it("digests lines in place of the capture text as the engine always keyed them", () => {
    const text = "One “two”  three.\r\n\r\n  Páez — ﬁled it\rA `tick` here\nΣΟΦΙΑ\n";
    const lines = splitLines(text);
    const capture = { text, starts: lineStarts(text, lines), ascii: false };
    const blocks = toBlocks("x.txt", lines, false, capture);
    // The engine's keys: the whole capture normalised at once (a backtick folds on every line).
    const keys = normaliseLines(text, lines.length);
    expect(blocks.map(keyOf)).toEqual(blocks.map((b) => keys[b.startLine - 1]));
    expect(blocks.map((b) => [b.high, b.low, b.length, b.words])).toEqual(
      blocks.map((b) => {
        const key = keys[b.startLine - 1]!;
        digest64(key);
        return [digest[0]! | 0, digest[1]! | 0, key.length, digest[2]! + 1];
      }),
    );
  });

  it("joins hard-wrapped lines into paragraphs", () => {
    const wrapped = [
      "The regulator said on Tuesday that the billing portal had been offline",
      "for nineteen hours after a flood of requests from abroad, and that it",
      "had moved traffic to a backup data centre before noon on that day.",
      "",
      "Engineers said the volume of requests kept rising during the morning and",
      "peaked at about forty times the usual load, according to a statement.",
      "",
      "Opposition lawmakers called for a hearing on the incident and asked the",
      "ministry to publish its technical report, which has not been released.",
    ];
    expect(isHardWrapped(wrapped)).toBe(true);
    const blocks = toBlocks("w.txt", wrapped);
    expect(blocks.map((b) => [b.startLine, b.endLine])).toEqual([
      [1, 3],
      [5, 6],
      [8, 9],
    ]);
    expect(blocks[0]!.key).toContain("offline for nineteen");
    expect(isHardWrapped(splitLines(extractCapture(fixtures("pasted-twice.txt")[0]!).text))).toBe(
      false,
    );
  });
});
