import type { Loader } from "astro/loaders";
import { processArchive } from "../lib/content/archive-cache.ts";
import { siteRoot } from "../site-root.ts";

/**
 * Runs the archive engine over data/archives/ once per build. The result is kept in Astro's data
 * store under the digest of every capture's path and bytes (and on disk for `npm run check`), so
 * unchanged captures are not processed again.
 */
export function archiveLoader(): Loader {
  return {
    name: "casefile-archive",
    load: async ({ store, meta, logger }) => {
      const { digest, archive, cached, milliseconds } = processArchive(siteRoot());
      if (meta.get("digest") === digest && store.has("archive")) {
        logger.info(`archive unchanged (${archive.stats.files} captures)`);
        return;
      }
      logger.info(
        `archive: ${archive.stats.files} captures → ${archive.stats.documents} documents, ${archive.stats.uniqueParagraphs} unique paragraphs (${cached ? "cached" : `${milliseconds} ms`})`,
      );
      store.clear();
      store.set({ id: "archive", data: archive as unknown as Record<string, unknown>, digest });
      meta.set("digest", digest);
    },
  };
}
