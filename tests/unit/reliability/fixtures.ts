/** Small inline fixtures for the reliability tests, parsed through the real schemas. */
import { incidentSchema, type Incident } from "../../../src/schemas/incident.ts";
import { outletSchema, type Outlet } from "../../../src/schemas/outlet.ts";
import {
  claimSchema,
  sourceSchema,
  type Claim,
  type Source,
} from "../../../src/schemas/sources.ts";

/** A source with the required fields filled in; `fields` override them. */
export function source(id: string, outlet: string, fields: Record<string, unknown> = {}): Source {
  return sourceSchema.parse({
    id,
    title: `Title of ${id}`,
    outlet,
    kind: "news-report",
    captures: [`test/${id}.txt`],
    ...fields,
  });
}

/** An outlet with the required fields filled in. */
export function outlet(id: string, fields: Record<string, unknown> = {}): Outlet {
  return outletSchema.parse({ id, name: `Name of ${id}`, kind: "unknown", ...fields });
}

/** Outlets by id, as the core receives them. */
export function outletMap(...outlets: Outlet[]): Map<string, Outlet> {
  return new Map(outlets.map((entry) => [entry.id, entry]));
}

/** A claim with the given stances. */
export function claim(id: string, stances: Record<string, string>): Claim {
  return claimSchema.parse({ id, text: `Text of ${id}.`, stances });
}

/** An incident frontmatter with the given status. */
export function incident(status: Incident["status"]): Incident {
  return incidentSchema.parse({
    title: "An incident",
    summary: "Something happened.",
    period: { start: "2024-07-28", timezone: "America/Caracas" },
    countries: ["VE"],
    types: ["ddos"],
    status,
    authors: ["A. Researcher"],
    published: "2024-09-01",
  });
}

/** The Venezuela chain: an original, two republications of it, and an independent analysis. */
export const chain = {
  outlets: outletMap(
    outlet("mision-verdad", {
      kind: "partisan-media",
      reliability: "D",
      rationale: "Aligned with one side.",
    }),
    outlet("mintpress-news", {
      kind: "partisan-media",
      reliability: "E",
      rationale: "Republishes without checking.",
    }),
    outlet("mr-online", { kind: "blog" }),
    outlet("team-cymru", {
      kind: "security-vendor",
      reliability: "B",
      rationale: "Direct traffic data.",
    }),
  ),
  sources: [
    source("mr-online-copy", "mr-online", {
      published: "2024-08-05",
      republished_from: "mintpress-copy",
    }),
    source("mision-verdad-original", "mision-verdad", { published: "2024-08-01" }),
    source("mintpress-copy", "mintpress-news", {
      published: "2024-08-03",
      republished_from: "mision-verdad-original",
    }),
    source("team-cymru-analysis", "team-cymru", {
      published: "2024-08-02",
      kind: "technical-analysis",
    }),
  ],
};
