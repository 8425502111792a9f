import { stixBundle } from "../../cite/stix.ts";
import { outletsById } from "../../content/queries.ts";
import type { ExportFormat } from "../export-format.ts";
import { jsonBody } from "../incident-json.ts";

/** `stix.json`: a STIX 2.1 bundle of the incident, its sources and its claims. */
export const stixJson: ExportFormat = {
  file: "stix.json",
  type: "application/stix+json",
  label: "STIX 2.1 bundle",
  section: "data",
  link: "stix",
  cacheKey: "incidentData",
  render: ({ site, dossier, citation }) =>
    jsonBody(
      stixBundle({
        ...citation,
        sources: dossier.sources,
        claims: dossier.claims,
        outlets: outletsById(site),
      }),
    ),
};
