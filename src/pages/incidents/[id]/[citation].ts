import type { APIRoute, GetStaticPaths } from "astro";
import { incidentCsl } from "../../../lib/cite/csl.ts";
import { citationFiles } from "../../../lib/cite/files.ts";
import { cacheKeys, citationInput, loadSite } from "../../../site/index.ts";

/** `cite.bib`, `cite.ris` and `cite.json` for every incident. */
export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([loadSite(), cacheKeys()]);
  return site.incidents.flatMap((incident) =>
    (["cite.bib", "cite.ris", "cite.json"] as const).map((citation) => ({
      params: { id: incident.id, citation },
      cacheKey: keys.citation(incident.id),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await loadSite();
  const incident = site.incidents.find((entry) => entry.id === params["id"])!;
  const file = citationFiles(incidentCsl(citationInput(incident)))[
    params["citation"] as "cite.bib"
  ];
  return new Response(file.body, { headers: { "Content-Type": file.type } });
};
