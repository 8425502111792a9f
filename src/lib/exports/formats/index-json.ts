import type { ExportFormat } from "../export-format.ts";
import { incidentRecord, jsonBody } from "../incident-json.ts";

/** `index.json`: the incident with its facts, as one record of `/incidents.json`. */
export const indexJson: ExportFormat = {
  file: "index.json",
  type: "application/json",
  label: "Incident facts (JSON)",
  section: "data",
  cacheKey: "incidentData",
  render: ({ site, dossier, absolute, links }) =>
    jsonBody(incidentRecord(site, dossier.incident, absolute, links)),
};
