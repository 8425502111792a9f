import { describe, expect, it } from "vitest";
import { anchorOf, matchesTerms, prefixTerms } from "../../../src/lib/offline/search-matches.ts";

describe("search matches across the index's shards", () => {
  it("takes the unquoted terms of a query as Pagefind compares them, and none of a quoted one", () => {
    expect(prefixTerms("  Théoktisto  Sputnik's ")).toEqual(["theoktisto", "sputniks"]);
    expect(prefixTerms('"Victor Theoktisto"')).toEqual([]);
    expect(prefixTerms("")).toEqual([]);
  });

  it("tells a shard that matched the word from one that fell back to a shorter word", () => {
    const content = "The auditor Victor Theoktisto told Sputnik of a denial-of-service attack.";
    // Pagefind's locations: the words it matched, counted on the content split at white space.
    expect(matchesTerms({ content, locations: [3] }, ["theoktisto"])).toBe(true);
    expect(matchesTerms({ content, locations: [3] }, ["theokt"])).toBe(true);
    // "theoktisto" searched in a shard without it: Pagefind matched "the" instead.
    expect(matchesTerms({ content, locations: [0] }, ["theoktisto"])).toBe(false);
    expect(matchesTerms({ content, locations: [7] }, ["achacachi"])).toBe(false);
    // Both terms must be matched; a hyphenated word counts by its parts.
    expect(matchesTerms({ content, locations: [3, 8] }, ["theoktisto", "service"])).toBe(true);
    expect(matchesTerms({ content, locations: [3] }, ["theoktisto", "service"])).toBe(false);
  });

  it("links a result to the heading, paragraph or row nearest before its first match", () => {
    const anchors = [
      { element: "h2", id: "what-happened", location: 0 },
      { element: "figure", id: "chart-1", location: 10 },
      { element: "details", id: "d-1", location: 40 },
      { element: "div", id: "p-1", location: 42 },
      { element: "div", id: "p-2", location: 60 },
    ];
    expect(anchorOf(anchors, [50, 70])).toBe("p-1");
    expect(anchorOf(anchors, [41])).toBe("d-1");
    expect(anchorOf(anchors, [12])).toBe("what-happened");
    expect(anchorOf(anchors, [])).toBeUndefined();
    expect(anchorOf([{ element: "div", id: "p-9", location: 5 }], [2])).toBeUndefined();
  });
});
