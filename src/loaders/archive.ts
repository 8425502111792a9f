import type { Loader } from "astro/loaders";
import { processArchive } from "../lib/content/archive-cache.ts";
import { archiveCache, archiveKey, digestCaptures } from "../lib/content/archive-store.ts";
import { awaitEntry } from "../lib/content/disk-cache.ts";
import { siteRoot } from "../site-root.ts";

/**
 * Runs the archive engine over data/archives/ once per build. The result is cached on disk under
 * the digest of every capture's path and bytes (see `processArchive`), where `check` and the
 * pages read it; Astro's data store keeps only that digest, since serialising the whole archive
 * into the store costs seconds and hundreds of megabytes on a large site. Only when the disk cache
 * cannot be written (a read-only checkout) does the store hold the archive itself.
 */
export function archiveLoader(): Loader {
  return {
    name: "casefile-archive",
    load: async ({ store, meta, logger }) => {
      const root = siteRoot();
      const cache = archiveCache(root);
      const captures = digestCaptures(root);
      const { digest } = captures;
      const record = (data: Record<string, unknown>) => {
        store.clear();
        store.set({ id: "archive", data: { digest, ...data }, digest });
      };
      if (meta.get("digest") === digest && store.has("archive") && cache.has(archiveKey(digest))) {
        logger.info("archive unchanged");
        return;
      }
      if (cache.has(archiveKey(digest)) || awaitEntry(cache, archiveKey(digest))) {
        // Processed already (by `check`, or an earlier build), or just now by the check running
        // beside this build, which we waited for: the pages read it from the cache.
        logger.info("archive: cached");
        record({});
      } else {
        const { archive, stored, milliseconds } = processArchive(root, undefined, captures);
        logger.info(
          `archive: ${archive.stats.files} captures → ${archive.stats.documents} documents, ${archive.stats.uniqueParagraphs} unique paragraphs (${milliseconds} ms)`,
        );
        record(stored ? {} : { archive: archive as unknown as Record<string, unknown> });
      }
      meta.set("digest", digest);
    },
  };
}
