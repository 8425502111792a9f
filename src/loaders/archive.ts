import type { Loader } from "astro/loaders";
import { processArchive } from "../lib/content/archive-cache.ts";
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
      const { digest, archive, cached, stored, milliseconds } = processArchive(siteRoot());
      if (meta.get("digest") === digest && store.has("archive")) {
        logger.info(`archive unchanged (${archive.stats.files} captures)`);
        return;
      }
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
