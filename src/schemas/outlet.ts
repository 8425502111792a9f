import { z } from "zod";
import { country, id, reliability, webUrl } from "./common.ts";

/** Kinds of outlet, by ownership and editorial independence. */
export const outletKinds = [
  "state-media",
  "state-funded-media",
  "partisan-media",
  "independent-media",
  "wire-service",
  "security-vendor",
  "government",
  "blog",
  "aggregator",
  "unknown",
] as const;

/** One outlet in `data/outlets.yaml`, shared by all incidents. */
export const outletSchema = z.strictObject({
  /** Stable id, used by sources and in `/outlets/<id>/`. */
  id,
  /** Display name. */
  name: z.string().min(1),
  /** Home page, if it has one. */
  homepage: webUrl.optional(),
  /** Kind of outlet. */
  kind: z.enum(outletKinds),
  /** Country of the outlet, ISO 3166-1 alpha-2, if known. */
  country: country.optional(),
  /**
   * The party that controls the outlet, when several outlets answer to one (e.g.
   * `government-of-venezuela` for its electoral council, presidency and prosecutor): their sources
   * are one origin, not independent confirmations.
   */
  affiliation: id.optional(),
  /** Context a reader needs (ownership, funding, stance). */
  note: z.string().optional(),
  /** Default Admiralty reliability that this outlet's sources inherit unless they set their own. */
  reliability: reliability.optional(),
  /** Why the outlet gets that default reliability. */
  rationale: z.string().optional(),
});

/** `data/outlets.yaml`: a list of outlets. */
export const outletsFileSchema = z.array(outletSchema);

/** A validated outlet. */
export type Outlet = z.output<typeof outletSchema>;
