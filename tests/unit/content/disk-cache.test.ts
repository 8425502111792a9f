import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  awaitEntry,
  cachedText,
  claimEntry,
  diskCache,
} from "../../../src/lib/content/disk-cache.ts";

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

describe("claims on an entry between processes", () => {
  it("makes a second process wait for the entry the first is computing", async () => {
    const cache = diskCache(join(root, "claimed"));
    // Another process claims "big", computes for a while, writes it and gives the claim up.
    const script = `
      import { claimEntry, diskCache } from ${JSON.stringify(new URL("../../../src/lib/content/disk-cache.ts", import.meta.url).pathname)};
      const cache = diskCache(${JSON.stringify(cache.folder)});
      const release = claimEntry(cache, "big");
      process.stdout.write("claimed\\n");
      setTimeout(() => { cache.write("big", "from the other process"); release(); }, 400);
    `;
    const other = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise((resolve) => other.stdout.once("data", resolve));
    expect(cache.has("big")).toBe(false);
    expect(awaitEntry(cache, "big")).toBe(true);
    expect(cache.read("big")).toBe("from the other process");
    // A claim taken after the other gave it up finds the entry done and is free to go.
    const release = claimEntry(cache, "big");
    release();
    await new Promise((resolve) => other.once("close", resolve));
  });

  it("takes over a claim left by a process that died, and does not wait for an unclaimed entry", () => {
    const cache = diskCache(join(root, "stale"));
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    mkdirSync(cache.folder, { recursive: true });
    writeFileSync(join(cache.folder, ".claim-k"), dead);
    expect(awaitEntry(cache, "k")).toBe(false);
    const release = claimEntry(cache, "k");
    expect(existsSync(join(cache.folder, ".claim-k"))).toBe(true);
    release();
    expect(existsSync(join(cache.folder, ".claim-k"))).toBe(false);
    expect(awaitEntry(cache, "other")).toBe(false);
  });
});
