import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { findPackageJSON } from "node:module";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { bytesDigest, digest } from "../../lib/digest.ts";
import { filesUnder } from "../../lib/offline/files.ts";
import { generatedFiles } from "../../lib/offline/offline-manifest.ts";
import { append } from "../../lib/arrays.ts";

/** The file, next to the indexes, that hands Pagefind's API and the index list to the search page. */
const bridgeFile = "casefile-bridge.js";

/**
 * How many indexes the search is split into. Pagefind cannot update an index, only build one
 * afresh; split by page, an edit to one incident re-indexes an eighth of the site, and the search
 * page merges the indexes (Pagefind's `mergeIndex`) into one list of results.
 */
export const searchShards = 8;

/** The index a page belongs to, by its path: stable as pages come and go. */
export function shardOf(page: string): number {
  return createHash("sha256").update(page).digest()[0]! % searchShards;
}

/**
 * The bridge script: the search page adds it as a module script instead of calling `import()`,
 * which Vite wraps in a preload helper that Astro's inlined scripts leave undefined. It loads the
 * first index's Pagefind, names the other indexes for the page to merge, and says which index
 * each page (by Pagefind's id for it, the name of its fragment file) is in, so that the search page
 * can tell a shard that matched a word from one that fell back to a shorter word
 * (src/lib/offline/search-matches.ts).
 */
const bridge = (
  shards: readonly number[],
  pages: Record<string, number>,
) => `import * as pagefind from "./${shards[0]}/pagefind.js";
globalThis.casefilePagefind = pagefind;
globalThis.casefileSearchShards = ${JSON.stringify(shards.slice(1).map(String))};
globalThis.casefileSearchPages = ${JSON.stringify(pages)};
globalThis.dispatchEvent(new Event("casefile:pagefind"));
`;

/** Pagefind's page ids in each written index (its fragment files are named for them), by shard. */
function pagesOfShards(target: string, shards: readonly number[]): Record<string, number> {
  const pages: Record<string, number> = {};
  for (const shard of shards) {
    const fragments = join(target, String(shard), "fragment");
    if (!existsSync(fragments)) continue;
    for (const name of readdirSync(fragments).sort())
      if (name.endsWith(".pf_fragment")) pages[name.slice(0, -".pf_fragment".length)] = shard;
  }
  return pages;
}

/** The pages that carry `data-pagefind-body`: incidents and outlets. */
const searchedPage = /^(?:incidents|outlets)\/[^/]+\/index\.html$/;

/** What the search index is made with: Pagefind's version and the options we give it. */
const indexer = {
  pagefind: (
    JSON.parse(readFileSync(findPackageJSON("pagefind", import.meta.url) ?? "", "utf8")) as {
      version: string;
    }
  ).version,
  options: { forceLanguage: "en" },
  searchShards,
};

/** What writing the search index did. */
export interface SearchIndexSummary {
  /** Pages indexed. */
  pages: number;
  /** Indexes written (one per non-empty shard). */
  shards: number;
  /** Indexes whose pages were the same as last time, copied from the cache. */
  reused: number;
}

/**
 * The search index: Pagefind (in its own process) indexes the pages that mark their content with
 * `data-pagefind-body` (incidents with their source texts, and outlets; not the processing
 * reports, whose excerpts would only repeat an incident's hits) into `<out>/pagefind/<shard>/`,
 * one index per shard of pages, which the search page loads and merges. Filters come from
 * `data-pagefind-filter` in the pages.
 *
 * With a cache folder, each shard's last index is kept there under a digest of its pages and
 * Pagefind's version and options: a shard none of whose pages changed is copied, not re-indexed.
 */
export async function writeSearchIndex(
  out: string,
  cacheFolder?: string,
): Promise<SearchIndexSummary> {
  const target = join(out, generatedFiles.search);
  const pages = filesUnder(out).filter((file) => searchedPage.test(file));
  const shards = new Map<number, string[]>();
  for (const page of pages) {
    const shard = shardOf(page);
    shards.set(shard, [...(shards.get(shard) ?? []), page]);
  }
  // A site without searchable pages still gets an (empty) index, so that its search page works.
  if (shards.size === 0) shards.set(0, []);
  const numbers = [...shards.keys()].sort((a, b) => a - b);
  rmSync(target, { recursive: true, force: true });
  let reused = 0;
  let started = false;
  try {
    for (const shard of numbers) {
      const members = shards.get(shard) ?? [];
      const contents = members.map((page) => [page, readFileSync(join(out, page))] as const);
      const key = digest(
        indexer,
        shard,
        contents.map(([page, bytes]) => [page, bytesDigest(bytes)]),
      );
      const folder = join(target, String(shard));
      const cached = cacheFolder === undefined ? undefined : join(cacheFolder, `${shard}-${key}`);
      if (cached !== undefined && existsSync(join(cached, "pagefind-entry.json"))) {
        cpSync(cached, folder, { recursive: true });
        reused++;
        continue;
      }
      started = true;
      await indexPages(out, members, folder);
      if (cacheFolder !== undefined && cached !== undefined)
        keepIndex(cacheFolder, shard, folder, cached);
    }
  } finally {
    if (started) await pagefind.close();
  }
  writeFileSync(join(target, bridgeFile), bridge(numbers, pagesOfShards(target, numbers)));
  return { pages: pages.length, shards: numbers.length, reused };
}

/** Keeps a shard's new index in the cache instead of its last one; a read-only cache keeps none. */
function keepIndex(cacheFolder: string, shard: number, folder: string, cached: string): void {
  try {
    if (existsSync(cacheFolder))
      for (const name of readdirSync(cacheFolder))
        if (name.startsWith(`${shard}-`)) rmSync(join(cacheFolder, name), { recursive: true });
    // Copied aside and renamed, so that a half copy is never taken for an index.
    cpSync(folder, `${cached}.tmp`, { recursive: true });
    renameSync(`${cached}.tmp`, cached);
  } catch {
    // Indexing again next time is all a cache that cannot be written costs.
  }
}

/** A path Pagefind's glob syntax can name as it is (ids are lowercase words and hyphens). */
const plainPath = /^[\w./-]+$/;

/**
 * Runs Pagefind over some pages of `out` (site-relative paths) into `folder`. Pagefind reads the
 * files itself (a glob naming them), more than twice as fast as handing it their text.
 */
async function indexPages(out: string, pages: readonly string[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(indexer.options);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const named = pages.filter((page) => plainPath.test(page));
    const problems: string[] = [];
    if (named.length > 0) {
      const added = await index.addDirectory({ path: out, glob: `{${named.join(",")}}` });
      append(problems, added.errors);
    }
    for (const page of pages.filter((page) => !plainPath.test(page))) {
      const file = await index.addHTMLFile({
        sourcePath: page,
        content: readFileSync(join(out, page), "utf8"),
      });
      append(problems, file.errors);
    }
    if (problems.length > 0) throw new Error(`Pagefind: ${problems.join("; ")}`);
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}
