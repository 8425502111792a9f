import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { findPackageJSON } from "node:module";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { bytesDigest, digest } from "../lib/digest.ts";
import { filesUnder } from "../lib/offline/files.ts";
import { generatedFiles } from "../lib/offline/offline-manifest.ts";

/** The file, next to Pagefind's own, that hands Pagefind's API to the search page. */
export const bridgeFile = "casefile-bridge.js";

/**
 * The bridge script: the search page adds it as a module script instead of calling `import()`,
 * which Vite wraps in a preload helper that Astro's inlined scripts leave undefined.
 */
const bridge = `import * as pagefind from "./pagefind.js";
globalThis.casefilePagefind = pagefind;
globalThis.dispatchEvent(new Event("casefile:pagefind"));
`;

/** The pages that carry `data-pagefind-body`: incidents and outlets. */
const searchedPages = ["incidents/*/index.html", "outlets/*/index.html"] as const;

/** `searchedPages` as one pattern over the paths `filesUnder` gives. */
const searchedPage = /^(?:incidents|outlets)\/[^/]+\/index\.html$/;

/** What the search index is made with: Pagefind's version and the options we give it. */
const indexer = {
  pagefind: (
    JSON.parse(readFileSync(findPackageJSON("pagefind", import.meta.url) ?? "", "utf8")) as {
      version: string;
    }
  ).version,
  options: { forceLanguage: "en" },
  searchedPages,
};

/** What writing the search index did. */
export interface SearchIndexSummary {
  /** Pages indexed. */
  pages: number;
  /** True when the pages were the same as last time and the index was copied from the cache. */
  reused: boolean;
}

/**
 * The search index: Pagefind (in its own process) indexes the pages that mark their content with
 * `data-pagefind-body` (incidents with their source texts, and outlets; not the processing
 * reports, whose excerpts would only repeat an incident's hits) and writes `<out>/pagefind/`,
 * which the search page loads. Filters come from `data-pagefind-filter` in the pages.
 *
 * Pagefind cannot update an index, so with a cache folder the last index is kept there under a
 * digest of the indexed pages and Pagefind's version and options: when no indexed page changed,
 * it is copied instead of built again.
 */
export async function writeSearchIndex(
  out: string,
  cacheFolder?: string,
): Promise<SearchIndexSummary> {
  const target = join(out, generatedFiles.search);
  const pages = filesUnder(out).filter((file) => searchedPage.test(file));
  const key = digest(
    indexer,
    pages.map((page) => [page, bytesDigest(readFileSync(join(out, page)))]),
  );
  const cached = cacheFolder === undefined ? undefined : join(cacheFolder, key);
  if (cached !== undefined && existsSync(join(cached, bridgeFile))) {
    rmSync(target, { recursive: true, force: true });
    cpSync(cached, target, { recursive: true });
    return { pages: pages.length, reused: true };
  }
  const indexed = await indexPages(out);
  writeFileSync(join(target, bridgeFile), bridge);
  if (cacheFolder !== undefined && cached !== undefined) {
    try {
      // Only the newest index is kept; copied aside and renamed, so a half copy is never used.
      rmSync(cacheFolder, { recursive: true, force: true });
      cpSync(target, `${cached}.tmp`, { recursive: true });
      renameSync(`${cached}.tmp`, cached);
    } catch {
      // A read-only cache only means indexing again next time.
    }
  }
  return { pages: indexed, reused: false };
}

/** Runs Pagefind over the searched pages of `out`; returns the number of pages it read. */
async function indexPages(out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex(indexer.options);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    // Only the pages that mark a body: Pagefind would otherwise parse every processing report
    // and export page only to find nothing to index in them.
    let pages = 0;
    for (const glob of searchedPages) {
      const added = await index.addDirectory({ path: out, glob });
      if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
      pages += added.page_count;
    }
    const written = await index.writeFiles({ outputPath: join(out, generatedFiles.search) });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
