import type { Loader } from "astro/loaders";
import { processArchive } from "../lib/content/archive-cache.ts";
import { archiveCache, archiveKey, digestCaptures } from "../lib/content/archive-store.ts";
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
      // Unchanged captures whose archive is still cached: nothing to read or parse.
      const previous = meta.get("digest");
      if (
        previous !== undefined &&
        store.has("archive") &&
        archiveCache(root).has(archiveKey(previous)) &&
        digestCaptures(root).digest === previous
      ) {
        logger.info("archive unchanged");
        return;
      }
      const { digest, archive, cached, stored, milliseconds } = processArchive(root);
      logger.info(
        `archive: ${archive.stats.files} captures → ${archive.stats.documents} documents, ${archive.stats.uniqueParagraphs} unique paragraphs (${cached ? "cached" : `${milliseconds} ms`})`,
      );
      store.clear();
      store.set({
        id: "archive",
        data: stored
          ? { digest }
          : { digest, archive: archive as unknown as Record<string, unknown> },
        digest,
      });
      meta.set("digest", digest);
    },
  };
}
