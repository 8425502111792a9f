import { describe, expect, it } from "vitest";
import { assessClaims, corroborationSummary } from "../../../src/lib/reliability/corroboration.ts";
import { gradeSources } from "../../../src/lib/reliability/grades.ts";
import { findOrigins } from "../../../src/lib/reliability/origins.ts";
import { chain, claim, outlet, outletMap, source } from "./fixtures.ts";

describe("corroborationSummary", () => {
  it("gets singular and plural right", () => {
    expect(corroborationSummary(5, 5, 3)).toBe("5 outlets · 3 independent origins");
    expect(corroborationSummary(3, 3, 1)).toBe("3 outlets · 1 independent origin");
    expect(corroborationSummary(2, 1, 1)).toBe("1 outlet · 1 independent origin");
    expect(corroborationSummary(0, 0, 0)).toBe("no sources");
  });
});

describe("assessClaims", () => {
  it("counts 5 sources from 5 outlets with 3 origins", () => {
    const sources = [
      ...chain.sources,
      source("wire-copy", "wire-outlet", { published: "2024-08-04" }),
    ];
    const outlets = new Map([
      ...chain.outlets,
      ["wire-outlet", outlet("wire-outlet", { reliability: "C" })],
    ]);
    const graded = gradeSources(sources, outlets);
    const { tracesTo } = findOrigins(sources, [
      { documentId: "d-1", sources: ["team-cymru-analysis"] },
    ]);
    const stances = Object.fromEntries(sources.map((entry) => [entry.id, "asserts"]));
    const [assessment] = assessClaims([claim("cne-attacked", stances)], graded, tracesTo);
    const { traces, ...counts } = assessment!.asserts;
    expect(traces.map((trace) => [trace.origin, trace.paths.map((path) => path.source)])).toEqual([
      [
        "origin-mision-verdad-original",
        ["mr-online-copy", "mision-verdad-original", "mintpress-copy"],
      ],
      ["origin-team-cymru-analysis", ["team-cymru-analysis"]],
      ["origin-wire-copy", ["wire-copy"]],
    ]);
    expect(counts).toEqual({
      sources: [
        "mr-online-copy",
        "mision-verdad-original",
        "mintpress-copy",
        "team-cymru-analysis",
        "wire-copy",
      ],
      outlets: ["mr-online", "mision-verdad", "mintpress-news", "team-cymru", "wire-outlet"],
      origins: ["origin-mision-verdad-original", "origin-team-cymru-analysis", "origin-wire-copy"],
      bestReliability: "B",
      summary: "5 outlets · 3 independent origins",
      // No merge reasons given: the paths have no steps.
      dependent: 0,
    });
    expect(assessment?.disputes).toEqual({
      sources: [],
      outlets: [],
      origins: [],
      traces: [],
      dependent: 0,
      bestReliability: undefined,
      summary: "no sources",
    });
    expect(assessment?.mentions).toEqual([]);
  });

  it("gives the path from each source to its origin, declared links either way", () => {
    const graded = gradeSources(chain.sources, chain.outlets);
    const origins = findOrigins(chain.sources, []);
    const stances = Object.fromEntries(chain.sources.map((entry) => [entry.id, "asserts"]));
    const [assessment] = assessClaims(
      [claim("cne-attacked", stances)],
      graded,
      origins.tracesTo,
      origins.groups.flatMap((group) => group.reasons),
    );
    expect(assessment!.asserts.traces[0]!.paths.map((path) => path.text)).toEqual([
      "mr-online-copy → republishes → mintpress-copy → republishes → mision-verdad-original",
      "mision-verdad-original",
      "mintpress-copy → republishes → mision-verdad-original",
    ]);
    expect(assessment!.asserts.dependent).toBe(2);
  });

  it("separates asserting, disputing and mentioning sources, in source-file order, leaving out unknown ids", () => {
    const graded = gradeSources(chain.sources, chain.outlets);
    const { tracesTo } = findOrigins(chain.sources, []);
    const [assessment] = assessClaims(
      [
        claim("opposition-behind-it", {
          "team-cymru-analysis": "disputes",
          "mintpress-copy": "asserts",
          "mision-verdad-original": "asserts",
          "mr-online-copy": "mentions",
          ghost: "asserts",
        }),
      ],
      graded,
      tracesTo,
    );
    expect(assessment?.asserts.sources).toEqual(["mision-verdad-original", "mintpress-copy"]);
    expect(assessment?.asserts.summary).toBe("2 outlets · 1 independent origin");
    expect(assessment?.asserts.bestReliability).toBe("D");
    expect(assessment?.disputes.sources).toEqual(["team-cymru-analysis"]);
    expect(assessment?.disputes.summary).toBe("1 outlet · 1 independent origin");
    expect(assessment?.mentions).toEqual(["mr-online-copy"]);
  });

  it("counts two sources of one outlet as one outlet", () => {
    const sources = [source("a", "same"), source("b", "same")];
    const graded = gradeSources(sources, outletMap(outlet("same")));
    const { tracesTo } = findOrigins(sources, []);
    const [assessment] = assessClaims(
      [claim("c", { a: "asserts", b: "asserts" })],
      graded,
      tracesTo,
    );
    expect(assessment?.asserts.summary).toBe("1 outlet · 2 independent origins");
    expect(assessment?.asserts.bestReliability).toBeUndefined();
  });

  it("counts a relay of two independent analyses as those two origins, without joining them", () => {
    const sources = [
      source("analysis-a", "a"),
      source("analysis-b", "b"),
      source("relay", "c", { based_on: ["analysis-a", "analysis-b"] }),
    ];
    const graded = gradeSources(sources, new Map());
    const { groups, tracesTo } = findOrigins(sources, []);
    expect(groups.map((group) => group.sources)).toEqual([
      ["analysis-a"],
      ["analysis-b"],
      ["relay"],
    ]);
    const [withA, relayAlone] = assessClaims(
      [
        claim("with-a", { "analysis-a": "asserts", relay: "asserts" }),
        claim("relay-alone", { relay: "asserts" }),
      ],
      graded,
      tracesTo,
    );
    expect(withA?.asserts.summary).toBe("2 outlets · 2 independent origins");
    expect(relayAlone?.asserts.origins).toEqual(["origin-analysis-a", "origin-analysis-b"]);
  });
});
