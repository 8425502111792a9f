import { describe, expect, it } from "vitest";
import { processCaptures, type Archive } from "../../../src/lib/archive/index.ts";
import { labelArticle, recurringChrome } from "../../../src/lib/archive/boilerplate.ts";
import { lineWords, shortRuns } from "../../../src/lib/archive/line-shapes.ts";
import { toBlocks } from "../../../src/lib/archive/segment.ts";

/** The rule (or undefined for content) for each line of an invented snippet. */
function label(lines: string[]): (string | undefined)[] {
  return labelArticle(toBlocks("x.txt", lines)).map((l) => l?.rule);
}

/** Ledger verdicts by file and line: rule name for boilerplate, else the status. */
function verdicts(archive: Archive): Record<string, string> {
  return Object.fromEntries(
    archive.ledger.map((e) => [
      `${e.file}:${e.line}`,
      e.status === "boilerplate" ? e.rule! : e.status,
    ]),
  );
}

const P1 =
  "The electoral authority said on Tuesday that its servers had been reached from abroad in the hours before the count began, and that no result had been altered.";
const P2 =
  "Officials declined to say which systems were affected, but two technicians told reporters that the intrusion began through an outdated mail server.";
const P3 =
  "Opposition parties asked for an independent audit of the count, and the electoral authority said it would publish its own technical report within a month.";

const P4 =
  "Two technicians who maintain the network said the mail server had not been updated for several years, and that its vendor had stopped supporting it in 2017.";

/** A news page copied with select-all: menu, article, credit, newsletter, teasers, legal lines. */
const PAGE = [
  "Home",
  "World",
  "Politics",
  "Business",
  "Opinion",
  "Election servers breached before count",
  "By Ana Pérez",
  "March 3, 2021",
  P1,
  "Photo by Joan Doe",
  P2,
  "Jim Watson/AFP/Getty Images",
  P3,
  "Sign up for our newsletter",
  "Email address",
  "Subscribe",
  "Minister Resigns Over Procurement Scandal",
  "2 hours ago",
  "Central Bank Holds Rates Steady Amid Uncertainty",
  "3 hours ago",
  "Storm Leaves Thousands Without Power Overnight",
  "Privacy Policy",
  "Terms of Use",
  "© 2021 Example News",
];

describe("rules for pasted pages", () => {
  it("labels the menu, credits, newsletter, teaser list and legal lines of a pasted page, keeping the article", () => {
    expect(label(PAGE)).toEqual([
      "share-comment", // Home
      "short-line-run",
      "short-line-run",
      "short-line-run",
      "short-line-run", // Opinion
      undefined, // the headline closes the menu run: the byline follows it
      undefined, // byline
      undefined, // dateline
      undefined,
      "credit-line", // not a related story
      undefined,
      "credit-line", // an agency credit
      undefined,
      "short-line-run", // newsletter sign-up
      "short-line-run",
      "share-comment", // "Subscribe"
      "short-line-run", // teaser headline, in the run the sign-up starts
      "repeated-dateline", // a teaser's relative time
      "after-article-run",
      "repeated-dateline",
      "after-article-run",
      "tag", // legal lines
      "short-line-run",
      "legal-notice", // the copyright line
    ]);
  });

  it("leaves the blocks of a saved page's main content to the other rules", () => {
    const pastedOnly = ["short-line-run", "after-article-run", "repeated-dateline", "credit-line"];
    const rules = labelArticle(toBlocks("x.html", PAGE), false).map((l) => l?.rule);
    expect(rules.filter((rule) => rule !== undefined && pastedOnly.includes(rule))).toEqual([]);
    expect(rules[0]).toBe("share-comment");
  });

  it("labels credit lines as credits, never as related stories", () => {
    const lines = [P1, "Photo by Jane Roe", P2, "Originally published by The Example Times", P3];
    expect(label(lines)).toEqual([undefined, "credit-line", undefined, "credit-line", undefined]);
    // A real teaser headline between paragraphs is still one.
    expect(label([P1, P2, "Minister Resigns Over Procurement Scandal", P3, P1])[2]).toBe(
      "related-story",
    );
  });

  it("keeps short lines inside the article: a short list between paragraphs, steps, code, table rows", () => {
    const list = ["Servers", "Mail", "Backups", "Printers"];
    expect(label([P1, ...list, P2, P3])).toEqual(new Array(7).fill(undefined));
    const code = ["    if (ok) {", "      send();", "    }", "  });"];
    expect(label([P1, ...code, "Then:", "1. Reboot", "2. Check", P2])).toEqual(
      new Array(9).fill(undefined),
    );
    const table = ["Region\tVotes", "North\t1,200", "South\t3,400", "East\t900"];
    expect(label([P1, ...table, P2])).toEqual(new Array(6).fill(undefined));
  });

  it("labels a date repeated after the article's own, but not the article's own date", () => {
    expect(label(["March 3, 2021", P1, P2, "March 1, 2021", P3])).toEqual([
      undefined,
      undefined,
      undefined,
      "repeated-dateline",
      undefined,
    ]);
    expect(label([P1, "Updated: March 4, 2021", P2])).toEqual([undefined, undefined, undefined]);
  });

  it("labels a line the page shows twice around the article, but not a heading its table of contents repeats", () => {
    const more = "Continue reading the main story";
    expect(label([more, P1, P2, more])).toEqual([
      "recurring-line",
      undefined,
      undefined,
      "recurring-line",
    ]);
    expect(label(["Background", "Findings", P1, "Background", P2, "Findings", P3])).toEqual([
      "recurring-line",
      "recurring-line",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("counts the words of text written without spaces with Intl.Segmenter", () => {
    const japanese =
      "選挙管理委員会は火曜日、開票前の数時間に海外からサーバーへの侵入があったと発表した。";
    expect(lineWords(japanese, 1)).toBeGreaterThan(10);
    expect(lineWords("Plain English line", 3)).toBe(3);
    // Japanese sentences are not a run of one-word lines: an article of them keeps every line.
    const article = [
      "選挙サーバーに侵入",
      japanese,
      "当局によると、影響を受けたシステムは地方事務所の三つで、結果は改ざんされていないという。",
      "野党は独立した監査を求め、当局は一か月以内に技術報告書を公表すると述べた。",
      "専門家は古いメールサーバーが侵入口になったとみている。",
    ];
    expect(label(article)).toEqual(new Array(5).fill(undefined));
  });

  it("finds runs of short lines", () => {
    expect([...shortRuns([true, true, false, true, true, true, false])]).toEqual([
      2, 2, 0, 3, 3, 3, 0,
    ]);
  });
});

describe("recurring chrome is counted per folder", () => {
  it("never labels a line because captures in other folders (other outlets) share it", () => {
    expect([
      ...recurringChrome([
        { unique: 4, file: "a/one.txt", cluster: 1, short: true },
        { unique: 4, file: "b/two.txt", cluster: 2, short: true },
        { unique: 4, file: "c/three.txt", cluster: 3, short: true },
        { unique: 4, file: "d/four.txt", cluster: 4, short: true },
      ]),
    ]).toEqual([]);
  });

  it("keeps a byline kept in one build when another outlet's captures are added", () => {
    const byline = "By Ana Pérez";
    const story = (headline: string, ...body: string[]): Buffer =>
      Buffer.from([headline, byline, ...body].join("\n"));
    const a = { file: "outlet-a/story.txt", bytes: story("Servers breached", P1, P2) };
    expect(verdicts(processCaptures([a]))["outlet-a/story.txt:2"]).toBe("kept");
    // Two other outlets' unrelated stories by the same name: three captures, three documents.
    const added = processCaptures([
      a,
      { file: "outlet-b/audit.txt", bytes: story("Audit requested", P3) },
      { file: "outlet-c/mail.txt", bytes: story("Mail server blamed", P4) },
    ]);
    expect(added.documents).toHaveLength(3);
    expect(verdicts(added)["outlet-a/story.txt:2"]).toBe("kept");
    // Within one folder (one outlet), a line in unrelated stories is still chrome.
    const sameOutlet = processCaptures([
      {
        file: "outlet-a/story.txt",
        bytes: Buffer.from(["Servers breached", P1, P2, "Sign in to comment"].join("\n")),
      },
      {
        file: "outlet-a/other.txt",
        bytes: Buffer.from(["Audit requested", P3, "Sign in to comment"].join("\n")),
      },
    ]);
    expect(verdicts(sameOutlet)["outlet-a/story.txt:4"]).toBe("recurring-chrome");
  });
});
