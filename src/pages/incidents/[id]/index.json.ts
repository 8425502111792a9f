import type { APIRoute, GetStaticPaths } from "astro";
import { incidentRecord, jsonBody } from "../../../lib/exports/incident-json.ts";
import { absoluteUrl, cacheKeys, loadSite } from "../../../site/index.ts";

/** One incident with its facts. */
export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.map((incident) => ({
    params: { id: incident.id },
    cacheKey: keys.incidentData(incident.id),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const incident = site.incidents.find((entry) => entry.id === params["id"])!;
  return new Response(jsonBody(incidentRecord(site, incident, absoluteUrl)), {
    headers: { "Content-Type": "application/json" },
  });
};
