import { describe, expect, it } from "vitest";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { suggestedDependences } from "../../../src/lib/dossier/dependences.ts";
import { incidentEvidence } from "../../../src/lib/dossier/evidence.ts";
import { outlet, outletMap, source } from "../reliability/fixtures.ts";

const quoted =
  "The monitoring service counted six thousand one hundred and fifty-four addresses flagged as malicious on the day of the vote, most of them active between noon and three in the afternoon.";

/** A capture of one article: a headline and its paragraphs, one a line. */
function article(title: string, paragraphs: string[]): Uint8Array {
  return new TextEncoder().encode(`${title}\n\n${paragraphs.join("\n\n")}\n`);
}

const captures = [
  {
    file: "data/archives/test/original.txt",
    bytes: article("Attack on the count, map by map", [
      "Several public attack maps showed a surge of hostile traffic aimed at the country during the election weekend, according to the outlet's own reading of them.",
      quoted,
      "The outlet concluded that the electoral system had faced a coordinated campaign, without naming who was behind it or publishing the underlying data.",
    ]),
  },
  {
    file: "data/archives/test/column.txt",
    bytes: article("The vote was under attack, and the critics looked away", [
      "Critics of the government were quick to dismiss the reports of an attack, the columnist writes, though they offered no evidence of their own to the contrary.",
      quoted,
      "The columnist argues that the delay in the results owed more to the attack than to any decision taken by the electoral authorities that night.",
      "Originally published by Example Daily",
    ]),
  },
];

const sources = [
  source("original-article", "partisan", {
    published: "2024-07-29",
    captures: ["test/original.txt"],
  }),
  source("column", "tribune", { published: "2024-08-01", captures: ["test/column.txt"] }),
];
const outlets = outletMap(
  outlet("partisan", { name: "Example Daily" }),
  outlet("tribune", { name: "Example Tribune" }),
);

describe("suggestedDependences", () => {
  const evidence = incidentEvidence(processCaptures(captures), sources);

  it("suggests a dependence for a paragraph two articles share, once per pair of sources", () => {
    const suggestions = suggestedDependences(evidence, sources, outlets);
    expect(
      suggestions.map(({ source: from, on, kind, declare }) => [from, on, kind, declare]),
    ).toEqual([["column", "original-article", "shared-paragraph", "based_on"]]);
    expect(suggestions[0]?.evidence).toMatch(
      /^shares paragraph p-[0-9a-f]{10} with "original-article", but neither declares that it depends on the other$/,
    );
  });

  it("reads a credit line when the paragraphs are not shared", () => {
    const alone = incidentEvidence(processCaptures([captures[1]!]), [sources[1]!]);
    const suggestions = suggestedDependences(alone, [sources[0]!, sources[1]!], outlets);
    expect(suggestions).toEqual([
      {
        source: "column",
        on: "original-article",
        kind: "credit-line",
        declare: "republished_from",
        evidence:
          'says "Originally published by Example Daily", naming the outlet of "original-article", but declares no dependence on it',
      },
    ]);
  });
});
