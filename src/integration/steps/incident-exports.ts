/**
 * Every incident's exports (the formats of src/lib/exports: `index.json`, `sources.json`,
 * `stix.json`, `cite.*`), written from the core's data after the pages instead of as Astro routes:
 * at N = 1,000 they were 6,000 routes, each paying Astro's per-route cost to render or restore.
 * Each file is kept in a cache under the page cache key of its format and the code's digest, so a
 * rebuild writes again only what changed; `astro dev` serves the same paths through
 * src/integration/routes/incident-export.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processArchive } from "../../lib/content/archive-cache.ts";
import { cacheKeys } from "../../lib/content/cache-keys.ts";
import { cachedText, diskCache } from "../../lib/content/disk-cache.ts";
import { loadSiteData } from "../../lib/content/load.ts";
import { digest, sourceDigest } from "../../lib/digest.ts";
import { buildDossier, summaryOf } from "../../lib/dossier/dossier.ts";
import { incidentCaptures } from "../../lib/dossier/evidence.ts";
import type { ExportInput } from "../../lib/exports/export-format.ts";
import { exportFormats, incidentLinks } from "../../lib/exports/index.ts";
import { routes, withBase } from "../../lib/urls/paths.ts";
import { reportNumber } from "../../site/settings.ts";
import type { StepContext } from "./step.ts";

/** The version of the code that makes the exports: a digest of the core and the lock file. */
function exportCode(project: string): string {
  const lock = "package-lock.json";
  const paths = ["src/lib", "src/schemas", ...(existsSync(join(project, lock)) ? [lock] : [])];
  return sourceDigest(project, paths);
}

/** Writes every incident's exports into the output folder and says how many. */
export function writeIncidentExports({ settings, out, cache }: StepContext): string {
  const root = settings.root;
  const site = loadSiteData(root);
  const { archive } = processArchive(root);
  const absolute = (path: string) => new URL(withBase(settings.base, path), settings.url).href;
  const keys = cacheKeys({
    site,
    archive,
    settings: { url: settings.url, base: settings.base, config: { ...settings.config } },
    // The exports' keys (citation, incident data) read neither.
    writeUps: new Map(),
    dataFiles: () => [],
  });
  const files = diskCache(join(cache.folder, "exports"));
  const code = exportCode(settings.project);
  let total = 0;
  let rendered = 0;
  for (const incident of site.incidents) {
    let input: ExportInput | undefined;
    const inputOf = (): ExportInput => {
      if (input) return input;
      const sources = site.sources.get(incident.id)?.sources ?? [];
      const dossier = summaryOf(
        buildDossier(site, incident, archive.part(incidentCaptures(sources))),
      );
      input = {
        site,
        dossier,
        citation: {
          id: incident.id,
          incident: incident.data,
          url: absolute(routes.incident(incident.id)),
          publisher: settings.config.publisher,
          reportNumber: reportNumber(settings.config, incident.id),
          license: settings.config.license?.url,
        },
        absolute,
        links: incidentLinks(incident.id, absolute),
      };
      return input;
    };
    mkdirSync(join(out, routes.incident(incident.id)), { recursive: true });
    for (const format of exportFormats) {
      const key = digest(code, format.file, keys[format.cacheKey](incident.id)).slice(0, 40);
      const body = cachedText(files, key, () => {
        rendered++;
        return format.render(inputOf());
      });
      writeFileSync(join(out, routes.incidentExport(incident.id, format.file)), body);
      total++;
    }
  }
  return `${total} incident exports (${total - rendered} unchanged)`;
}
