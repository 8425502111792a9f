import { describe, expect, it } from "vitest";
import { readInBatches } from "../../../src/lib/archive/batch.ts";
import { extractCapture } from "../../../src/lib/archive/formats/index.ts";
import { generateCorpus } from "../../../src/lib/archive/corpus.ts";
import type { CaptureInput } from "../../../src/lib/archive/index.ts";
import { captureFixtures } from "./helpers.ts";

describe("readInBatches", () => {
  it("hands out every capture in order, its text a slice of its batch's joined text", () => {
    const encoder = new TextEncoder();
    const plain = (i: number): CaptureInput => ({
      file: `plain-${i}.txt`,
      bytes: encoder.encode(`Plain capture ${i}\nNo quotation marks, café.\n`.repeat(2000)),
    });
    const inputs = [
      ...captureFixtures(),
      ...generateCorpus({ seed: 1, bytes: 300_000 }).inputs,
      ...Array.from({ length: 8 }, (_, i) => plain(i)),
    ];
    const batched = [...readInBatches(inputs)];
    expect(batched.map((capture) => capture.input)).toEqual(inputs);
    for (const capture of batched) {
      const { text, encoding, blocks } = extractCapture(capture.input);
      expect(capture.text).toBe(text);
      expect(capture.encoding).toBe(encoding);
      expect(capture.blocks).toEqual(blocks);
      expect(capture.joined.slice(capture.start, capture.start + text.length)).toBe(text);
    }
    // Latin-1 texts are never joined with wider ones (which would store them in two bytes).
    const plainTexts = batched.filter((capture) => capture.input.file.startsWith("plain-"));
    for (const capture of plainTexts) expect(/[^\u0000-\u00ff]/.test(capture.joined)).toBe(false);
    expect(new Set(batched.map((capture) => capture.joined)).size).toBeGreaterThan(2);
  });

  it("stops at the first capture that cannot be read, as reading one by one does", () => {
    const inputs = [
      { file: "a.txt", bytes: new TextEncoder().encode("Fine text\n") },
      { file: "b.bin", bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3) },
    ];
    expect(() => [...readInBatches(inputs)]).toThrow(/b\.bin|binary/);
  });
});
