/**
 * The registry of export formats: every file an incident publishes beside its page, in the order
 * the incident page lists them. Adding a format is one file in ./formats/ and one line here; the
 * route, the incident page, the `links` of `index.json` and the cache keys read this list.
 */
import { routes } from "../urls/paths.ts";
import type { ExportFormat } from "./export-format.ts";
import { citeBib } from "./formats/cite-bib.ts";
import { citeJson } from "./formats/cite-json.ts";
import { citeRis } from "./formats/cite-ris.ts";
import { indexJson } from "./formats/index-json.ts";
import { sourcesJsonFormat } from "./formats/sources-json.ts";
import { stixJson } from "./formats/stix-json.ts";

export type { ExportFormat } from "./export-format.ts";

/** Every export format, in page order. */
export const exportFormats: readonly ExportFormat[] = [
  indexJson,
  sourcesJsonFormat,
  stixJson,
  citeBib,
  citeRis,
  citeJson,
];

/** The export format published under a file name, if any. */
export function exportFormat(file: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.file === file);
}

/** One export of one incident as its page links to it. */
export interface ExportLink {
  /** The format. */
  format: ExportFormat;
  /** The link to the incident's file, as `link` made it (base-aware or absolute). */
  href: string;
}

/** An incident's exports listed in one section of its page, linked through `link`. */
export function exportLinks(
  section: ExportFormat["section"],
  incidentId: string,
  link: (path: string) => string,
): ExportLink[] {
  return exportFormats
    .filter((format) => format.section === section)
    .map((format) => ({ format, href: link(routes.incidentExport(incidentId, format.file)) }));
}

/**
 * The `links` of an incident's record in `index.json` and `incidents.json`: each format with a
 * `link` key, in registry order, and the processing report.
 */
export function incidentLinks(
  incidentId: string,
  absolute: (path: string) => string,
): Record<string, string> {
  const links = exportFormats.flatMap((format) =>
    format.link === undefined
      ? []
      : [[format.link, absolute(routes.incidentExport(incidentId, format.file))] as const],
  );
  const report = ["report", absolute(routes.incidentSources(incidentId))] as const;
  // The report was published right after `sources`; published key order does not change.
  const at = links.findIndex(([key]) => key === "sources") + 1;
  return Object.fromEntries([...links.slice(0, at), report, ...links.slice(at)]);
}
