import type { CollectionEntry } from "astro:content";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildChartCache, type ChartCache } from "../lib/charts/index.ts";
import { cacheKeys as computeCacheKeys, type CacheKeys } from "../lib/content/cache-keys.ts";
import { incidentDataFiles } from "../lib/content/data-files.ts";
import { sitePaths } from "../lib/content/load.ts";
import { writeUpCode } from "../lib/content/write-up-code.ts";
import { digest } from "../lib/digest.ts";
import { chartRenderer, settings } from "./current.ts";
import { loadSite } from "./data.ts";

/** Rendered charts, kept in the build's cache folder under the renderer's version. */
export const chartCache: ChartCache = buildChartCache(settings.cacheDir, chartRenderer);

let memo: Promise<CacheKeys> | undefined;

/**
 * The cache keys of every page (see src/lib/content/cache-keys.ts), computed once per build from
 * the memoised site data, the write-ups' digests and the data files on disk.
 */
export function cacheKeys(): Promise<CacheKeys> {
  memo ??= (async () => {
    const site = await loadSite();
    const root = settings.root;
    return computeCacheKeys({
      site,
      archive: site.archive,
      settings: { url: settings.url, base: settings.base, config: { ...settings.config } },
      writeUps: new Map([...site.entries].map(([id, entry]) => [id, entryDigest(entry)])),
      dataFiles: (id) =>
        incidentDataFiles(root, id).map((name) => ({
          name,
          bytes: readFileSync(join(root, sitePaths.incidentData, id, name)),
        })),
    });
  })();
  return memo;
}

/** The digest Astro's loader took of a write-up file as written (frontmatter and body). */
function entryDigest(entry: CollectionEntry<"incidents"> | undefined): string {
  return String(entry?.digest ?? digest(entry?.body ?? null, entry?.data ?? null));
}

/**
 * The digest of what a chart in an incident's write-up can refer to besides its own text: the
 * frontmatter and the MDX's imports and exports (see `writeUpCode`), not the prose.
 */
export async function writeUpCodeDigest(incidentId: string): Promise<string> {
  const entry = (await loadSite()).entries.get(incidentId);
  return digest(entry?.data ?? null, writeUpCode(entry?.body ?? ""));
}
