import { describe, expect, it } from "vitest";
import {
  clusterArticles,
  find,
  isSampled,
  union,
  unionFind,
  type ArticleSketch,
  type ArticleText,
} from "../../../src/lib/archive/cluster.ts";
import { shingles } from "../../../src/lib/archive/fingerprint.ts";
import { normalise } from "../../../src/lib/archive/normalise.ts";
import { processCaptures, type DocumentCopy } from "../../../src/lib/archive/index.ts";
import { fixtures } from "./helpers.ts";

/** Sketch and text of an article given its paragraphs (units: the paragraph texts' indices). */
function article(paragraphs: readonly string[]): { sketch: ArticleSketch; text: ArticleText } {
  const sets = paragraphs.map((p) => shingles(normalise(p)));
  const all = sets.flatMap((set) => [...set]);
  const samples = [...new Set(all.filter(isSampled))].sort((a, b) => a - b);
  return {
    sketch: {
      samples: Uint32Array.from(samples),
      units: Int32Array.from(new Set(paragraphs.map((p) => unitOf(p)))).sort(),
      size: all.length,
    },
    text: {
      shingles: Uint32Array.from(all),
      paragraphs: Uint32Array.from(sets.flatMap((set, i) => [...set].map(() => i))),
      sizes: Int32Array.from(sets.map((set) => set.length)),
    },
  };
}
const units = new Map<string, number>();
function unitOf(paragraph: string): number {
  if (!units.has(paragraph)) units.set(paragraph, units.size);
  return units.get(paragraph)!;
}
/** A paragraph of made-up words, different for every seed. */
function prose(seed: number, words = 40): string {
  return Array.from({ length: words }, (_, i) => `w${(seed * 7919 + i * 104729) % 99991}`).join(
    " ",
  );
}
function cluster(articles: readonly string[][]): number[] {
  const built = articles.map(article);
  return [
    ...clusterArticles(
      built.map((a) => a.sketch),
      (i) => built[i]!.text,
    ),
  ];
}

describe("clusterArticles", () => {
  const story = [1, 2, 3, 4, 5, 6].map((n) => prose(n));
  it("joins abridged, reflowed and edited copies to their original", () => {
    const edited = story.map((p, i) => (i === 2 ? p.replace(/^w\d+/, "changed") : p));
    expect(
      cluster([
        story,
        story.slice(0, 3), // abridged
        [story.slice(0, 3).join(" "), story.slice(3).join(" ")], // reflowed: paragraphs run together
        edited,
      ]),
    ).toEqual([0, 0, 0, 0]);
  });

  it("keeps apart articles that share one quoted paragraph, a footer or a menu", () => {
    const footer = [prose(90, 20), prose(91, 20)];
    expect(
      cluster([
        [...story, ...footer],
        [prose(20), story[1]!, prose(21), ...footer], // quotes one paragraph, same site
        [prose(30), ...footer], // a brief of one paragraph under a footer as long
      ]),
    ).toEqual([0, 1, 2]);
  });

  it("does not chain: a short article found inside two different stories joins one, and they stay apart", () => {
    const excerpt = [story[0]!, story[1]!];
    expect(
      cluster([
        [...excerpt, prose(40), prose(41), prose(42), prose(43)],
        [...excerpt, prose(50), prose(51), prose(52), prose(53)],
        excerpt,
      ]),
    ).toEqual([0, 1, 0]);
  });

  it("compares articles of short lines by their lines", () => {
    const roots = cluster([["Home", "World"], ["Home", "World"], ["Sports"]]);
    expect(roots).toEqual([0, 0, 2]);
  });

  it("union-find roots do not depend on the order of unions", () => {
    const a = unionFind(4);
    union(a, 3, 2);
    union(a, 2, 1);
    const b = unionFind(4);
    union(b, 1, 2);
    union(b, 2, 3);
    expect([1, 2, 3].map((i) => find(a, i))).toEqual([1, 1, 1]);
    expect([1, 2, 3].map((i) => find(b, i))).toEqual([1, 1, 1]);
  });
});

describe("documents", () => {
  it("merges one article from three outlets into one syndicated document", () => {
    const archive = processCaptures(fixtures("syndicated"));
    expect(archive.documents).toHaveLength(1);
    const [document] = archive.documents;
    expect(document!.syndicated).toBe(true);
    expect(document!.title).toBe("Regulator confirms nineteen-hour outage of billing portal");
    expect(document!.paragraphs).toHaveLength(11); // headline, byline, 8 shared paragraphs, 1 extra
    const copies: Record<string, DocumentCopy> = Object.fromEntries(
      document!.copies.map((c) => [c.file.split("/").pop()!, c]),
    );
    expect(copies["coastal-observer.txt"]!.canonical).toBe(true);
    expect(copies["coastal-observer.txt"]!.missing).toEqual([]);
    expect(copies["valdoria-daily.txt"]!.missing).toHaveLength(1);
    expect(copies["river-news.txt"]!.missing).toHaveLength(3); // abridged: last two and the extra
    expect(copies["river-news.txt"]!.front.map((p) => p.role)).toEqual(["headline", "byline"]);
    const variant = copies["river-news.txt"]!.diff!;
    expect(variant).toHaveLength(1);
    expect(variant[0]!.parts.filter((part) => part.removed).map((p) => p.value.trim())).toEqual([
      "roughly",
    ]);
    expect(variant[0]!.parts.filter((part) => part.added).map((p) => p.value.trim())).toEqual([
      "about",
    ]);
    // Every shared paragraph records all three places it was found.
    const lead = document!.paragraphs.find((p) =>
      p.text.startsWith("The national electricity regulator"),
    )!;
    expect(lead.occurrences.map((o) => `${o.file.split("/").pop()}:${o.line}`)).toEqual([
      "coastal-observer.txt:4",
      "river-news.txt:3",
      "valdoria-daily.txt:3",
    ]);
  });

  it("keeps two documents that quote the same two paragraphs apart, recording the shared paragraphs", () => {
    const archive = processCaptures(fixtures("quotes-two-paragraphs"));
    expect(archive.documents).toHaveLength(2);
    const [commentary, original] = archive.documents;
    expect(commentary!.sharedParagraphs).toHaveLength(2);
    expect(commentary!.sharedParagraphs.every((s) => s.documents[0] === original!.id)).toBe(true);
    expect(original!.sharedParagraphs.map((s) => s.paragraph)).toEqual(
      commentary!.sharedParagraphs.map((s) => s.paragraph),
    );
    expect(archive.documents.every((d) => !d.syndicated)).toBe(true);
  });

  it("splits a compilation into its intro and one document per article, and links the standalone capture", () => {
    const alone = processCaptures(fixtures("compilation.txt"));
    expect(alone.documents.map((d) => d.title)).toEqual([
      "Notes on a busy week for infrastructure security",
      "Telecom regulator says fibre cut and cyberattack hit the same weekend",
      "Why small utilities are struggling to patch their systems",
    ]);
    const [intro, fibre, patching] = alone.documents;
    const readingList = intro!.paragraphs.filter((p) => p.role === "list-item");
    expect(readingList.map((p) => p.announces)).toEqual([fibre!.id, patching!.id]);
    expect(patching!.paragraphs.filter((p) => p.role === "question").map((p) => p.text)).toEqual([
      "Is the problem money or staff?",
    ]);

    const both = processCaptures(fixtures("compilation.txt", "compilation-standalone.txt"));
    expect(both.documents).toHaveLength(3);
    const merged = both.documents.find((d) => d.title.startsWith("Telecom regulator"))!;
    expect(merged.copies.map((c) => c.file.split("/").pop())).toEqual([
      "compilation-standalone.txt",
      "compilation.txt",
    ]);
    expect(merged.syndicated).toBe(true);
  });

  it("makes one document with two copies from a page pasted twice", () => {
    const archive = processCaptures(fixtures("pasted-twice.txt"));
    expect(archive.documents).toHaveLength(1);
    const [document] = archive.documents;
    expect(document!.copies.map((c) => [c.startLine, c.endLine, c.canonical])).toEqual([
      [1, 11, true],
      [12, 21, false],
    ]);
    expect(document!.paragraphs).toHaveLength(10);
    expect(archive.stats).toMatchObject({
      uniqueParagraphs: 10,
      duplicates: 9,
      boilerplate: 2,
      kept: 10,
    });
    const second = archive.ledger.find((e) => e.line === 12)!;
    expect(second).toMatchObject({ status: "duplicate", duplicateOf: document!.paragraphs[1]!.id });
  });

  it("derives ids from content, so they survive unrelated captures being added", () => {
    const alone = processCaptures(fixtures("syndicated"));
    const together = processCaptures(
      fixtures("syndicated", "pasted-twice.txt", "quotes-two-paragraphs"),
    );
    const id = alone.documents[0]!.id;
    expect(id).toMatch(/^d-[0-9a-f]{10}$/);
    expect(together.documents.map((d) => d.id)).toContain(id);
    expect(alone.documents[0]!.paragraphs.every((p) => /^p-[0-9a-f]{10}$/.test(p.id))).toBe(true);
  });
});
