import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { archiveCache, storedArchive } from "./lib/content/archive-store.ts";
import { siteRoot } from "./site-root.ts";
import type { Archive } from "./lib/archive/index.ts";
import type { Outlet } from "./schemas/outlet.ts";
import type { SourcesFile } from "./schemas/sources.ts";
import type { EventEntry, IncidentEntry, SiteData } from "./lib/content/site-data.ts";
import { routes, withBase } from "./lib/urls/paths.ts";
import type { CitationInput } from "./lib/cite/input.ts";
import { reportNumber, siteConfig } from "./site-config.ts";
import { buildDossier, type Dossier } from "./lib/dossier/dossier.ts";

/** The site data plus the write-up entries Astro renders. */
export interface Site extends SiteData {
  /** Incident collection entries by id, for `render()`. */
  entries: Map<string, CollectionEntry<"incidents">>;
  /** The processed source archive. */
  archive: Archive;
}

let memo: Promise<Site> | undefined;

/**
 * Gathers the collections once per build into the core's SiteData shape (getCollection is not
 * memoised by Astro, see withastro/astro#16297).
 */
export function loadSite(): Promise<Site> {
  memo ??= (async () => {
    const [incidents, outlets, sources, events, archive] = await Promise.all([
      getCollection("incidents"),
      getCollection("outlets"),
      getCollection("sources"),
      getCollection("events"),
      readArchive(),
    ]);
    return {
      incidents: incidents
        .map((entry) => ({
          id: entry.id,
          file: entry.filePath ?? `content/incidents/${entry.id}.mdx`,
          data: entry.data,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      outlets: outlets.map((entry) => entry.data as Outlet),
      sources: new Map(
        sources.map((entry) => [entry.id, entry.data as SourcesFile & { file: string }]),
      ),
      events: new Map(
        events.map((entry) => [entry.id, (entry.data as { events: EventEntry[] }).events]),
      ),
      warnings: [],
      entries: new Map(incidents.map((entry) => [entry.id, entry])),
      archive,
    };
  })();
  return memo;
}

/**
 * The archive the content loader processed: from the disk cache by the digest it left in the data
 * store (or from the store itself when the cache could not be written).
 */
async function readArchive(): Promise<Archive> {
  const entry = await getEntry("archive", "archive");
  const data = entry?.data as { digest: string; archive?: Archive } | undefined;
  if (!data) throw new Error("the archive loader left no entry in the data store");
  const archive = data.archive ?? storedArchive(data.digest, archiveCache(siteRoot()));
  if (!archive) throw new Error(`the processed archive ${data.digest} is missing from the cache`);
  return archive;
}

/** A base-aware link to a site path; every internal link goes through it. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

const dossiers = new Map<string, Dossier>();

/** The dossier of one incident, computed once per build. */
export async function dossierOf(id: string): Promise<Dossier> {
  let dossier = dossiers.get(id);
  if (!dossier) {
    const site = await loadSite();
    const incident = site.incidents.find((entry) => entry.id === id);
    if (!incident) throw new Error(`no incident ${id}`);
    dossier = buildDossier(site, incident, site.archive);
    dossiers.set(id, dossier);
  }
  return dossier;
}

/** The absolute URL of a site path, for canonical links, citations and feeds. */
export function absoluteUrl(path: string): string {
  return new URL(href(path), import.meta.env.SITE).href;
}

/** What citations of one incident are made from. */
export function citationInput(incident: IncidentEntry): CitationInput {
  return {
    id: incident.id,
    incident: incident.data,
    url: absoluteUrl(routes.incident(incident.id)),
    publisher: siteConfig.publisher,
    reportNumber: reportNumber(incident.id),
  };
}
