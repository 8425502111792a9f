import { z } from "zod";
import { eventTime } from "./common.ts";

/** One row of `data/incidents/<id>/events.csv`. */
export const eventSchema = z.strictObject({
  /** When: a day (`2024-08-03`) or an instant with its offset (`2024-07-28T11:29:00-04:00`). */
  time: eventTime,
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
