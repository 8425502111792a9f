import { describe, expect, it } from "vitest";
import { bytesDigest, digest, stableJson } from "../../src/lib/digest.ts";

describe("stableJson", () => {
  it("sorts object keys at every depth, so the order they were written in does not matter", () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 3, e: 4 }], c: 5 } })).toBe(
      stableJson({ a: { c: 5, d: [2, { e: 4, f: 3 }] }, b: 1 }),
    );
  });

  it("spells out what JSON would flatten: Maps, Sets, bytes, undefined in arrays", () => {
    expect(stableJson(new Map([["a", 1]]))).not.toBe(stableJson(new Map([["a", 2]])));
    expect(stableJson(new Set(["a"]))).not.toBe(stableJson(new Set(["b"])));
    expect(stableJson(new Uint8Array([1, 2]))).not.toBe(stableJson(new Uint8Array([1, 3])));
    expect(stableJson([undefined])).not.toBe(stableJson([null]));
    expect(stableJson({ a: undefined, b: 1 })).toBe(stableJson({ b: 1 }));
    expect(stableJson(new Date("2024-07-28T00:00:00Z"))).toBe('"2024-07-28T00:00:00.000Z"');
  });

  it("keeps a key named __proto__ (a chart data column) apart from its value", () => {
    const row = (value: string) => JSON.parse(`{"__proto__": "${value}", "n": 1}`) as unknown;
    expect(stableJson(row("Killed"))).not.toBe(stableJson(row("Arrested")));
    expect(stableJson(row("Killed"))).toBe('{"__proto__":"Killed","n":1}');
  });

  it("refuses functions, whose text does not say what they compute", () => {
    expect(() => stableJson({ plot: () => 1 })).toThrow(/function/);
  });
});

describe("digest", () => {
  it("is a SHA-256 that keeps its parts apart", () => {
    expect(digest("a", "b")).toMatch(/^[0-9a-f]{64}$/);
    expect(digest("a", "b")).toBe(digest("a", "b"));
    expect(digest("ab")).not.toBe(digest("a", "b"));
    expect(digest(["a", "b"])).not.toBe(digest("a", "b"));
  });

  it("digests bytes and text alike", () => {
    expect(bytesDigest("abc")).toBe(bytesDigest(new TextEncoder().encode("abc")));
    expect(bytesDigest("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
