import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { incidentDataFiles } from "../../../../lib/content/data-files.ts";
import { sitePaths } from "../../../../lib/content/load.ts";
import { loadSite } from "../../../../site.ts";
import { cacheKeys } from "../../../../build-cache.ts";
import { siteRoot } from "../../../../site-root.ts";

/** Every data file of every incident, copied as is to a stable path. */
export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.flatMap((incident) =>
    incidentDataFiles(siteRoot(), incident.id).map((file) => ({
      params: { id: incident.id, file },
      cacheKey: keys.dataFile(incident.id, file),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(
    readFileSync(
      join(siteRoot(), sitePaths.incidentData, params["id"] ?? "", params["file"] ?? ""),
    ),
  );
