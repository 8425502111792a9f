import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import type { Archive } from "../lib/archive/index.ts";
import { archiveCache, storedArchive } from "../lib/content/archive-store.ts";
import type { SiteData } from "../lib/content/site-data.ts";
import { buildDossier, type Dossier } from "../lib/dossier/dossier.ts";
import { formatProblem } from "../lib/errors.ts";
import { settings } from "./current.ts";
import { contentProblems } from "./problems.ts";

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
 * memoised by Astro, see withastro/astro#16297). The dev server gathers them for every page, so
 * that an edit shows on the next load, and shows the content's problems instead of a page.
 */
export function loadSite(): Promise<Site> {
  if (import.meta.env.DEV) {
    const problems = contentProblems();
    if (problems.length > 0) throw new Error(problems.map(formatProblem).join("\n"));
    dossiers.clear();
    return gather();
  }
  memo ??= gather();
  return memo;
}

/** The collections in the core's shape. */
function gather(): Promise<Site> {
  return (async () => {
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
      outlets: outlets.map((entry) => entry.data),
      sources: new Map(sources.map((entry) => [entry.id, entry.data])),
      events: new Map(events.map((entry) => [entry.id, entry.data.events])),
      warnings: [],
      entries: new Map(incidents.map((entry) => [entry.id, entry])),
      archive,
    };
  })();
}

/**
 * The archive the content loader processed: from the disk cache by the digest it left in the data
 * store (or from the store itself when the cache could not be written).
 */
async function readArchive(): Promise<Archive> {
  const entry = await getEntry("archive", "archive");
  if (!entry) throw new Error("the archive loader left no entry in the data store");
  const archive =
    (entry.data.archive as Archive | undefined) ??
    storedArchive(entry.data.digest, archiveCache(settings.root));
  if (!archive)
    throw new Error(`the processed archive ${entry.data.digest} is missing from the cache`);
  return archive;
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
