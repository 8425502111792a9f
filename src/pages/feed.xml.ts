import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { incidentsNewestFirst } from "../lib/content/queries.ts";
import { routes } from "../lib/urls/paths.ts";
import { absoluteUrl, loadSite, settings } from "../site/index.ts";

/** An RSS feed of incidents, newest first. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return rss({
    title: settings.config.title,
    description: settings.config.description,
    site: absoluteUrl("/"),
    items: incidentsNewestFirst(site).map((incident) => ({
      title: incident.data.title,
      description: incident.data.summary,
      link: absoluteUrl(routes.incident(incident.id)),
      pubDate: new Date(`${incident.data.published}T00:00:00Z`),
      categories: [...incident.data.types, ...incident.data.countries],
      author: incident.data.authors.join(", "),
    })),
    trailingSlash: true,
  });
};
