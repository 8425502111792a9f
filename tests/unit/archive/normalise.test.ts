import { describe, expect, it } from "vitest";
import { normalise, normaliseLines, wordCount } from "../../../src/lib/archive/normalise.ts";
import { splitLines } from "../../../src/lib/archive/lines.ts";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { fixtures } from "./helpers.ts";

describe("normalise", () => {
  it("folds quotes, dashes, no-break spaces, compatibility forms and case", () => {
    expect(normalise("  The “Minister’s”\u00a0office — ﬁled  it ")).toBe(
      `the "minister's" office - filed it`,
    );
    expect(normalise("PÁEZ")).toBe(normalise("páez"));
  });

  it("keeps digits, so different figures stay different paragraphs", () => {
    expect(normalise("Attack killed 5")).not.toBe(normalise("Attack killed 7"));
  });

  it("gives the same result line by line as for a whole capture", () => {
    const text = "A “b”\r\n  C\u2014d  \rE\tf\n\nLAST";
    const lines = splitLines(text);
    expect(normaliseLines(text, lines.length)).toEqual(lines.map(normalise));
  });

  it("gives the same key through the folding table as through the full normaliser", () => {
    const samples = [
      "  Plain ASCII, with  double spaces\tand a tab ",
      "Páez and Misión — “quoted” ‘text’ – dashes\u00a0and no-break spaces",
      "• Bullet · middle dot ▪ square",
      "ΣΟΦΙΑ σοφία Straße ÆØÅ",
      "ﬁled İstanbul café\u0301 한국어 ᄀ",
      "odd\u2003spaces\u200bhere\u3000and\ufeffthere",
      "a `backtick` in ASCII",
      "a `backtick` in “non-ASCII”",
      "",
      "   ",
    ];
    const reference = (text: string): string => {
      // The full normaliser, step by step (what `normalise` does when the table cannot).
      const folded = /^[\u0000-\u007f]*$/.test(text)
        ? text
        : text
            .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g, "'")
            .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e]/g, '"')
            .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, "-")
            .normalize("NFKC")
            .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g, "'")
            .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e]/g, '"')
            .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, "-");
      return folded
        .toLowerCase()
        .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ")
        .trim();
    };
    for (const text of samples) expect(normalise(text)).toBe(reference(text));
    // Every character the table folds, between letters and spaces.
    for (let c = 0x80; c < 0x10000; c += 7) {
      const text = `A ${String.fromCharCode(c)}b  C`;
      expect(normalise(text)).toBe(reference(text));
    }
  });

  it("counts words by whitespace", () => {
    expect(wordCount("  one two\u00a0three\tfour ")).toBe(4);
  });

  it("never alters the displayed text", () => {
    const archive = processCaptures(fixtures("windows-1252.txt"));
    const texts = archive.documents.flatMap((document) => document.paragraphs.map((p) => p.text));
    expect(texts).toContain(
      "La directora, Marisol Páez, dijo que el “incidente” fue contenido en menos de un día — según el informe.",
    );
  });
});
