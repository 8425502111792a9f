import { describe, expect, it } from "vitest";
import {
  decisionLine,
  duplicateNote,
  researcherDecisions,
} from "../../../src/lib/dossier/report.ts";
import { sourcesFileSchema } from "../../../src/schemas/sources.ts";

/** A sources file with one decision of each kind, as a researcher writes it in sources.yaml. */
const { sources } = sourcesFileSchema.parse({
  sources: [
    {
      id: "blog",
      title: "A blog post and the articles it pastes",
      outlet: "blog",
      kind: "aggregator",
      captures: [
        {
          file: "x/blog.txt",
          select: {
            article: "Attacks on the vote",
            reason: "the other articles are sources of their own",
          },
          keep: [
            {
              text: "Origin of the cyberattacks",
              reason: "a subheading of the article, not a teaser",
            },
            "Read more about the count",
          ],
          hide: [{ text: "Analysts cautioned", reason: "the blogger's aside" }],
        },
        { file: "x/list.txt", select: { article: 2 } },
        { file: "x/page.txt", select: { lines: "10-40", reason: "the article's lines" } },
        "x/plain.txt",
      ],
      same_as: [{ source: "rewrite", reason: "the same report, rewritten" }],
      not_same_as: [{ source: "other", reason: "another edition" }],
    },
  ],
});

describe("the researchers' decisions in the processing report", () => {
  it("keep the captures' paths where every reader of a source reads them", () => {
    expect(sources[0]!.captures).toEqual(["x/blog.txt", "x/list.txt", "x/page.txt", "x/plain.txt"]);
  });

  it("list each decision with its exact text, as decided by the researchers with the reason", () => {
    expect(researcherDecisions({ sources }).map(decisionLine)).toEqual([
      "Source blog is only the article holding “Attacks on the vote” in x/blog.txt — decided by the researchers: the other articles are sources of their own",
      "Source blog keeps the block starting “Origin of the cyberattacks” in x/blog.txt — decided by the researchers: a subheading of the article, not a teaser",
      "Source blog keeps the block starting “Read more about the count” in x/blog.txt — decided by the researchers",
      "Source blog hides the block starting “Analysts cautioned” in x/blog.txt — decided by the researchers: the blogger's aside",
      "Source blog is only article 2 of x/list.txt — decided by the researchers",
      "Source blog is only lines 10-40 of x/page.txt — decided by the researchers: the article's lines",
      "Source blog is the same article as source rewrite — decided by the researchers: the same report, rewritten",
      "Source blog is not the same article as source other — decided by the researchers: another edition",
    ]);
  });

  it("say of a merged line which paragraph it duplicates and where that paragraph is kept", () => {
    const places = new Map([["p-0123456789", "x/original.txt:4"]]);
    expect(
      duplicateNote(
        {
          file: "data/archives/x/copy.txt",
          line: 9,
          status: "duplicate",
          duplicateOf: "p-0123456789",
          reason: "same text as the paragraph",
          text: "…",
        },
        places,
      ),
    ).toBe("same text as the paragraph p-0123456789 in x/original.txt:4");
  });
});
