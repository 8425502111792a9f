import { loadSiteData } from "../../../src/lib/content/load.ts";
import { buildDossier, summaryOf } from "../../../src/lib/dossier/dossier.ts";
import type { ExportInput } from "../../../src/lib/exports/export-format.ts";
import { incidentLinks } from "../../../src/lib/exports/index.ts";
import { minimalSite } from "../../helpers/site-copy.ts";

/** The minimal site's incident. */
export const incidentId = "2020-example-ddos";

/** The absolute URL of a site path on https://example.org/ with no base path. */
export const absolute = (path: string) => new URL(path, "https://example.org").href;

const site = loadSiteData(minimalSite);
const dossier = summaryOf(
  buildDossier(
    site,
    site.incidents.find((entry) => entry.id === incidentId)!,
  ),
);

/** What the minimal site's incident's exports are made from, as a build passes it. */
export const input: ExportInput = {
  site,
  dossier,
  citation: {
    id: incidentId,
    incident: dossier.incident.data,
    url: absolute(`/incidents/${incidentId}/`),
    publisher: "Casefile Research",
    reportNumber: "CF-2020-01",
  },
  absolute,
  links: incidentLinks(incidentId, absolute),
};
