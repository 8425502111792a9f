import { describe, expect, it } from "vitest";
import { clusterArticles, find, union, unionFind } from "../../../src/lib/archive/cluster.ts";
import { processCaptures, type DocumentCopy } from "../../../src/lib/archive/index.ts";
import { fixtures } from "./helpers.ts";

describe("clusterArticles", () => {
  it("joins articles when most of the shorter one is in the other, not on one or two quoted paragraphs", () => {
    const roots = clusterArticles([
      Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      Int32Array.of(1, 2, 3, 4, 5), // abridged copy of 0
      Int32Array.of(2, 3, 20, 21, 22, 23, 24), // quotes two paragraphs of 0
      Int32Array.of(30),
      Int32Array.of(30), // one-paragraph copies
    ]);
    expect([...roots]).toEqual([0, 0, 2, 3, 3]);
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
