import { describe, expect, it } from "vitest";
import { findOrigins } from "../../../src/lib/reliability/origins.ts";
import { chain, outlet, outletMap, source } from "./fixtures.ts";

describe("findOrigins", () => {
  it("joins a republication chain (original → MintPress → MR Online) into one origin, apart from an independent source", () => {
    const { groups, originOf } = findOrigins(chain.sources, []);
    expect(groups).toEqual([
      {
        id: "origin-mision-verdad-original",
        sources: ["mr-online-copy", "mision-verdad-original", "mintpress-copy"],
        outlets: ["mr-online", "mision-verdad", "mintpress-news"],
        reasons: [
          { kind: "republished_from", from: "mr-online-copy", to: "mintpress-copy" },
          { kind: "republished_from", from: "mintpress-copy", to: "mision-verdad-original" },
        ],
      },
      {
        id: "origin-team-cymru-analysis",
        sources: ["team-cymru-analysis"],
        outlets: ["team-cymru"],
        reasons: [],
      },
    ]);
    expect(Object.fromEntries(originOf)).toEqual({
      "mr-online-copy": "origin-mision-verdad-original",
      "mision-verdad-original": "origin-mision-verdad-original",
      "mintpress-copy": "origin-mision-verdad-original",
      "team-cymru-analysis": "origin-team-cymru-analysis",
    });
  });

  it("joins sources whose captures are copies of one syndicated article", () => {
    const sources = [
      source("wire", "agency"),
      source("paper-a", "a"),
      source("paper-b", "b"),
      source("own-report", "c"),
    ];
    const { groups } = findOrigins(sources, [
      { documentId: "d-0123456789", sources: ["paper-b", "wire", "paper-a"] },
    ]);
    expect(groups).toEqual([
      {
        id: "origin-wire",
        sources: ["wire", "paper-a", "paper-b"],
        outlets: ["agency", "a", "b"],
        reasons: [
          { kind: "same-article", from: "wire", to: "paper-a", document: "d-0123456789" },
          { kind: "same-article", from: "wire", to: "paper-b", document: "d-0123456789" },
        ],
      },
      { id: "origin-own-report", sources: ["own-report"], outlets: ["c"], reasons: [] },
    ]);
  });

  it("merges groups linked by both kinds of evidence", () => {
    const sources = [
      source("a", "x"),
      source("b", "y", { republished_from: "a" }),
      source("c", "z"),
      source("d", "z"),
    ];
    const { groups } = findOrigins(sources, [{ documentId: "d-1", sources: ["b", "c"] }]);
    expect(groups.map((group) => [group.id, group.sources, group.outlets])).toEqual([
      ["origin-a", ["a", "b", "c"], ["x", "y", "z"]],
      ["origin-d", ["d"], ["z"]],
    ]);
    expect(groups[0]?.reasons.map((reason) => reason.kind)).toEqual([
      "republished_from",
      "same-article",
    ]);
  });

  it("names a syndication group after its earliest-published member, undated members last", () => {
    const sources = [
      source("undated", "x"),
      source("late", "y", { published: "2024-08-09" }),
      source("early", "z", { published: "2024-08-02" }),
    ];
    const { groups } = findOrigins(sources, [
      { documentId: "d-1", sources: ["undated", "late", "early"] },
    ]);
    expect(groups.map((group) => group.id)).toEqual(["origin-early"]);
  });

  it("gives the same groups whatever the order of the syndication input", () => {
    const sources = [source("a", "x"), source("b", "y"), source("c", "z"), source("d", "w")];
    const one = findOrigins(sources, [
      { documentId: "d-2", sources: ["c", "d"] },
      { documentId: "d-1", sources: ["b", "a"] },
    ]);
    const other = findOrigins(sources, [
      { documentId: "d-1", sources: ["a", "b"] },
      { documentId: "d-2", sources: ["d", "c"] },
    ]);
    expect(other).toEqual(one);
    expect(one.groups.map((group) => group.id)).toEqual(["origin-a", "origin-c"]);
  });

  it("ignores links to unknown sources and survives a republication cycle", () => {
    const sources = [
      source("a", "x", { republished_from: "b" }),
      source("b", "y", { republished_from: "a" }),
      source("c", "z", { republished_from: "ghost" }),
    ];
    const { groups } = findOrigins(sources, [{ documentId: "d-1", sources: ["c", "phantom"] }]);
    expect(groups.map((group) => [group.id, group.sources])).toEqual([
      ["origin-a", ["a", "b"]],
      ["origin-c", ["c"]],
    ]);
    expect(groups[1]?.reasons).toEqual([]);
  });

  it("joins a source to the analysis it reports (based_on), though it copies none of its text", () => {
    const sources = [
      source("vendor-analysis", "vendor"),
      source("news-relay", "unknown-site", { based_on: ["vendor-analysis"] }),
      source("own-report", "paper"),
    ];
    const { groups } = findOrigins(sources, []);
    expect(groups.map((group) => [group.id, group.sources])).toEqual([
      ["origin-vendor-analysis", ["vendor-analysis", "news-relay"]],
      ["origin-own-report", ["own-report"]],
    ]);
    expect(groups[0]?.reasons).toEqual([
      { kind: "based_on", from: "news-relay", to: "vendor-analysis" },
    ]);
  });

  it("joins a translation to its original, named after the original", () => {
    const sources = [
      source("english-version", "b", {
        translated_from: "spanish-original",
        published: "2024-08-01",
      }),
      source("spanish-original", "a", { published: "2024-08-02" }),
    ];
    const { groups } = findOrigins(sources, []);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.id).toBe("origin-spanish-original");
    expect(groups[0]?.reasons).toEqual([
      { kind: "translated_from", from: "english-version", to: "spanish-original" },
    ]);
  });

  it("joins the sources of outlets under one controlling party, and only those", () => {
    const outlets = outletMap(
      outlet("council", { kind: "government", affiliation: "government-of-x" }),
      outlet("presidency", { kind: "government", affiliation: "government-of-x" }),
      outlet("prosecutor", { kind: "government", affiliation: "government-of-x" }),
      outlet("paper"),
    );
    const sources = [
      source("council-bulletin", "council"),
      source("president-speech", "presidency"),
      source("paper-report", "paper"),
      source("prosecutor-statement", "prosecutor"),
    ];
    const { groups } = findOrigins(sources, [], outlets);
    expect(groups.map((group) => [group.id, group.sources])).toEqual([
      ["origin-council-bulletin", ["council-bulletin", "president-speech", "prosecutor-statement"]],
      ["origin-paper-report", ["paper-report"]],
    ]);
    expect(groups[0]?.reasons).toEqual([
      {
        kind: "affiliation",
        from: "council-bulletin",
        to: "president-speech",
        affiliation: "government-of-x",
      },
      {
        kind: "affiliation",
        from: "council-bulletin",
        to: "prosecutor-statement",
        affiliation: "government-of-x",
      },
    ]);
  });
});
