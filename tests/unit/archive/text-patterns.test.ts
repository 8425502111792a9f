import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../src/lib/archive/fingerprint.ts";
import { isSeparator } from "../../../src/lib/archive/segment.ts";
import {
  creditStart,
  endsWithViaCredit,
  hasWebAddress,
  isBreadcrumb,
  isWhitespace,
  mentionsAlternateAddress,
  quotedPhrases,
  withoutTrailing,
} from "../../../src/lib/archive/text-patterns.ts";

// The regular expressions the scans replace, as the engine had them: each scan must agree with
// its expression everywhere (checked here on crafted and random text), and stay linear where the
// expression was not (checked on pathological text of a size the expression takes minutes over).
const CREDIT =
  /(?:\((?:photos?|images?|pictures?|fotos?|foto|credit|file photo|screenshot)\s*(?:by|:|credit:)[^)]*\)[\s.]*|\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*|\|\s*(?:photos?|images?|fotos?|credit|source|screenshot)\s*:[^|]*)$/i;
const VIA_CREDIT = /\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*$/i;
const BREADCRUMB =
  /^[\p{L}][\p{L}\p{N} .'&-]{0,28}(?:\s*(?:>|›|»|\/|\\|\|)\s*[\p{L}][\p{L}\p{N} .'&-]{0,28}){1,4}$/u;
const DOMAIN =
  /(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|info|io|tv|ru|ir|ve|bo|cn|news|media|co|uk|es|de|fr)\b)/i;
const ALTERNATE =
  /(?:alternat\w+ (?:address|domain|url|link|site|mirror)s?|mirror (?:site|address)|(?:also|still) be (?:reached|accessed|found|visited|read)|(?:also|still) (?:available|accessible) (?:at|on|via))/i;
const QUOTED = /[“"‘]([^”"’]{8,200})[”"’]/gu;
const SEPARATOR = /^\s*(?:([-=*_~#•·+.])(?:\s?\1){2,}|[xX]{5,})\s*$/u;

/** The separator test as it was: a cheap look at the first visible character, then SEPARATOR. */
function separatorByExpression(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < text.length && "-=*_~#•·+.xX".includes(text.charAt(i)) && SEPARATOR.test(text);
}

/** `count` random texts of 1 to `most` tokens, seeded. */
function randomTexts(tokens: readonly string[], count: number, most = 12, seed = 18): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    let text = "";
    for (let n = 1 + Math.floor(random() * most); n > 0; n--)
      text += tokens[Math.floor(random() * tokens.length)]!;
    return text;
  });
}

/** The texts on which two tests disagree (none, when a scan matches its expression). */
function disagreements<T>(
  texts: readonly string[],
  scan: (text: string) => T,
  expression: (text: string) => T,
): string[] {
  return texts.filter((text) => scan(text) !== expression(text));
}

const creditTexts = [
  "A crowd outside the ministry (Photo: Reuters)",
  "A crowd outside the ministry (Photo: Reuters).  ",
  "Protesters in the square. (photos by AFP/ Jane Doe)",
  "Protesters (file photo) (credit: EFE)",
  "The minister speaks (Via AFP)",
  "The minister speaks (via  AFP) .",
  "He said it (source: the ministry) was false",
  "Rally in the capital | Photo: Twitter/ @someone",
  "Rally in the capital | Photo: one | two",
  "(Photo: a) (Photo: b)",
  "(via)",
  "(via x)",
  `(via ${"x".repeat(40)})`,
  `(via ${"x".repeat(41)})`,
  `(via ${" ".repeat(30)}${"x".repeat(39)})`,
  "(source:\tx)",
  "(SOURCE x)",
  "no credit here",
  "",
  ")",
  "(",
  "|",
];
const creditTokens = [
  "(",
  ")",
  "photo",
  "Photo",
  "s",
  " ",
  "  ",
  "\t",
  "\u00a0",
  ":",
  "by",
  "credit:",
  "credit",
  "via",
  "source",
  "source:",
  ".",
  "|",
  "x",
  "image",
  "file photo",
  "screenshot",
  "(via ",
  ") ",
  "abcdefghij",
];

describe("linear text patterns", () => {
  it("isWhitespace matches what \\s matches, code unit by code unit", () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    const differ = disagreements(
      units,
      (unit) => isWhitespace(unit.charCodeAt(0)),
      (unit) => /\s/.test(unit),
    );
    expect(differ).toEqual([]);
  });

  it("creditStart finds where the credit pattern's match starts", () => {
    const texts = [...creditTexts, ...randomTexts(creditTokens, 20_000)];
    expect(disagreements(texts, creditStart, (text) => CREDIT.exec(text)?.index ?? -1)).toEqual([]);
    expect(disagreements(texts, endsWithViaCredit, (text) => VIA_CREDIT.test(text))).toEqual([]);
    // Every kind of match occurs among them.
    expect(texts.filter((text) => creditStart(text) >= 0).length).toBeGreaterThan(300);
  });

  it("creditStart reads a megabyte of repeated “(photo:” at once", () => {
    const text = "(photo:".repeat(150_000);
    expect(creditStart(text)).toBe(-1);
    expect(creditStart(`${text})`)).toBe(0);
    expect(creditStart(`x)${text}) ...`)).toBe(2);
    expect(endsWithViaCredit(`${"(via ".repeat(200_000)}x)`)).toBe(true);
  });

  it("isBreadcrumb agrees with the breadcrumb pattern", () => {
    const crafted = [
      "News > World",
      "News › World › Europe",
      "Home / News / World / Europe / Spain",
      "Home / News / World / Europe / Spain / Madrid",
      "News>World",
      "News  >  World ",
      "News > World\t",
      "News\t> World",
      " News > World",
      "News > 1World",
      "News > World!",
      `${"A".repeat(29)} > B`,
      `${"A".repeat(30)} > B`,
      `A${" ".repeat(28)}> B`,
      `A > B${" ".repeat(28)}`,
      `A > B${" ".repeat(27)}`,
      "Éco > Société",
      "𝐀bc > d",
      "News >> World",
      "News >",
      "> World",
      "",
    ];
    const tokens = [
      "News",
      "A",
      "é",
      "1",
      " ",
      "  ",
      "\t",
      "\u00a0",
      ">",
      "›",
      "»",
      "/",
      "\\",
      "|",
    ];
    const more = ["'", "&", "-", ".", "x".repeat(14), "!", "𝐀", "😀"];
    const texts = [...crafted, ...randomTexts([...tokens, ...more], 20_000, 14)];
    expect(disagreements(texts, isBreadcrumb, (text) => BREADCRUMB.test(text))).toEqual([]);
    expect(texts.filter(isBreadcrumb).length).toBeGreaterThan(100);
  });

  it("isBreadcrumb reads lines of letters, runs of spaces and “>” at once", () => {
    // Each took the expression about 20 ms; these 20,000 would have taken 7 minutes.
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      `${String.fromCharCode(65 + (i % 26))}${" ".repeat(27)}>`.repeat(4),
    );
    expect(lines.filter(isBreadcrumb)).toEqual([]);
    expect(isBreadcrumb(`News${" ".repeat(24)}>${" ".repeat(20)}World`)).toBe(true);
  });

  it("hasWebAddress agrees with the web-address pattern", () => {
    const crafted = [
      "see example.com",
      "see example.com.",
      "see EXAMPLE.COM",
      "see example.comx",
      "see a_b.com",
      "see _b.com",
      "see a-b.co.uk",
      "see -.com",
      "see www.example",
      "see http://x",
      "see HTTPS://x",
      "see é.com",
      "see .com",
      "no address",
    ];
    const tokens = ["a", "-", ".", "com", "co", "uk", "http://", "www.", "_", " ", "A", "COM", "é"];
    const texts = [...crafted, ...randomTexts([...tokens, "x1", ".net", "/"], 20_000)];
    expect(disagreements(texts, hasWebAddress, (text) => DOMAIN.test(text))).toEqual([]);
    expect(texts.filter(hasWebAddress).length).toBeGreaterThan(1000);
  });

  it("hasWebAddress reads a megabyte of “a-a-a-…” at once", () => {
    const run = "a-".repeat(500_000);
    expect(hasWebAddress(`${run}x`)).toBe(false);
    expect(hasWebAddress(`${run}.com`)).toBe(true);
  });

  it("mentionsAlternateAddress agrees with the alternate-address pattern", () => {
    const crafted = [
      "Our alternate address is x.com",
      "our ALTERNATIVE domains",
      "alternat address",
      "nonalternative site",
      "x addressalternative domain",
      "alternates_ url",
      "also be reached at",
      "is still available via",
      "mirror site",
      "alternative  address",
      "no mention",
    ];
    const tokens = ["alternat", "alternate", "ive", " ", "address", "domain", "url", "site"];
    const more = ["mirror", "s", "also", "still", "be", "reached", "available", "at", "_", "x"];
    const texts = [...crafted, ...randomTexts([...tokens, ...more, "ADDRESS"], 20_000)];
    const expression = (text: string): boolean => ALTERNATE.test(text);
    expect(disagreements(texts, mentionsAlternateAddress, expression)).toEqual([]);
    expect(texts.filter(mentionsAlternateAddress).length).toBeGreaterThan(200);
  });

  it("mentionsAlternateAddress reads a megabyte of “alternat” at once", () => {
    const word = "alternat".repeat(125_000);
    expect(mentionsAlternateAddress(`${word} x`)).toBe(false);
    expect(mentionsAlternateAddress(`${word}e address`)).toBe(true);
  });

  it("isSeparator agrees with the separator pattern", () => {
    const crafted = ["---", "- - -", "-  - -", "- -", "xxxxx", "xXxXx", "xxxx", "  ***  ", "•••"];
    const more = ["\t==== ", "\u00a0---", "---\u00a0", "-.-", "+ + + +", "x x x x x", "", "   "];
    // Runs of one mark with random gaps and ends, some with a stray character.
    const random = mulberry32(1);
    const pick = (list: string): string => list.charAt(Math.floor(random() * list.length));
    const runs = Array.from({ length: 20_000 }, () => {
      const mark = pick("-=*.•xX#");
      let text = pick("  \t\u00a0") + mark;
      for (let n = Math.floor(random() * 7); n > 0; n--)
        text += (random() < 0.5 ? "" : pick(" \t\u00a0")) + (random() < 0.9 ? mark : pick("-xa"));
      return text + pick("  \t\u00a0");
    });
    const tokens = ["-", "=", "*", "x", "X", ".", "•", " ", "  ", "\t", "\u00a0", "a", "#", "+"];
    const texts = [...crafted, ...more, ...runs, ...randomTexts(tokens, 5_000, 8)];
    expect(disagreements(texts, isSeparator, separatorByExpression)).toEqual([]);
    expect(texts.filter(isSeparator).length).toBeGreaterThan(1000);
  });

  it("isSeparator reads four million full stops (which overflowed the expression's stack)", () => {
    const dots = ".".repeat(4_000_000);
    expect(isSeparator(dots)).toBe(true);
    expect(isSeparator(`${dots}x`)).toBe(false);
  });

  it("quotedPhrases finds what the quotation pattern finds", () => {
    const crafted = [
      "1). “Ministry portal down for hours”, 4 May 2020, Example News",
      '"short" and "a longer quoted title" here',
      '"abc"defghijkl"',
      "‘single quoted phrase’ and “double quoted phrase”",
      `“${"x".repeat(200)}”`,
      `“${"x".repeat(201)}”`,
      `“${"😀".repeat(200)}”`,
      `“${"😀".repeat(201)}”`,
      `““${"x".repeat(7)}”`,
      "no quotes",
    ];
    const tokens = ["“", "”", '"', "‘", "’", "abc", "a", " ", "😀", "\ud800", "xxxxxxxx"];
    const texts = [...crafted, ...randomTexts([...tokens, "x".repeat(60)], 20_000, 16)];
    const expression = (text: string): string =>
      JSON.stringify([...text.matchAll(QUOTED)].map((match) => match[1]));
    const scan = (text: string): string => JSON.stringify([...quotedPhrases(text)]);
    expect(disagreements(texts, scan, expression)).toEqual([]);
    expect(texts.filter((text) => scan(text) !== "[]").length).toBeGreaterThan(1000);
  });

  it("quotedPhrases reads a megabyte of opening quotation marks at once", () => {
    expect([...quotedPhrases("“a".repeat(1_000_000))]).toEqual([]);
    expect([...quotedPhrases(`${"“a".repeat(1_000_000)}”`)]).toEqual([`${"a“".repeat(99)}a`]);
  });

  it("withoutTrailing drops what a trailing-run pattern would", () => {
    const stop = (c: number): boolean => c === 46 || c === 124 || isWhitespace(c);
    const texts = randomTexts(["a", ".", "|", " ", "\t", "b c"], 5_000);
    const expression = (text: string): string => text.replace(/[\s|.]+$/, "");
    expect(disagreements(texts, (text) => withoutTrailing(text, stop), expression)).toEqual([]);
    const dots = `-${".".repeat(1_000_000)}`;
    expect(withoutTrailing(`${dots}x`, stop)).toBe(`${dots}x`);
    expect(withoutTrailing(dots, stop)).toBe("-");
  });
});
