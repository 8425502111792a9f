import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import type { Archive } from "../lib/archive/index.ts";
import {
  archiveCache,
  archiveInMemory,
  storedArchive,
  type ArchiveReader,
} from "../lib/content/archive-store.ts";
import type { SiteData } from "../lib/content/site-data.ts";
import {
  buildDossier,
  summaryOf,
  type Dossier,
  type DossierSummary,
} from "../lib/dossier/dossier.ts";
import { incidentCaptures } from "../lib/dossier/evidence.ts";
import { formatProblem } from "../lib/errors.ts";
import { settings } from "./current.ts";
import { contentProblems } from "./problems.ts";

/** The site data plus the write-up entries Astro renders. */
export interface Site extends SiteData {
  /** Incident collection entries by id, for `render()`. */
  entries: Map<string, CollectionEntry<"incidents">>;
  /** The processed source archive, read one incident's part at a time. */
  archive: ArchiveReader;
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
    summaries.clear();
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
async function readArchive(): Promise<ArchiveReader> {
  const entry = await getEntry("archive", "archive");
  if (!entry) throw new Error("the archive loader left no entry in the data store");
  const held = entry.data.archive as Archive | undefined;
  const archive = held
    ? archiveInMemory(held)
    : storedArchive(entry.data.digest, archiveCache(settings.root));
  if (!archive)
    throw new Error(`the processed archive ${entry.data.digest} is missing from the cache`);
  return archive;
}

/** How many whole dossiers are kept: each holds its incident's part of the archive. */
const keptDossiers = 8;

/** The last dossiers built, least recently used first. */
const dossiers = new Map<string, Dossier>();

/** Every dossier built in this build, without its evidence. */
const summaries = new Map<string, DossierSummary>();

/**
 * The dossier of one incident, from its part of the archive. Only the last few are kept whole,
 * so that a build holds a few incidents' documents at a time, not the whole archive; the
 * summaries (what exports and outlet pages read) are kept for every incident.
 */
export async function dossierOf(id: string): Promise<Dossier> {
  const kept = dossiers.get(id);
  if (kept) {
    dossiers.delete(id);
    dossiers.set(id, kept);
    return kept;
  }
  const site = await loadSite();
  const incident = site.incidents.find((entry) => entry.id === id);
  if (!incident) throw new Error(`no incident ${id}`);
  const captures = incidentCaptures(site.sources.get(id)?.sources ?? []);
  const dossier = buildDossier(site, incident, site.archive.part(captures));
  dossiers.set(id, dossier);
  if (dossiers.size > keptDossiers) dossiers.delete(dossiers.keys().next().value!);
  summaries.set(id, summaryOf(dossier));
  return dossier;
}

/** The dossier of one incident without its evidence, computed once per build. */
export async function dossierSummaryOf(id: string): Promise<DossierSummary> {
  return summaries.get(id) ?? summaryOf(await dossierOf(id));
}
