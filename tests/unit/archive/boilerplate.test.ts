import { describe, expect, it } from "vitest";
import { boilerplateRules, processCaptures, type Archive } from "../../../src/lib/archive/index.ts";
import {
  articleCaptions,
  labelArticle,
  recurringChrome,
} from "../../../src/lib/archive/boilerplate.ts";
import { lineStarts } from "../../../src/lib/archive/lines.ts";
import { isAscii } from "../../../src/lib/archive/normalise.ts";
import { toBlocks } from "../../../src/lib/archive/segment.ts";
import { fixtures } from "./helpers.ts";

/** Ledger verdicts by line: rule name for boilerplate, else the status. */
function verdicts(archive: Archive): Record<number, string> {
  return Object.fromEntries(
    archive.ledger.map((e) => [e.line, e.status === "boilerplate" ? e.rule! : e.status]),
  );
}

/** The rule (or "content") for each line of an invented snippet. */
function label(lines: string[]): (string | undefined)[] {
  return labelArticle(toBlocks("x.txt", lines)).map((l) => l?.rule);
}

const PROSE =
  "The ministry said on Monday that the outage had affected the payment systems of three regional offices for most of the day.";

describe("boilerplate rules", () => {
  it("labels a state broadcaster's chrome and keeps headline, dateline and body", () => {
    expect(verdicts(processCaptures(fixtures("state-broadcaster-chrome.txt")))).toEqual({
      1: "navigation",
      2: "navigation",
      3: "social-link",
      4: "social-link",
      5: "social-link",
      7: "breadcrumb",
      9: "kept",
      11: "caption-repeat",
      13: "photo-credit",
      15: "kept",
      17: "kept",
      20: "kept",
      22: "kept",
      24: "related-story",
      26: "kept",
      28: "kept",
      30: "tag",
      32: "share-comment",
    });
  });

  it("labels another broadcaster's captions and footer", () => {
    expect(verdicts(processCaptures(fixtures("broadcaster-footer.txt")))).toEqual({
      1: "breadcrumb",
      3: "kept",
      5: "photo-credit",
      7: "kept",
      9: "kept",
      11: "read-more",
      13: "kept",
      15: "kept",
      17: "photo-credit",
      19: "kept",
      21: "alternate-domains",
      22: "bare-url",
      23: "share-comment",
      24: "tv-apps",
    });
  });

  it("labels a compilation's separators, embeds, image labels and blog chrome but keeps its reading list and questions", () => {
    const v = verdicts(processCaptures(fixtures("compilation.txt")));
    expect([v[12], v[15], v[18], v[30], v[40]]).toEqual(Array(5).fill("separator"));
    expect([v[16], v[17], v[22], v[33], v[42], v[43]]).toEqual([
      "embed-prompt",
      "bare-url",
      "image-caption",
      "image-label",
      "share-comment",
      "share-comment",
    ]);
    expect([v[1], v[4], v[5], v[25], v[37]]).toEqual(["kept", "kept", "kept", "kept", "kept"]);
  });

  it("labels both lone Source lines of a page pasted twice as link residue", () => {
    const archive = processCaptures(fixtures("pasted-twice.txt"));
    expect(
      archive.ledger.filter((e) => e.status === "boilerplate").map((e) => [e.line, e.rule]),
    ).toEqual([
      [11, "link-residue"],
      [21, "link-residue"],
    ]);
  });

  it("describes the genre, not one site (invented examples)", () => {
    expect(
      label([
        "• Home",
        "  • Weather",
        "• instagram",
        "Sport › Football",
        PROSE,
        "Photo: Ana Ruiz / Reuters",
        PROSE,
      ]),
    ).toEqual([
      "navigation",
      "navigation",
      "social-link",
      "breadcrumb",
      undefined,
      "photo-credit",
      undefined,
    ]);
    expect(
      label([
        PROSE,
        "Read also: Ports reopen after strike",
        "Share",
        "12 comments",
        "www.example-news.org",
        "Leave a comment",
      ]),
    ).toEqual([
      undefined,
      "read-more",
      "share-comment",
      "share-comment",
      "bare-url",
      "share-comment",
    ]);
  });

  it("labels a blog post's footer after the prose but not the same words as a byline before it", () => {
    expect(
      label([PROSE, "Posted by Marta at 10:02 PM", "Labels: elections, outages", "No comments:"]),
    ).toEqual([undefined, "post-footer", "post-footer", "share-comment"]);
    expect(label(["Posted by Marta on 3 May 2024", PROSE])).toEqual([undefined, undefined]);
  });

  it("labels alternate addresses in any case and form, but not prose that only says 'also'", () => {
    expect(
      label([
        PROSE,
        "Our site can also be reached at WWW.VALDORIA-NEWS.INFO",
        "Alternative address: https://203.0.113.7/news",
        "We are still available at valdoria.News and on the radio.",
        "The agency also said the outage was over. It was still investigating.",
      ]),
    ).toEqual([
      undefined,
      "alternate-domains",
      "alternate-domains",
      "alternate-domains",
      undefined,
    ]);
  });

  it("keeps short real content: questions, datelines, headlines, list items", () => {
    expect(
      label([
        "Ports Reopen After Strike",
        "Published 3 May 2022",
        PROSE,
        "Why did the talks fail?",
        "  • Two unions signed the agreement.",
        PROSE,
      ]),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("never labels long prose, even when it mentions share buttons or apps", () => {
    const long = `${PROSE} Readers were asked to share this article and to download the app on Smart TV, the statement added, which critics called tone-deaf during an outage of this size and duration, as several commentators pointed out on the day.`;
    expect(label([long])).toEqual([undefined]);
    const quoted = `${PROSE} The minister repeated the claim in an interview with a regional broadcaster on the following morning, adding that the figures would be published (via Reuters).`;
    expect(label([quoted, "Firefighters at the scene on Monday. (Via AFP)"])).toEqual([
      undefined,
      "photo-credit",
    ]);
  });

  it("knows caption lengths without building keys, as the cores built in full measure them", () => {
    // Read in place of the capture text, as the engine does, so that most keys are never built.
    const lines = [
      "• Firefighters at the scene on Monday",
      "Firefighters at the scene on Monday.",
      "  Firefighters at the scene on Monday . .  ",
      "Firefighters at the scene on Monday\u00a0.\u3000",
      "Firefighters at the scene on Monday\t…",
      "Firefighters at the scene on Monday (Photo by AFP).",
      "FIREFIGHTERS AT THE SCENE ON “MONDAY”.",
      "...",
    ];
    const text = lines.join("\n");
    const capture = { text, starts: lineStarts(text, lines), ascii: isAscii(text) };
    const captions = articleCaptions(toBlocks("x.txt", lines, false, capture));
    const lengths = [...captions.lengths];
    expect(lengths.map((length, i) => (length < 0 ? -1 : captions.coreAt(i).length))).toEqual(
      lengths,
    );
    expect(lengths.every((length) => length >= 0)).toBe(true);
    expect(labelArticle(toBlocks("x.txt", lines, false, capture)).map((l) => l?.rule)).toEqual(
      labelArticle(toBlocks("x.txt", lines)).map((l) => l?.rule),
    );
  });

  it("marks short lines recurring in unrelated documents of one outlet as chrome, but not syndicated copies", () => {
    const chrome = recurringChrome([
      { unique: 1, file: "a/one.txt", cluster: 10, short: true },
      { unique: 1, file: "a/two.txt", cluster: 20, short: true },
      { unique: 2, file: "a/one.txt", cluster: 10, short: true },
      { unique: 2, file: "b/two.txt", cluster: 10, short: true },
      { unique: 2, file: "c/three.txt", cluster: 10, short: true },
      { unique: 3, file: "a/one.txt", cluster: 10, short: true },
      { unique: 3, file: "a/one.txt", cluster: 30, short: true },
    ]);
    expect([...chrome]).toEqual([1]);
  });

  it("asks more of a long recurring line: three captures in three documents, not two of one outlet", () => {
    const chrome = recurringChrome([
      // A legal footer on three pages of different articles.
      { unique: 1, file: "a/one.txt", cluster: 10, short: false },
      { unique: 1, file: "a/two.txt", cluster: 20, short: false },
      { unique: 1, file: "a/three.txt", cluster: 30, short: false },
      // A paragraph two stories of one outlet share: a quotation, not chrome.
      { unique: 2, file: "a/one.txt", cluster: 10, short: false },
      { unique: 2, file: "a/two.txt", cluster: 20, short: false },
    ]);
    expect([...chrome]).toEqual([1]);
  });

  it("labels a footer's copyright notice, not prose about copyright", () => {
    expect(
      label([
        PROSE,
        "© 2024 Example Media Group. All rights reserved. Reproduction without written permission is prohibited.",
        "Copyright 2023 The Daily Example",
        "Todos los derechos reservados.",
        "The copyright holder said the photographs had been used without permission by three outlets.",
      ]),
    ).toEqual([undefined, "legal-notice", "legal-notice", "legal-notice", undefined]);
  });

  it("exports one readable table of uniquely named rules with reasons", () => {
    const names = boilerplateRules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "separator",
        "navigation",
        "photo-credit",
        "link-residue",
        "recurring-chrome",
      ]),
    );
    expect(boilerplateRules.every((rule) => rule.reason.length > 10)).toBe(true);
  });
});
