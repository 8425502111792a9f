import type { Loader } from "astro/loaders";
import { createHash } from "node:crypto";
import { processCaptures } from "../lib/archive/index.ts";
import { readCaptures } from "../lib/content/captures.ts";
import { siteRoot } from "../site-root.ts";

/** Version of the stored archive's shape; bump it when the engine's output changes. */
const engineVersion = "1";

/**
 * Runs the archive engine over data/archives/ once per build. The result is kept in Astro's data
 * store under the digest of every capture's path and bytes, so unchanged captures are not
 * processed again.
 */
export function archiveLoader(): Loader {
  return {
    name: "casefile-archive",
    load: async ({ store, meta, logger }) => {
      const inputs = readCaptures(siteRoot());
      const hash = createHash("sha256").update(engineVersion);
      for (const input of inputs) hash.update(`${input.file}\0`).update(createHash("sha256").update(input.bytes).digest());
      const digest = hash.digest("hex");
      if (meta.get("digest") === digest && store.has("archive")) {
        logger.info(`archive unchanged (${inputs.length} captures), reusing the processed archive`);
        return;
      }
      const started = performance.now();
      const archive = processCaptures(inputs);
      logger.info(
        `archive: ${inputs.length} captures → ${archive.stats.documents} documents, ${archive.stats.uniqueParagraphs} unique paragraphs (${Math.round(performance.now() - started)} ms)`,
      );
      store.clear();
      store.set({ id: "archive", data: JSON.parse(JSON.stringify(archive)) as Record<string, unknown>, digest });
      meta.set("digest", digest);
    },
  };
}
