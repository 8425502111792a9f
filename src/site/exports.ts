import type { ExportInput } from "../lib/exports/export-format.ts";
import { incidentLinks } from "../lib/exports/index.ts";
import { dossierSummaryOf, loadSite } from "./data.ts";
import { absoluteUrl, citationInput } from "./links.ts";

/** What one incident's exports are made from, in this build. */
export async function exportInput(incidentId: string): Promise<ExportInput> {
  const [site, dossier] = await Promise.all([loadSite(), dossierSummaryOf(incidentId)]);
  return {
    site,
    dossier,
    citation: citationInput(dossier.incident),
    absolute: absoluteUrl,
    links: incidentLinks(incidentId, absoluteUrl),
  };
}
