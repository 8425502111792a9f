import { sourcesJson } from "../../reliability/index.ts";
import type { ExportFormat } from "../export-format.ts";
import { jsonBody } from "../incident-json.ts";

/** `sources.json`: the incident's sources, grades, claims, origin groups and corroboration counts. */
export const sourcesJsonFormat: ExportFormat = {
  file: "sources.json",
  type: "application/json",
  label: "Sources, grades, claims and origins (JSON)",
  section: "data",
  link: "sources",
  cacheKey: "incidentData",
  render: ({ dossier }) =>
    jsonBody({ incident: dossier.incident.id, ...sourcesJson(dossier.assessment) }),
};
