/**
 * The route of every incident's exports, `/incidents/<id>/<file>`: one page per incident and
 * export format of the registry (src/lib/exports/index.ts), each with its format's cache key.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { exportFormat, exportFormats } from "../../lib/exports/index.ts";
import { cacheKeys, exportInput, loadSite } from "../../site/index.ts";

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.flatMap((incident) =>
    exportFormats.map((format) => ({
      params: { id: incident.id, export: format.file },
      cacheKey: keys[format.cacheKey](incident.id),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const format = exportFormat(params["export"] ?? "")!;
  const body = format.render(await exportInput(params["id"] ?? ""));
  return new Response(body, { headers: { "Content-Type": format.type } });
};
