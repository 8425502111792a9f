import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneCache } from "../../../src/lib/content/cache-prune.ts";
import { diskCache } from "../../../src/lib/content/disk-cache.ts";

const root = mkdtempSync(join(tmpdir(), "casefile-cache-prune-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sets an entry's last use to `secondsAgo` before now. */
function usedAgo(path: string, secondsAgo: number): void {
  const then = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, then, then);
}

describe("pruneCache", () => {
  it("keeps what this build used and the most recent older entries up to the cap", () => {
    const folder = join(root, "charts");
    const cache = diskCache(folder, { extension: ".svg" });
    for (const key of ["a", "b", "c", "d"]) cache.write(key, "x".repeat(100));
    usedAgo(cache.path("a"), 400);
    usedAgo(cache.path("b"), 300);
    usedAgo(cache.path("c"), 200);
    usedAgo(cache.path("d"), 100);
    const buildStarted = Date.now() - 50_000;
    // This build reads "a": it is kept whatever its age was.
    expect(cache.read("a")).toBe("x".repeat(100));
    writeFileSync(join(folder, ".claim-e"), "1");
    const summary = pruneCache(folder, buildStarted, 150);
    expect(readdirSync(folder).sort()).toEqual([".claim-e", "a.svg", "d.svg"]);
    expect(summary).toEqual({ removed: 2, removedBytes: 200, kept: 2, keptBytes: 200 });
  });

  it("removes every unused archive folder with a cap of nothing", () => {
    const folder = join(root, "archives");
    for (const name of ["archive-old", "archive-new"]) {
      mkdirSync(join(folder, name), { recursive: true });
      writeFileSync(join(folder, name, "index.json"), "{}");
    }
    usedAgo(join(folder, "archive-old"), 60);
    const summary = pruneCache(folder, Date.now() - 10_000, 0);
    expect(readdirSync(folder)).toEqual(["archive-new"]);
    expect(summary.removed).toBe(1);
  });

  it("prunes nothing in a missing folder", () => {
    expect(pruneCache(join(root, "missing"), Date.now(), 0).removed).toBe(0);
  });
});
