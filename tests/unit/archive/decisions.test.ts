import { describe, expect, it } from "vitest";
import type { ArchiveDecisions, DecisionOrigin } from "../../../src/lib/archive/decisions.ts";
import { processCaptures, type LedgerEntry } from "../../../src/lib/archive/index.ts";
import { CasefileErrors } from "../../../src/lib/errors.ts";
import { fixtures } from "./helpers.ts";

const folder = "tests/fixtures/archive/decisions";
const blog = `${folder}/blog-subheading.txt`;
const compilation = `${folder}/compilation.txt`;
const original = `${folder}/harbour-original.txt`;
const rewrite = `${folder}/harbour-rewrite.txt`;

/** Where a decision is written, as the sources file reader gives it. */
const at = (field: string, source = "blog", line = 12): DecisionOrigin => ({
  file: "data/incidents/x/sources.yaml",
  line,
  field,
  source,
});

/** Decisions on one capture. */
function onCapture(
  file: string,
  decided: Partial<ArchiveDecisions["captures"][number]>,
): ArchiveDecisions {
  return { captures: [{ file, keep: [], hide: [], ...decided }], pairs: [] };
}

/** The ledger entries of a file, by line. */
function entries(ledger: readonly LedgerEntry[], file: string): Map<number, LedgerEntry> {
  return new Map(ledger.filter((entry) => entry.file === file).map((entry) => [entry.line, entry]));
}

describe("the researchers' decisions", () => {
  it("without them, a subheading between two paragraphs is hidden as a related story, with its text in the ledger", () => {
    const archive = processCaptures(fixtures("decisions/blog-subheading.txt"));
    expect(entries(archive.ledger, blog).get(8)).toMatchObject({
      status: "boilerplate",
      rule: "related-story",
      text: "Origin of the Cyberattacks: North Macedonia",
    });
  });

  it("keep: the block a rule hid is kept as a paragraph, and its entry says who decided and why", () => {
    const archive = processCaptures(fixtures("decisions/blog-subheading.txt"), {
      decisions: onCapture(blog, {
        keep: [
          {
            text: "origin of the cyberattacks",
            reason: "a subheading of the article",
            origin: at("sources[0].captures[0].keep[0]"),
          },
        ],
      }),
    });
    const entry = entries(archive.ledger, blog).get(8);
    expect(entry?.status).toBe("kept");
    expect(entry?.decided).toBe(
      "kept, decided by the researchers: a subheading of the article (rule related-story had hidden it)",
    );
    const texts = archive.documents[0]!.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain("Origin of the Cyberattacks: North Macedonia");
  });

  it("hide: the block is labelled with the researchers' reason, its text kept in the ledger", () => {
    const archive = processCaptures(fixtures("decisions/blog-subheading.txt"), {
      decisions: onCapture(blog, {
        hide: [
          {
            text: "Analysts cautioned",
            reason: "the blogger's aside, not the article",
            origin: at("sources[0].captures[0].hide[0]"),
          },
        ],
      }),
    });
    expect(entries(archive.ledger, blog).get(14)).toEqual({
      file: blog,
      line: 14,
      status: "boilerplate",
      rule: "decided-by-researchers",
      reason: "decided by the researchers: the blogger's aside, not the article",
      document: archive.documents[0]!.id,
      text: "Analysts cautioned that public attack maps show where traffic arrives, not who sends it, and that the addresses can be rented by anyone with a credit card for an afternoon.",
    });
    expect(archive.documents[0]!.paragraphs.map((p) => p.text).join(" ")).not.toContain(
      "Analysts cautioned",
    );
  });

  it("select an article by its headline: the compilation's other articles are outside, and only one document is left", () => {
    const whole = processCaptures(fixtures("decisions/compilation.txt"));
    expect(whole.documents.length).toBe(3);
    const archive = processCaptures(fixtures("decisions/compilation.txt"), {
      decisions: onCapture(compilation, {
        select: {
          article: "Harbour workers strike",
          reason: "the source is the strike report",
          origin: at("sources[0].captures[0].select", "harbour"),
        },
      }),
    });
    expect(archive.documents.map((document) => document.title)).toEqual([
      "Harbour Workers Strike for a Third Day",
    ]);
    expect(entries(archive.ledger, compilation).get(1)).toMatchObject({
      status: "boilerplate",
      rule: "decided-by-researchers",
      reason:
        'decided by the researchers: outside the part of the capture that is source "harbour" (the article with "Harbour workers strike"): the source is the strike report',
      text: "Reading list for the week",
    });
  });

  it("select an article by number, or a range of lines", () => {
    const second = processCaptures(fixtures("decisions/compilation.txt"), {
      decisions: onCapture(compilation, { select: { article: 2, origin: at("s", "council") } }),
    });
    expect(second.documents.map((document) => document.title)).toEqual([
      "The Council Counts Again",
    ]);
    const lines = processCaptures(fixtures("decisions/compilation.txt"), {
      decisions: onCapture(compilation, { select: { lines: "1-2", origin: at("s", "list") } }),
    });
    expect(entries(lines.ledger, compilation).get(5)?.reason).toBe(
      'decided by the researchers: outside the part of the capture that is source "list" (lines 1-2)',
    );
    expect(entries(lines.ledger, compilation).get(1)?.status).toBe("kept");
  });

  it("same article: two captures the engine keeps apart become one document", () => {
    const inputs = fixtures("decisions/harbour-original.txt", "decisions/harbour-rewrite.txt");
    expect(processCaptures(inputs).documents.length).toBe(2);
    const archive = processCaptures(inputs, {
      decisions: {
        captures: [],
        pairs: [
          {
            first: [rewrite],
            second: [original],
            same: true,
            reason: "a rewrite of the strike report",
            origin: at("sources[1].same_as[0]", "rewrite"),
            other: "original",
          },
        ],
      },
    });
    expect(archive.documents.length).toBe(1);
    expect(archive.documents[0]!.copies.map((copy) => copy.file).sort()).toEqual([
      original,
      rewrite,
    ]);
  });

  it("not the same article: two captures the engine would group stay two documents", () => {
    const inputs = fixtures("decisions/harbour-original.txt", "decisions/compilation.txt");
    const grouped = processCaptures(inputs).documents.find(
      (document) => document.copies.length > 1,
    );
    expect(grouped?.title).toBe("Harbour Workers Strike for a Third Day");
    const archive = processCaptures(inputs, {
      decisions: {
        captures: [
          {
            file: compilation,
            select: { article: 3, origin: at("s", "list") },
            keep: [],
            hide: [],
          },
        ],
        pairs: [
          {
            first: [original],
            second: [compilation],
            same: false,
            reason: "the list pasted another edition",
            origin: at("sources[0].not_same_as[0]", "original"),
            other: "list",
          },
        ],
      },
    });
    expect(archive.documents.filter((document) => document.copies.length > 1)).toEqual([]);
  });

  it("a stale decision (its text no longer in the capture) is an error naming the sources file, the source and the text", () => {
    const run = () =>
      processCaptures(fixtures("decisions/blog-subheading.txt", "decisions/compilation.txt"), {
        decisions: {
          captures: [
            {
              file: blog,
              keep: [
                { text: "Origin of the attacks", origin: at("sources[0].captures[0].keep[0]") },
              ],
              hide: [],
            },
            {
              file: compilation,
              select: { article: 7, origin: at("sources[1].captures[0].select", "list", 20) },
              keep: [],
              hide: [],
            },
          ],
          pairs: [],
        },
      });
    expect(run).toThrow(CasefileErrors);
    expect(() => run()).toThrow(
      [
        `data/incidents/x/sources.yaml:20: sources[1].captures[0].select: ${compilation} holds 3 articles, so there is no article 7 (decision of source "list"). Hint: the capture changed, or the quotation does not match: quote the start of the block as it reads now (the processing report shows every block's text), or remove the decision`,
        `data/incidents/x/sources.yaml:12: sources[0].captures[0].keep[0]: no block of ${blog} starts with "Origin of the attacks" (decision of source "blog"). Hint: the capture changed, or the quotation does not match: quote the start of the block as it reads now (the processing report shows every block's text), or remove the decision`,
      ].join("\n"),
    );
  });
});
