import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

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

/**
 * The search index: Pagefind (in its own process) indexes the pages that mark their content with
 * `data-pagefind-body` (incidents with their source texts, and outlets; not the processing
 * reports, whose excerpts would only repeat an incident's hits) and writes `<out>/pagefind/`,
 * which the search page loads. Filters come from `data-pagefind-filter` in the pages. Returns
 * the number of pages Pagefind read.
 */
export async function writeSearchIndex(out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
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
    const written = await index.writeFiles({ outputPath: join(out, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    writeFileSync(join(out, "pagefind", bridgeFile), bridge);
    return pages;
  } finally {
    await pagefind.close();
  }
}
