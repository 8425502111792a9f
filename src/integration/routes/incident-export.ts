/**
 * The route of every incident's exports: one entrypoint, injected once per format of the registry
 * (src/lib/exports/index.ts) as `/incidents/[id]/<file>`, that serves the format its pattern names
 * for every incident, with the format's cache key. A pattern per format, not one
 * `/incidents/[id]/[export]`, because Astro counts only a pattern ending in an extension as a file:
 * otherwise `trailingSlash: "always"` makes `astro dev` answer `/incidents/<id>/stix.json` with a 404.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { exportFormat, type ExportFormat } from "../../lib/exports/index.ts";
import { cacheKeys, exportInput, loadSite } from "../../site/index.ts";

/** The format a route pattern (`/incidents/[id]/stix.json`) serves. */
function formatOf(routePattern: string): ExportFormat {
  const file = routePattern.slice(routePattern.lastIndexOf("/") + 1);
  const format = exportFormat(file);
  if (!format) throw new Error(`no export format serves ${routePattern}`);
  return format;
}

export const getStaticPaths = (async ({ routePattern }) => {
  const format = formatOf(routePattern);
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.map((incident) => ({
    params: { id: incident.id },
    cacheKey: keys[format.cacheKey](incident.id),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, routePattern }) => {
  const format = formatOf(routePattern);
  const body = format.render(await exportInput(params["id"] ?? ""));
  return new Response(body, { headers: { "Content-Type": format.type } });
};
