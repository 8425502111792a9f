import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder } from "../../../src/lib/offline/files.ts";
import {
  searchShards,
  shardOf,
  writeSearchIndex,
} from "../../../src/integration/steps/search-index.ts";

const root = mkdtempSync(join(tmpdir(), "casefile-search-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A built site of `count` incident pages, one word of each page's text changed by `edit`. */
function site(out: string, count: number, edit: Record<number, string> = {}): string[] {
  const pages = Array.from({ length: count }, (_, index) => `incidents/case-${index}/index.html`);
  pages.forEach((page, index) => {
    mkdirSync(join(out, page, ".."), { recursive: true });
    writeFileSync(
      join(out, page),
      `<!doctype html><html lang="en"><head><title>Case ${index}</title></head><body><main data-pagefind-body><h1>Case ${index}</h1><p>${edit[index] ?? "harbour"} outage number ${index}</p></main></body></html>`,
    );
  });
  return pages;
}

describe("the search index in shards", () => {
  it("puts each page in a stable shard", () => {
    expect(shardOf("incidents/case-1/index.html")).toBe(shardOf("incidents/case-1/index.html"));
    const used = new Set(
      Array.from({ length: 200 }, (_, index) => shardOf(`incidents/case-${index}/index.html`)),
    );
    expect(used.size).toBe(searchShards);
  });

  it("re-indexes only the shard of an edited page, copying the others from the cache", async () => {
    const out = join(root, "site");
    const cache = join(root, "cache");
    const pages = site(out, 24);
    const shards = new Set(pages.map(shardOf)).size;
    const first = await writeSearchIndex(out, cache);
    expect(first).toEqual({ pages: 24, shards, reused: 0 });
    const bridge = readFileSync(join(out, "pagefind", "casefile-bridge.js"), "utf8");
    const listed = JSON.parse(
      /casefileSearchShards = (\[.*\]);/.exec(bridge)?.[1] ?? "[]",
    ) as string[];
    expect(listed).toHaveLength(shards - 1);
    for (const shard of listed)
      expect(existsSync(join(out, "pagefind", shard, "pagefind.js"))).toBe(true);
    // Each page's Pagefind id (its fragment's name) with its shard, for the search page's check.
    const pageShards = JSON.parse(
      /casefileSearchPages = (\{.*\});/.exec(bridge)?.[1] ?? "{}",
    ) as Record<string, number>;
    expect(Object.keys(pageShards)).toHaveLength(24);
    for (const [id, shard] of Object.entries(pageShards))
      expect(
        existsSync(join(out, "pagefind", String(shard), "fragment", `${id}.pf_fragment`)),
      ).toBe(true);

    const indexFiles = (folder: string) =>
      filesUnder(folder).map((file) => [file, readFileSync(join(folder, file)).toString("base64")]);
    const before = indexFiles(join(out, "pagefind"));
    expect(await writeSearchIndex(out, cache)).toEqual({ pages: 24, shards, reused: shards });
    expect(indexFiles(join(out, "pagefind"))).toEqual(before);

    site(out, 24, { 5: "lighthouse" });
    expect(await writeSearchIndex(out, cache)).toEqual({ pages: 24, shards, reused: shards - 1 });
    const edited = String(shardOf(pages[5] ?? ""));
    const changed = new Set(
      indexFiles(join(out, "pagefind"))
        .filter(([file, bytes]) => !before.some(([name, old]) => name === file && old === bytes))
        .map(([file]) => file?.split("/")[0]),
    );
    // The bridge names the edited page's new id.
    expect([...changed].sort()).toEqual([edited, "casefile-bridge.js"].sort());
  }, 60_000);

  it("writes an empty index for a site without searchable pages", async () => {
    const out = join(root, "empty");
    mkdirSync(out, { recursive: true });
    expect(await writeSearchIndex(out)).toEqual({ pages: 0, shards: 1, reused: 0 });
    expect(existsSync(join(out, "pagefind", "0", "pagefind.js"))).toBe(true);
  });
});
