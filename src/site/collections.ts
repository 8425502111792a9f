import { defineCollection } from "astro:content";
import { z } from "zod";
import { eventSchema } from "../schemas/event.ts";
import { incidentSchema } from "../schemas/incident.ts";
import { outletSchema } from "../schemas/outlet.ts";
import { sourcesFileSchema } from "../schemas/sources.ts";
import { archiveLoader } from "./loaders/archive.ts";
import { siteDataLoader } from "./loaders/site-data.ts";

/**
 * The collections: write-ups, outlets, sources and events, each parsed and validated once by the
 * core (src/lib/content/load.ts) with the schemas below, which also type the entries; and the
 * processed archive, by its digest.
 */
export const collections = {
  incidents: defineCollection({ loader: siteDataLoader("incidents"), schema: incidentSchema }),
  outlets: defineCollection({ loader: siteDataLoader("outlets"), schema: outletSchema }),
  sources: defineCollection({
    loader: siteDataLoader("sources"),
    schema: sourcesFileSchema.extend({ file: z.string() }),
  }),
  events: defineCollection({
    loader: siteDataLoader("events"),
    schema: z.object({ events: z.array(eventSchema.extend({ line: z.number() })) }),
  }),
  archive: defineCollection({
    loader: archiveLoader(),
    schema: z.object({ digest: z.string(), archive: z.unknown().optional() }),
  }),
};
