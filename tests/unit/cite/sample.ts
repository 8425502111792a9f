import { incidentSchema, type Incident } from "../../../src/schemas/incident.ts";
import type { Outlet } from "../../../src/schemas/outlet.ts";
import { sourcesFileSchema } from "../../../src/schemas/sources.ts";

/** Frontmatter of a revised incident with a person, a particle name and an institution as authors. */
const raw = {
  title: "DDoS on the CNE results site </script>",
  summary:
    "The electoral authority's results site went down on election night; officials blamed a foreign attack.",
  period: { start: "2024-07-28T18:00:00-04:00", end: "2024-07-29", timezone: "America/Caracas" },
  countries: ["VE"],
  targets: [
    { name: "Consejo Nacional Electoral", sector: "elections" },
    { name: "Results portal", sector: "unmapped thing" },
  ],
  types: ["ddos", "disinformation"],
  status: "disputed",
  authors: ["Ana María Pérez", "Jan van der Berg", "Digital Forensic Lab"],
  published: "2024-07-30",
  updated: "2024-08-02",
  revisions: [
    { date: "2024-08-15", note: "Added the ministry's statement." },
    { date: "2024-08-05", note: "Fixed a date." },
  ],
  tags: ["elections", "ddos"],
};

/** A revised incident with a person, a particle name and an institution among its authors. */
const incident: Incident = incidentSchema.parse(raw);

/** The same incident, never revised. */
export const unrevised: Incident = incidentSchema.parse({
  ...raw,
  updated: undefined,
  revisions: [],
});

/** Sources and claims of the incident. */
export const { sources, claims } = sourcesFileSchema.parse({
  sources: [
    {
      id: "ministry-statement",
      title: "Statement on the attack",
      outlet: "example-ministry",
      kind: "official-statement",
      published: "2024-07-29",
      url: "https://ministry.example/statement",
      archived_url: "https://web.archive.org/web/20240729/https://ministry.example/statement",
    },
    { id: "blog-post", title: "Nothing happened", outlet: "example-blog", kind: "opinion" },
  ],
  claims: [
    {
      id: "foreign-ddos",
      text: "A foreign DDoS took the site down.",
      stances: { "ministry-statement": "asserts", "blog-post": "disputes" },
    },
    {
      id: "site-down",
      text: "The site was unreachable for hours.",
      stances: { "blog-post": "mentions" },
    },
  ],
});

/** Outlets by id. */
export const outlets = new Map<string, Outlet>([
  [
    "example-ministry",
    {
      id: "example-ministry",
      name: "Example Ministry",
      kind: "government",
      homepage: "https://ministry.example/",
    },
  ],
  ["example-blog", { id: "example-blog", name: "Example Blog", kind: "blog", note: "Anonymous." }],
]);

/** The citation input of the incident. */
export const input = {
  id: "2024-venezuela-cne-ddos",
  incident,
  url: "https://casefile.example/incidents/2024-venezuela-cne-ddos/",
  publisher: "Casefile Research",
  reportNumber: "CF-2024-07",
};
