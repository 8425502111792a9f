import { describe, expect, it } from "vitest";
import { append, maxOf, minOf } from "../../src/lib/arrays.ts";

describe("array helpers", () => {
  it("maxOf and minOf read a million values, which a spread into Math.max overflows", () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (a > b ? a : b)));
    expect(minOf(values)).toBe(0);
  });

  it("maxOf and minOf give Math.max and Math.min's answers, and the default when empty", () => {
    expect(maxOf([3, -1, 2])).toBe(3);
    expect(minOf([3, -1, 2])).toBe(-1);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 1)).toBe(1);
    expect(maxOf([0.5], 1)).toBe(0.5);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, NaN, 2])).toBeNaN();
  });

  it("append adds a million items in order, which a spread into push overflows", () => {
    const list = [-1];
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    append(list, items);
    expect(list.length).toBe(1_000_001);
    expect(list[0]).toBe(-1);
    expect(list[1_000_000]).toBe(999_999);
  });
});
