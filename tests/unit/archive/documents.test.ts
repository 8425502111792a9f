import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../src/lib/archive/fingerprint.ts";
import {
  processCaptures,
  type DiffPart,
  type ParagraphVariant,
} from "../../../src/lib/archive/index.ts";

const encoder = new TextEncoder();

/** A paragraph of `count` made-up words, and a copy that changes every `every`-th word. */
function versions(count: number, every: number, seed = 5): [string, string] {
  const random = mulberry32(seed);
  const syllables = ["ka", "lo", "mi", "tre", "san", "vor", "del", "pa", "ri", "chu", "nel"];
  const words = Array.from({ length: count }, () => {
    let word = "";
    for (let s = 1 + Math.floor(random() * 3); s > 0; s--)
      word += syllables[Math.floor(random() * syllables.length)]!;
    return word;
  });
  const copy = words.map((word, i) => (i % every === every - 1 ? `${word}s` : word));
  return [`${words.join(" ")}.`, `${copy.join(" ")}.`];
}

/** The edited versions found when two captures hold one version each. */
function variantsOf(original: string, copy: string): ParagraphVariant[] {
  const archive = processCaptures([
    { file: "a.txt", bytes: encoder.encode(`${original}\n`) },
    { file: "b.txt", bytes: encoder.encode(`${copy}\n`) },
  ]);
  expect(archive.documents).toHaveLength(1);
  return archive.documents[0]!.copies.flatMap((c) => c.diff ?? []);
}

/** The canonical text and the copy's, rebuilt from diff parts. */
function sides(parts: readonly DiffPart[]): [string, string] {
  const join = (keep: (part: DiffPart) => boolean): string =>
    parts
      .filter(keep)
      .map((part) => part.value)
      .join("");
  return [join((part) => !part.added), join((part) => !part.removed)];
}

describe("word diffs between versions of a paragraph", () => {
  it("mark each changed word of an edited paragraph of ordinary length", () => {
    const [original, copy] = versions(500, 10);
    const [variant] = variantsOf(original, copy);
    expect(variant!.rewritten).toBeUndefined();
    expect(variant!.parts.filter((part) => part.added)).toHaveLength(50);
    expect(variant!.parts.filter((part) => part.removed)).toHaveLength(50);
    expect(sides(variant!.parts).sort()).toEqual([original, copy].sort());
  });

  it("show a long paragraph changed throughout as rewritten, both texts intact, at once", () => {
    // A megabyte a side: the unbounded diff took minutes over this.
    const [original, copy] = versions(140_000, 12);
    const [variant] = variantsOf(original, copy);
    expect(variant!.rewritten).toBe(true);
    expect(variant!.parts.filter((part) => part.added)).toHaveLength(1);
    expect(variant!.parts.filter((part) => part.removed)).toHaveLength(1);
    expect(sides(variant!.parts).sort()).toEqual([original, copy].sort());
  });

  it("still mark a few changed words of a long paragraph word by word", () => {
    const [original, copy] = versions(70_000, 14_000);
    const [variant] = variantsOf(original, copy);
    expect(variant!.rewritten).toBeUndefined();
    expect(variant!.parts.filter((part) => part.added)).toHaveLength(5);
    expect(sides(variant!.parts).sort()).toEqual([original, copy].sort());
  });
});
