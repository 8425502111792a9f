import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";
import type { IncidentEntry, SiteData } from "./site-data.ts";

/** Incidents newest first (by period start), ties by id, so that the order is stable. */
export function incidentsNewestFirst(site: SiteData): IncidentEntry[] {
  return [...site.incidents].sort(
    (a, b) =>
      Date.parse(b.data.period.start) - Date.parse(a.data.period.start) || a.id.localeCompare(b.id),
  );
}

/** Outlets by id. */
export function outletsById(site: SiteData): Map<string, Outlet> {
  return new Map(site.outlets.map((outlet) => [outlet.id, outlet]));
}

/** The sources of one outlet across all incidents, newest incident first. */
export function sourcesOfOutlet(
  site: SiteData,
  outletId: string,
): { incident: IncidentEntry; source: Source }[] {
  return incidentsNewestFirst(site).flatMap((incident) =>
    (site.sources.get(incident.id)?.sources ?? [])
      .filter((source) => source.outlet === outletId)
      .map((source) => ({ incident, source })),
  );
}

/** Number of sources of an incident. */
export function sourceCount(site: SiteData, incidentId: string): number {
  return site.sources.get(incidentId)?.sources.length ?? 0;
}
