import { sourcesJson } from "../../reliability/index.ts";
import type { ExportFormat } from "../export-format.ts";
import { jsonBody } from "../incident-json.ts";

/**
 * `sources.json`: the incident's sources, grades, claims, origin groups and corroboration counts,
 * and each capture's provenance (format, SHA-256, size, original URL, capture time, tool).
 */
export const sourcesJsonFormat: ExportFormat = {
  file: "sources.json",
  type: "application/json",
  label: "Sources, grades, claims and origins (JSON)",
  section: "data",
  link: "sources",
  cacheKey: "incidentData",
  render: ({ dossier }) =>
    jsonBody({
      incident: dossier.incident.id,
      ...sourcesJson(dossier.assessment),
      captures: dossier.captures.map(
        ({ formatName: _name, shortHash: _short, ...exported }) => exported,
      ),
    }),
};
