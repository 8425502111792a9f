import type { IncidentEntry, SiteData } from "../content/site-data.ts";
import { writtenName } from "../cite/names.ts";
import { routes } from "../urls/paths.ts";

/**
 * The machine-readable record of one incident, as in `/incidents.json` and
 * `/incidents/<id>/index.json`; `links` are its exports' URLs (`incidentLinks` in ./index.ts).
 */
export function incidentRecord(
  site: SiteData,
  incident: IncidentEntry,
  absolute: (path: string) => string,
  links: Readonly<Record<string, string>>,
) {
  const data = incident.data;
  const files = site.sources.get(incident.id);
  return {
    id: incident.id,
    url: absolute(routes.incident(incident.id)),
    title: data.title,
    summary: data.summary,
    period: {
      start: data.period.start,
      end: data.period.end ?? null,
      timezone: data.period.timezone,
    },
    countries: data.countries,
    targets: data.targets,
    types: data.types,
    status: data.status,
    attribution: { claimed: data.attribution.claimed, assessed: data.attribution.assessed ?? null },
    // Names as the page shows them, strings as this record always had; cite.json tells groups apart.
    authors: data.authors.map(writtenName),
    published: data.published,
    updated: data.updated ?? null,
    revisions: data.revisions,
    tags: data.tags,
    sources: files?.sources.length ?? 0,
    claims: files?.claims.length ?? 0,
    events: site.events.get(incident.id)?.length ?? 0,
    links,
  };
}

/** JSON as the site serves it: two-space indented, with a final newline. */
export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
