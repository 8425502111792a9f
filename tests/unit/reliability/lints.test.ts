import { describe, expect, it } from "vitest";
import type { Incident } from "../../../src/schemas/incident.ts";
import type { Claim, Source } from "../../../src/schemas/sources.ts";
import { assessIncident } from "../../../src/lib/reliability/index.ts";
import { lintNames } from "../../../src/lib/reliability/lints.ts";
import { chain, claim, incident, outlet, outletMap, source } from "./fixtures.ts";

const file = "data/incidents/2024-venezuela/sources.yaml";
const incidentFile = "content/incidents/2024-venezuela.mdx";

/** The problems one rule finds. */
function lintsOf(
  rule: string,
  input: {
    sources: Source[];
    claims: Claim[];
    status?: Incident["status"];
    syndication?: { documentId: string; sources: string[] }[];
    captureUrls?: Map<string, string>;
  },
) {
  const outlets = new Map([
    ...chain.outlets,
    ...outletMap(outlet("ungraded"), outlet("weak", { reliability: "E" })),
  ]);
  const { lints } = assessIncident({
    file,
    incidentFile,
    incident: incident(input.status ?? "corroborated"),
    sources: input.sources,
    claims: input.claims,
    outlets,
    syndication: input.syndication ?? [],
    ...(input.captureUrls ? { captureUrls: input.captureUrls } : {}),
  });
  return lints.filter((problem) => problem.rule === rule);
}

describe("lint rules", () => {
  it("are named", () => {
    expect(lintNames).toEqual([
      "circular-reporting",
      "weak-support",
      "single-origin-status",
      "undeclared-affiliation",
      "undeclared-dependence",
      "no-capture",
      "capture-url-mismatch",
      "disputed-but-confirmed",
      "unknown-id",
    ]);
  });
});

describe("circular-reporting", () => {
  it("flags credibility 1 on claims that only one origin asserts", () => {
    const sources = chain.sources.map((entry) =>
      entry.id === "mintpress-copy" ? { ...entry, credibility: 1 as const } : entry,
    );
    const claims = [
      claim("attack-from-abroad", {
        "mintpress-copy": "asserts",
        "mision-verdad-original": "asserts",
        "mr-online-copy": "asserts",
      }),
      claim("peak-traffic", { "mintpress-copy": "asserts" }),
      claim("unrelated", { "team-cymru-analysis": "asserts" }),
    ];
    expect(lintsOf("circular-reporting", { sources, claims })).toEqual([
      {
        rule: "circular-reporting",
        file,
        field: "sources[2].credibility",
        message:
          'source "mintpress-copy" is graded credibility 1 (confirmed by other sources), but claims "attack-from-abroad", "peak-traffic" it asserts have only one independent origin',
        hint: "republications and copies of one article are one origin, not a confirmation: grade it 2 (probably true) or lower until an independent origin asserts the same",
      },
    ]);
    expect(lintsOf("circular-reporting", { sources, claims: claims.slice(1) })[0]?.message).toBe(
      'source "mintpress-copy" is graded credibility 1 (confirmed by other sources), but claim "peak-traffic" it asserts has only one independent origin',
    );
  });

  it("counts copies of one syndicated article as one origin", () => {
    const sources = [source("a", "ungraded", { credibility: 1 }), source("b", "ungraded")];
    const claims = [claim("c", { a: "asserts", b: "asserts" })];
    expect(lintsOf("circular-reporting", { sources, claims })).toEqual([]);
    expect(
      lintsOf("circular-reporting", {
        sources,
        claims,
        syndication: [{ documentId: "d-1", sources: ["a", "b"] }],
      }),
    ).toHaveLength(1);
  });

  it("flags credibility 1 on a claim whose second source only reports the first (based_on)", () => {
    const sources = [
      source("analysis", "ungraded", { credibility: 1 }),
      source("relay", "weak", { based_on: ["analysis"] }),
    ];
    const claims = [claim("from-abroad", { analysis: "asserts", relay: "asserts" })];
    expect(lintsOf("circular-reporting", { sources, claims })).toHaveLength(1);
  });

  it("accepts credibility 1 when two independent origins assert the claim", () => {
    const sources = chain.sources.map((entry) =>
      entry.id === "mintpress-copy" ? { ...entry, credibility: 1 as const } : entry,
    );
    const claims = [
      claim("attack-from-abroad", {
        "mintpress-copy": "asserts",
        "team-cymru-analysis": "asserts",
      }),
    ];
    expect(lintsOf("circular-reporting", { sources, claims })).toEqual([]);
  });
});

describe("weak-support", () => {
  it("flags a claim asserted only by sources graded E, F or not graded", () => {
    const sources = [
      source("weak-one", "weak"),
      source("unjudged", "ungraded", { reliability: "F" }),
      source("bare", "ungraded"),
    ];
    const claims = [
      claim("shaky", { "weak-one": "asserts", unjudged: "asserts", bare: "asserts" }),
    ];
    expect(lintsOf("weak-support", { sources, claims })).toEqual([
      {
        rule: "weak-support",
        file,
        field: "claims[0].stances",
        message:
          'claim "shaky" is asserted only by sources graded E, F or not graded: weak-one (E), unjudged (F), bare (not graded)',
        hint: "find a source graded A–D that asserts it, or say in the write-up that the claim rests on weak sources",
      },
    ]);
  });

  it("accepts a claim that one source graded A–D asserts, and ignores claims nobody asserts", () => {
    const sources = [source("weak-one", "weak"), source("own-grade", "weak", { reliability: "D" })];
    const claims = [
      claim("supported", { "weak-one": "asserts", "own-grade": "asserts" }),
      claim("only-disputed", { "weak-one": "disputes" }),
    ];
    expect(lintsOf("weak-support", { sources, claims })).toEqual([]);
  });
});

describe("no-capture", () => {
  it("flags a source without a capture, and only that one", () => {
    const sources = [
      source("captured", "ungraded"),
      source("uncaptured", "ungraded", { captures: [] }),
    ];
    expect(lintsOf("no-capture", { sources, claims: [] })).toEqual([
      {
        rule: "no-capture",
        file,
        field: "sources[1].captures",
        message: 'source "uncaptured" has no capture',
        hint: "save the page's text under data/archives/ and list it in captures, so that the evidence survives if the page goes away",
      },
    ]);
    expect(lintsOf("no-capture", { sources: sources.slice(0, 1), claims: [] })).toEqual([]);
  });
});

describe("capture-url-mismatch", () => {
  it("warns when a source's url is not the page its capture says it was captured from", () => {
    const sources = [
      source("moved", "ungraded", {
        url: "https://news.example.org/a",
        captures: ["x/a.html", "x/b.wacz", "x/c.txt"],
      }),
      source("archived", "ungraded", {
        url: "https://news.example.org/gone",
        archived_url: "https://web.archive.org/web/2024/https://news.example.org/old/",
        captures: ["x/d.mhtml"],
      }),
    ];
    const captureUrls = new Map([
      // The same page: scheme, www. and a trailing slash do not count.
      ["x/a.html", "http://www.news.example.org/a/"],
      ["x/b.wacz", "https://news.example.org/another-story"],
      ["x/d.mhtml", "https://news.example.org/old"],
    ]);
    expect(lintsOf("capture-url-mismatch", { sources, claims: [], captureUrls })).toEqual([
      {
        rule: "capture-url-mismatch",
        file,
        field: "sources[0].captures[1]",
        message:
          'source "moved" gives the url https://news.example.org/a, but its capture x/b.wacz says it was captured from https://news.example.org/another-story',
        hint: "if the capture is of another page, list it under the source it belongs to; if the page moved or was captured through a copy, keep the address the capture gives in archived_url",
      },
    ]);
  });
});

describe("disputed-but-confirmed", () => {
  const claims = [
    claim("cne-attacked", { "team-cymru-analysis": "asserts" }),
    claim("opposition-behind-it", {
      "mision-verdad-original": "asserts",
      "team-cymru-analysis": "disputes",
      "mintpress-copy": "disputes",
      "mr-online-copy": "disputes",
    }),
  ];

  it("flags a confirmed incident with a disputed claim, in the write-up's frontmatter", () => {
    expect(
      lintsOf("disputed-but-confirmed", { sources: chain.sources, claims, status: "confirmed" }),
    ).toEqual([
      {
        rule: "disputed-but-confirmed",
        file: incidentFile,
        field: "status",
        message:
          'status is "confirmed", but claim "opposition-behind-it" is disputed by 3 sources from 2 independent origins: "mr-online-copy", "mintpress-copy", "team-cymru-analysis"',
        hint: "set status: disputed, or explain in the write-up why the dispute does not hold",
      },
    ]);
  });

  it("accepts disputes under another status, and a confirmed incident nobody disputes", () => {
    expect(
      lintsOf("disputed-but-confirmed", { sources: chain.sources, claims, status: "disputed" }),
    ).toEqual([]);
    expect(
      lintsOf("disputed-but-confirmed", {
        sources: chain.sources,
        claims: claims.slice(0, 1),
        status: "confirmed",
      }),
    ).toEqual([]);
  });

  it("words a single dispute in the singular", () => {
    const single = [claim("x", { "team-cymru-analysis": "disputes" })];
    expect(
      lintsOf("disputed-but-confirmed", {
        sources: chain.sources,
        claims: single,
        status: "confirmed",
      })[0]?.message,
    ).toBe(
      'status is "confirmed", but claim "x" is disputed by 1 source from 1 independent origin: "team-cymru-analysis"',
    );
  });
});

describe("single-origin-status", () => {
  it("flags a corroborated incident whose every asserted claim rests on one origin", () => {
    const sources = [
      source("analysis", "ungraded"),
      source("relay", "weak", { based_on: ["analysis"] }),
    ];
    const claims = [claim("from-abroad", { analysis: "asserts", relay: "asserts" })];
    expect(lintsOf("single-origin-status", { sources, claims })).toEqual([
      {
        rule: "single-origin-status",
        file: incidentFile,
        field: "status",
        message:
          'status is "corroborated", but every asserted claim rests on one independent origin (sources based on one another, or under one controlling party, are one origin)',
        hint: "set status: claimed until two independent origins assert a claim, or explain in the write-up what corroborates it",
      },
    ]);
    expect(lintsOf("single-origin-status", { sources, claims, status: "claimed" })).toEqual([]);
  });

  it("accepts a corroborated incident with a claim two independent origins assert", () => {
    const sources = [source("analysis", "ungraded"), source("other", "weak")];
    const claims = [claim("from-abroad", { analysis: "asserts", other: "asserts" })];
    expect(lintsOf("single-origin-status", { sources, claims })).toEqual([]);
  });
});

describe("undeclared-affiliation", () => {
  it("suggests an affiliation for government outlets of one country, and not once they declare one", () => {
    const run = (affiliation?: string) => {
      const fields = { kind: "government", country: "VE", ...(affiliation ? { affiliation } : {}) };
      const { lints } = assessIncident({
        file,
        incidentFile,
        incident: incident("claimed"),
        sources: [source("bulletin", "council"), source("speech", "presidency")],
        claims: [],
        outlets: outletMap(outlet("council", fields), outlet("presidency", fields)),
        syndication: [],
      });
      return lints.filter((problem) => problem.rule === "undeclared-affiliation");
    };
    expect(run().map((problem) => problem.message)).toEqual([
      'sources come from 2 government outlets of VE ("council", "presidency") that declare no shared affiliation, so they count as independent origins',
    ]);
    expect(run("government-of-venezuela")).toEqual([]);
  });
});

describe("undeclared-dependence", () => {
  it("words each suggestion the evidence makes, with a hint by its kind", () => {
    const { lints } = assessIncident({
      file,
      incidentFile,
      incident: incident("claimed"),
      sources: [source("original", "ungraded"), source("column", "weak")],
      claims: [],
      outlets: outletMap(outlet("ungraded"), outlet("weak")),
      syndication: [],
      suggestions: [
        {
          source: "column",
          on: "original",
          kind: "shared-paragraph",
          declare: "based_on",
          evidence:
            'shares paragraph p-0123456789 with "original", but neither declares that it depends on the other',
        },
      ],
    });
    expect(lints.filter((problem) => problem.rule === "undeclared-dependence")).toEqual([
      {
        rule: "undeclared-dependence",
        file,
        field: "sources[1]",
        message:
          'source "column" shares paragraph p-0123456789 with "original", but neither declares that it depends on the other, so they count as independent origins',
        hint: 'if one quotes or reports the other, declare it on that one (e.g. based_on: [original] on "column"); if both quote a third text, leave them and say so in the rationale',
      },
    ]);
  });

  it("says nothing of sources already of one origin", () => {
    const { lints } = assessIncident({
      file,
      incidentFile,
      incident: incident("claimed"),
      sources: [
        source("original", "ungraded"),
        source("column", "weak", { based_on: ["original"] }),
      ],
      claims: [],
      outlets: outletMap(outlet("ungraded"), outlet("weak")),
      syndication: [],
      suggestions: [
        {
          source: "column",
          on: "original",
          kind: "credit-line",
          declare: "based_on",
          evidence: "says x",
        },
      ],
    });
    expect(lints.filter((problem) => problem.rule === "undeclared-dependence")).toEqual([]);
  });
});

describe("unknown-id", () => {
  it("flags based_on and translated_from naming unknown sources, at their fields", () => {
    const sources = [
      source("a", "ungraded", { based_on: ["b", "ghost"] }),
      source("b", "ungraded", { translated_from: "b" }),
    ];
    expect(
      lintsOf("unknown-id", { sources, claims: [] }).map((problem) => [
        problem.field,
        problem.message,
      ]),
    ).toEqual([
      ["sources[0].based_on[1]", 'based_on names unknown source "ghost"'],
      ["sources[1].translated_from", 'source "b" names itself in translated_from'],
    ]);
  });

  it("flags stances and republished_from naming unknown sources, and a source republishing itself", () => {
    const sources = [
      source("a", "ungraded", { republished_from: "ghost" }),
      source("b", "ungraded", { republished_from: "b" }),
      source("c", "ungraded", { republished_from: "a" }),
    ];
    const claims = [claim("x", { a: "asserts", phantom: "disputes" })];
    expect(lintsOf("unknown-id", { sources, claims })).toEqual([
      {
        rule: "unknown-id",
        file,
        field: "sources[0].republished_from",
        message: 'republished_from names unknown source "ghost"',
        hint: "use the id of another source in this file (known: a, b, c)",
      },
      {
        rule: "unknown-id",
        file,
        field: "sources[1].republished_from",
        message: 'source "b" names itself in republished_from',
        hint: "use the id of another source in this file (known: a, c)",
      },
      {
        rule: "unknown-id",
        file,
        field: "claims[0].stances.phantom",
        message: 'stance names unknown source "phantom"',
        hint: "use the id of another source in this file (known: a, b, c)",
      },
    ]);
  });

  it("accepts known ids", () => {
    expect(
      lintsOf("unknown-id", {
        sources: chain.sources,
        claims: [claim("x", { "mintpress-copy": "asserts" })],
      }),
    ).toEqual([]);
  });
});
