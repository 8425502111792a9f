import { describe, expect, it } from "vitest";
import { processCaptures } from "../../../src/lib/archive/index.ts";

describe("processCaptures", () => {
  it("lists each document of a capture of 120,000 short articles once, in order", () => {
    // A separator after every paragraph: one article, and one document, per paragraph. Listing
    // them by searching the list before each push took a minute.
    const text = Array.from(
      { length: 120_000 },
      (_, i) => `Paragraph ${i} of a capture pasted from a forum, one post each.\n-----`,
    ).join("\n");
    const archive = processCaptures([{ file: "a.txt", bytes: new TextEncoder().encode(text) }]);
    const [summary] = archive.files;
    expect(summary!.documents).toHaveLength(archive.documents.length);
    expect(new Set(summary!.documents).size).toBe(summary!.documents.length);
    expect(summary!.documents).toEqual(archive.documents.map((document) => document.id));
    expect(archive.documents.length).toBeGreaterThan(100_000);
  }, 30_000);
});
