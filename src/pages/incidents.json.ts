import type { APIRoute } from "astro";
import { incidentsNewestFirst } from "../lib/content/queries.ts";
import { incidentLinks } from "../lib/exports/index.ts";
import { incidentRecord, jsonBody } from "../lib/exports/incident-json.ts";
import { absoluteUrl, loadSite } from "../site/index.ts";

/** Every incident with its facts, newest first. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const incidents = incidentsNewestFirst(site).map((incident) =>
    incidentRecord(site, incident, absoluteUrl, incidentLinks(incident.id, absoluteUrl)),
  );
  return new Response(jsonBody({ incidents }), { headers: { "Content-Type": "application/json" } });
};
