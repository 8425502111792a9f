/**
 * Cache keys of the generated pages, for Astro's incremental build: a page whose key and code are
 * unchanged since the last build is copied instead of rendered again. A key is a digest of every
 * input the page shows, so it must change whenever one of them does; pages whose output depends
 * on other pages' inputs (an outlet page lists sources of many incidents) digest all of those.
 * Code is not in the keys: Astro digests each page's module graph itself.
 */
import { bytesDigest, digest } from "../digest.ts";
import { incidentCaptures, incidentEvidence } from "../dossier/evidence.ts";
import type { ArchiveReader } from "./archive-store.ts";
import { outletsById, sourcesOfOutlet } from "./queries.ts";
import type { SiteData } from "./site-data.ts";

/**
 * Version of the recipe below; bump it when a page starts showing an input the keys leave out, so
 * that pages cached under the old recipe are rendered again.
 */
const cacheKeyRecipe = "1";

/** What every page depends on besides its own data: where the site lives and its configuration. */
interface SiteSettings {
  /** The site's URL (`SITE_URL`), which canonical links and citations contain. */
  url: string;
  /** The base path (`BASE_PATH`), which every internal link contains. */
  base: string;
  /** The site configuration (`src/site-config.ts`: title, publisher, report numbers…). */
  config: Readonly<Record<string, unknown>>;
}

/** One file of an incident's data folder. */
interface DataFile {
  /** File name in `data/incidents/<id>/`. */
  name: string;
  /** Its bytes. */
  bytes: Uint8Array;
}

/** What the keys are computed from. */
export interface CacheKeyInput {
  /** The validated site data. */
  site: SiteData;
  /** The processed source archive, read one incident's part at a time. */
  archive: ArchiveReader;
  /** URL, base path and configuration. */
  settings: SiteSettings;
  /** Digest of each write-up file as written (frontmatter and body), by incident id. */
  writeUps: ReadonlyMap<string, string>;
  /** The files in an incident's data folder (chart data and downloads), read when first needed. */
  dataFiles: (incidentId: string) => readonly DataFile[];
}

/** The cache key of every kind of generated page, by the ids in its URL. */
export interface CacheKeys {
  /** `cite.bib`, `cite.ris`, `cite.json`: the frontmatter and the settings. */
  citation(incidentId: string): string;
  /**
   * The processing report, `index.json`, `sources.json` and `stix.json`: the incident's
   * frontmatter, sources and claims, events, the outlets its sources name, and its part of the
   * archive (every document with a copy in its captures, and their ledger).
   */
  incidentData(incidentId: string): string;
  /** The incident page: its data as above, its write-up, and the data files its charts draw. */
  incidentPage(incidentId: string): string;
  /** An outlet page: the outlet, and the data of every incident with a source from it. */
  outlet(outletId: string): string;
}

/** Computes each key when first asked for, once. */
function once<T>(compute: (id: string) => T): (id: string) => T {
  const known = new Map<string, T>();
  return (id) => {
    if (!known.has(id)) known.set(id, compute(id));
    return known.get(id) as T;
  };
}

/** The cache keys of a site's pages. Pure: the same input gives the same keys in any process. */
export function cacheKeys(input: CacheKeyInput): CacheKeys {
  const { site, archive, settings } = input;
  const incidents = new Map(site.incidents.map((incident) => [incident.id, incident]));
  const outlets = outletsById(site);
  const incidentOf = (id: string) => {
    const incident = incidents.get(id);
    if (!incident) throw new Error(`cache key of unknown incident "${id}"`);
    return incident;
  };
  const dataFiles = once((id) =>
    input.dataFiles(id).map((file) => ({ name: file.name, bytes: bytesDigest(file.bytes) })),
  );

  const citation = once((id) =>
    digest(cacheKeyRecipe, "citation", settings, id, incidentOf(id).data),
  );

  const incidentData = once((id) => {
    const incident = incidentOf(id);
    const sources = site.sources.get(id);
    const named = [...new Set((sources?.sources ?? []).map((source) => source.outlet))].sort();
    const listed = sources?.sources ?? [];
    const evidence = incidentEvidence(archive.part(incidentCaptures(listed)), listed);
    return digest(
      cacheKeyRecipe,
      "incident-data",
      settings,
      incident,
      sources ?? null,
      site.events.get(id) ?? null,
      named.map((outlet) => [outlet, outlets.get(outlet) ?? null]),
      // The dossier reads only these from the archive (see incidentEvidence): the documents, the
      // ledger, and each capture's provenance (its SHA-256 changes when its bytes do, even when
      // its text does not).
      { documents: evidence.documents, ledger: evidence.ledger, facts: [...evidence.facts] },
    );
  });

  const incidentPage = once((id) =>
    digest(
      cacheKeyRecipe,
      "incident-page",
      incidentData(id),
      input.writeUps.get(id) ?? null,
      dataFiles(id),
    ),
  );

  const outlet = once((id) =>
    digest(
      cacheKeyRecipe,
      "outlet",
      settings,
      outlets.get(id) ?? null,
      sourcesOfOutlet(site, id).map(({ incident, source }) => [
        incident.id,
        incident.data,
        source,
        incidentData(incident.id),
      ]),
    ),
  );

  return { citation, incidentData, incidentPage, outlet };
}
