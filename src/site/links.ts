import type { CitationInput } from "../lib/cite/input.ts";
import type { IncidentEntry } from "../lib/content/site-data.ts";
import { routes, withBase } from "../lib/urls/paths.ts";
import { settings } from "./current.ts";
import { reportNumber } from "./settings.ts";

/** A base-aware link to a site path; every internal link goes through it. */
export function href(path: string): string {
  return withBase(settings.base, path);
}

/** The absolute URL of a site path, for canonical links, citations and feeds. */
export function absoluteUrl(path: string): string {
  return new URL(href(path), settings.url).href;
}

/** What citations of one incident are made from. */
export function citationInput(incident: IncidentEntry): CitationInput {
  return {
    id: incident.id,
    incident: incident.data,
    url: absoluteUrl(routes.incident(incident.id)),
    publisher: settings.config.publisher,
    reportNumber: reportNumber(settings.config, incident.id),
    license: settings.config.license?.url,
  };
}
