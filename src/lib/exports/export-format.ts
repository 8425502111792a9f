/**
 * What an export format is: one file every incident publishes beside its page
 * (`/incidents/<id>/<file>`), made from the incident's data. The formats are listed in
 * src/lib/exports/index.ts; one route serves them all (src/integration/routes/incident-export.ts).
 */
import type { CitationInput } from "../cite/input.ts";
import type { CacheKeys } from "../content/cache-keys.ts";
import type { SiteData } from "../content/site-data.ts";
import type { DossierSummary } from "../dossier/dossier.ts";

/** What an export's body is made from. */
export interface ExportInput {
  /** The validated site data. */
  site: SiteData;
  /** The incident's dossier: its entry, sources, claims, events and assessment (no archive). */
  dossier: DossierSummary;
  /** What the incident's citations are made from (URL, publisher, report number). */
  citation: CitationInput;
  /** The absolute URL of a site path. */
  absolute: (path: string) => string;
  /** The incident's links as `index.json` lists them (from the registry, see `incidentLinks`). */
  links: Readonly<Record<string, string>>;
}

/** One export format of an incident. */
export interface ExportFormat {
  /** The file's name in the incident's folder, which is also its URL segment (`stix.json`). */
  file: string;
  /** Its media type, sent as `Content-Type`. */
  type: string;
  /** What the incident page calls it: link text in "Data and exports", a block name in "Cite this dossier". */
  label: string;
  /** Where the incident page lists it: "Data and exports" or "Cite this dossier". */
  section: "data" | "citation";
  /** Its key in the `links` of `index.json` and `incidents.json`; unlisted when absent. */
  link?: string;
  /** The cache key of its file: the one whose inputs cover everything the body shows. */
  cacheKey: keyof Pick<CacheKeys, "citation" | "incidentData">;
  /** The file's body. */
  render: (input: ExportInput) => string;
}
