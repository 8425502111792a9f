import { z } from "zod";
import { instant } from "./common.ts";

/** One row of `data/incidents/<id>/events.csv`. */
export const eventSchema = z.strictObject({
  /** When, ISO 8601 with offset (`2024-07-28T11:29:00-04:00`). */
  time: instant,
  /** What happened, in one line. */
  label: z.string().min(1),
  /** Space-separated ids of the sources that report it. */
  sources: z
    .string()
    .default("")
    .transform((text) => text.split(/\s+/).filter((part) => part.length > 0)),
});

/** A validated event. */
export type IncidentEvent = z.output<typeof eventSchema>;
