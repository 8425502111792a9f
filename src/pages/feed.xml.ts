import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { incidentsNewestFirst } from "../lib/content/queries.ts";
import { incidentFeed } from "../lib/feed.ts";
import { routes } from "../lib/urls/paths.ts";
import { absoluteUrl, loadSite, settings } from "../site/index.ts";

/** An RSS feed of incidents, newest first. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return rss(
    incidentFeed({
      title: settings.config.title,
      description: settings.config.description,
      site: absoluteUrl("/"),
      self: absoluteUrl("/feed.xml"),
      publisher: settings.config.publisher,
      language: settings.config.language,
      license: settings.config.license,
      incidents: incidentsNewestFirst(site).map((incident) => ({
        data: incident.data,
        url: absoluteUrl(routes.incident(incident.id)),
      })),
    }),
  );
};
