import type { APIRoute, GetStaticPaths } from "astro";
import { incidentRecord, jsonBody } from "../../../lib/exports/incident-json.ts";
import { absoluteUrl, loadSite } from "../../../site.ts";

/** One incident with its facts. */
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.incidents.map((incident) => ({ params: { id: incident.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const incident = site.incidents.find((entry) => entry.id === params["id"])!;
  return new Response(jsonBody(incidentRecord(site, incident, absoluteUrl)), {
    headers: { "Content-Type": "application/json" },
  });
};
