/**
 * The dev server's route for `/incidents/<id>/data/<file>`: every data file of every incident as
 * is. A build copies the files instead (src/integration/steps/data-files.ts), which is much
 * cheaper than a route per file; this route is injected only by `astro dev`.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { incidentDataFiles } from "../../lib/content/data-files.ts";
import { sitePaths } from "../../lib/content/load.ts";
import { loadSite, settings } from "../../site/index.ts";

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.incidents.flatMap((incident) =>
    incidentDataFiles(settings.root, incident.id).map((file) => ({
      params: { id: incident.id, file },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(
    readFileSync(
      join(settings.root, sitePaths.incidentData, params["id"] ?? "", params["file"] ?? ""),
    ),
  );
