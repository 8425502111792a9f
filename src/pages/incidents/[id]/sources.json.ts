import type { APIRoute, GetStaticPaths } from "astro";
import { sourcesJson } from "../../../lib/reliability/index.ts";
import { cacheKeys, dossierOf, loadSite } from "../../../site/index.ts";

/** Every incident's sources, grades, claims, origin groups and corroboration counts. */
export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.map((incident) => ({
    params: { id: incident.id },
    cacheKey: keys.incidentData(incident.id),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const dossier = await dossierOf(params["id"] ?? "");
  const body = { incident: dossier.incident.id, ...sourcesJson(dossier.assessment) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
