import { describe, expect, it } from "vitest";
import { assessIncident, sourcesJson } from "../../../src/lib/reliability/index.ts";
import { chain, claim, incident } from "./fixtures.ts";

const input = {
  file: "data/incidents/2024-venezuela/sources.yaml",
  incidentFile: "content/incidents/2024-venezuela.mdx",
  incident: incident("claimed"),
  sources: chain.sources,
  claims: [
    claim("opposition-behind-it", {
      "team-cymru-analysis": "disputes",
      "mintpress-copy": "asserts",
      "mision-verdad-original": "asserts",
      "mr-online-copy": "mentions",
    }),
  ],
  outlets: chain.outlets,
  syndication: [],
};

describe("assessIncident", () => {
  it("grades, groups, counts and lints one incident", () => {
    const assessment = assessIncident(input);
    expect(
      assessment.sources.map((graded) => [
        graded.id,
        graded.reliability ?? null,
        graded.reliabilitySource,
      ]),
    ).toEqual([
      ["mr-online-copy", null, "none"],
      ["mision-verdad-original", "D", "outlet"],
      ["mintpress-copy", "E", "outlet"],
      ["team-cymru-analysis", "B", "outlet"],
    ]);
    expect(assessment.origins.map((group) => group.id)).toEqual([
      "origin-mision-verdad-original",
      "origin-team-cymru-analysis",
    ]);
    expect(assessment.claims[0]?.asserts.summary).toBe("2 outlets · 1 independent origin");
    expect(assessment.lints).toEqual([]);
  });
});

describe("sourcesJson", () => {
  const json = sourcesJson(assessIncident(input));

  it("gives each source both grades separately, with labels and where they came from", () => {
    expect(json.sources[1]).toEqual({
      id: "mision-verdad-original",
      title: "Title of mision-verdad-original",
      outlet: "mision-verdad",
      kind: "news-report",
      author: null,
      published: "2024-08-01",
      url: null,
      archived_url: null,
      captures: ["test/mision-verdad-original.txt"],
      republished_from: null,
      based_on: [],
      translated_from: null,
      origin: "origin-mision-verdad-original",
      reliability: { grade: "D", label: "not usually reliable", from: "outlet" },
      credibility: { grade: null, label: null },
      rationale: "Aligned with one side.",
      rationaleFrom: "outlet",
    });
    expect(json.sources[0]?.reliability).toEqual({ grade: null, label: null, from: "none" });
  });

  it("gives each claim its stances and corroboration counts", () => {
    expect(json.claims).toEqual([
      {
        id: "opposition-behind-it",
        text: "Text of opposition-behind-it.",
        stances: {
          "mr-online-copy": "mentions",
          "mision-verdad-original": "asserts",
          "mintpress-copy": "asserts",
          "team-cymru-analysis": "disputes",
        },
        asserts: {
          sources: 2,
          outlets: 2,
          origins: 1,
          bestReliability: "D",
          summary: "2 outlets · 1 independent origin",
          traces: [
            {
              origin: "origin-mision-verdad-original",
              paths: [
                {
                  source: "mision-verdad-original",
                  path: ["mision-verdad-original"],
                  text: "mision-verdad-original",
                },
                {
                  source: "mintpress-copy",
                  path: ["mintpress-copy", "republishes", "mision-verdad-original"],
                  text: "mintpress-copy → republishes → mision-verdad-original",
                },
              ],
            },
          ],
        },
        disputes: {
          sources: 1,
          outlets: 1,
          origins: 1,
          bestReliability: "B",
          summary: "1 outlet · 1 independent origin",
          traces: [
            {
              origin: "origin-team-cymru-analysis",
              paths: [
                {
                  source: "team-cymru-analysis",
                  path: ["team-cymru-analysis"],
                  text: "team-cymru-analysis",
                },
              ],
            },
          ],
        },
        mentions: ["mr-online-copy"],
      },
    ]);
  });

  it("lists origin groups with their reasons and the scale for a legend", () => {
    expect(json.origins[0]?.reasons).toEqual([
      {
        kind: "republished_from",
        from: "mr-online-copy",
        to: "mintpress-copy",
        document: null,
        affiliation: null,
        evidence: "declared by the researchers (republished_from in sources.yaml)",
      },
      {
        kind: "republished_from",
        from: "mintpress-copy",
        to: "mision-verdad-original",
        document: null,
        affiliation: null,
        evidence: "declared by the researchers (republished_from in sources.yaml)",
      },
    ]);
    expect(json.scale.reliability.map((grade) => grade.grade)).toEqual([
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
    ]);
    expect(json.scale.credibility[0]).toEqual({
      grade: 1,
      label: "confirmed by other sources",
      description: expect.any(String),
    });
  });

  it("writes keys in a stable order, so the same input gives the same bytes", () => {
    expect(Object.keys(json)).toEqual(["scale", "sources", "claims", "origins"]);
    const reordered = {
      ...input,
      claims: [
        claim(
          "opposition-behind-it",
          Object.fromEntries(Object.entries(input.claims[0]?.stances ?? {}).reverse()),
        ),
      ],
    };
    expect(JSON.stringify(sourcesJson(assessIncident(reordered)))).toBe(JSON.stringify(json));
  });
});
