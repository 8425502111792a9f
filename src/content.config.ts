import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { archiveLoader } from "./loaders/archive.ts";
import { siteDataLoader } from "./loaders/site-data.ts";
import { incidentSchema } from "./schemas/incident.ts";
import { siteRoot } from "./site-root.ts";

/** Collections: the write-ups (MDX) and the validated data beside them. */
export const collections = {
  incidents: defineCollection({
    loader: glob({ pattern: "*.{md,mdx}", base: `${siteRoot()}/content/incidents` }),
    schema: incidentSchema,
  }),
  outlets: defineCollection({ loader: siteDataLoader("outlets") }),
  sources: defineCollection({ loader: siteDataLoader("sources") }),
  events: defineCollection({ loader: siteDataLoader("events") }),
  archive: defineCollection({ loader: archiveLoader() }),
};
