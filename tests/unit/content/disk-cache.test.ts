import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedText, diskCache } from "../../../src/lib/content/disk-cache.ts";

const root = mkdtempSync(join(tmpdir(), "casefile-disk-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("diskCache", () => {
  it("writes one file per key, named with the prefix and extension, and reads it back", () => {
    const cache = diskCache(join(root, "named", "deeper"), { prefix: "chart-", extension: ".svg" });
    expect(cache.read("k1")).toBeUndefined();
    cache.write("k1", "<svg/>");
    expect(cache.read("k1")).toBe("<svg/>");
    expect(readdirSync(cache.folder)).toEqual(["chart-k1.svg"]);
  });

  it("does not fail when the folder cannot be written", () => {
    const file = join(root, "a-file");
    writeFileSync(file, "not a folder");
    const cache = diskCache(join(file, "charts"));
    expect(() => cache.write("k", "text")).not.toThrow();
    expect(cache.read("k")).toBeUndefined();
  });
});

describe("cachedText", () => {
  it("computes a text once per key and reads it back afterwards", () => {
    const cache = diskCache(join(root, "computed"));
    let runs = 0;
    const compute = () => `result ${++runs}`;
    expect(cachedText(cache, "a", compute)).toBe("result 1");
    expect(cachedText(cache, "a", compute)).toBe("result 1");
    expect(cachedText(cache, "b", compute)).toBe("result 2");
    // A fresh cache over the same folder (the next build) finds the results.
    expect(cachedText(diskCache(join(root, "computed")), "a", compute)).toBe("result 1");
    expect(runs).toBe(2);
  });

  it("computes every time without a cache", () => {
    let runs = 0;
    cachedText(undefined, "a", () => `${++runs}`);
    cachedText(undefined, "a", () => `${++runs}`);
    expect(runs).toBe(2);
  });
});
