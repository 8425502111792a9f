import { describe, expect, it } from "vitest";
import { normalise, normaliseLines, wordCount } from "../../../src/lib/archive/normalise.ts";
import { splitLines } from "../../../src/lib/archive/decode.ts";
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
