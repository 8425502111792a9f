import type { APIRoute, GetStaticPaths } from "astro";
import { stixBundle } from "../../../lib/cite/stix.ts";
import { outletsById } from "../../../lib/content/queries.ts";
import { cacheKeys, citationInput, dossierOf, loadSite } from "../../../site/index.ts";

/** A STIX 2.1 bundle per incident. */
export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.map((incident) => ({
    params: { id: incident.id },
    cacheKey: keys.incidentData(incident.id),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const dossier = await dossierOf(params["id"] ?? "");
  const bundle = stixBundle({
    ...citationInput(dossier.incident),
    sources: dossier.sources,
    claims: dossier.claims,
    outlets: outletsById(site),
  });
  return new Response(`${JSON.stringify(bundle, null, 2)}\n`, {
    headers: { "Content-Type": "application/stix+json" },
  });
};
