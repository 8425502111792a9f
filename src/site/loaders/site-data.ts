import type { Loader, LoaderContext } from "astro/loaders";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadSiteData, sitePaths } from "../../lib/content/load.ts";
import type { SiteData } from "../../lib/content/site-data.ts";
import { formatProblem, internalProblem, isCasefileError, problemsOf } from "../../lib/errors.ts";
import { settings } from "../current.ts";
import { contentProblems, setContentProblems } from "../problems.ts";
import { onSettledChange } from "../settled.ts";

/** The site data of the current sync, shared by the collections that need it. */
let memo: { generation: number; site: SiteData | undefined } | undefined;
/** Bumped whenever the dev server sees an input change, so that the next load reads again. */
let generation = 0;

/**
 * Reads and validates everything once per sync (src/lib/content/load.ts). An author problem is
 * kept as data instead of thrown: a build's content check (beside Astro) reports it and stops the
 * build; the dev server shows it on every page until it is fixed.
 */
function siteData(): SiteData | undefined {
  if (memo?.generation !== generation) {
    let site: SiteData | undefined;
    try {
      site = loadSiteData(settings.root);
      setContentProblems("site data", []);
    } catch (error) {
      // An internal error too is kept as a problem naming the file being read (see `inFile`).
      if (!isCasefileError(error) && settings.debug)
        process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
      setContentProblems(
        "site data",
        isCasefileError(error) ? problemsOf(error) : [internalProblem(error, "content/ and data/")],
      );
    }
    memo = { generation, site };
  }
  return memo.site;
}

/** One collection's entries from the site data. */
interface Entry {
  /** The entry's id. */
  id: string;
  /** Its data (validated already). */
  data: object;
  /** A write-up's file, relative to the project, when the entry is one. */
  filePath?: string;
  /** A write-up's text, frontmatter included. */
  contents?: string;
}

/** Which entries a collection takes from the site data. */
const selections = {
  incidents: (site) =>
    site.incidents.map((incident) => {
      const path = join(settings.root, incident.file);
      return {
        id: incident.id,
        data: incident.data,
        filePath: relative(settings.project, path).split("\\").join("/"),
        contents: readFileSync(path, "utf8"),
      };
    }),
  outlets: (site) => site.outlets.map((outlet) => ({ id: outlet.id, data: outlet })),
  sources: (site) => [...site.sources].map(([id, file]) => ({ id, data: file })),
  events: (site) =>
    site.incidents.map((incident) => ({
      id: incident.id,
      data: { events: site.events.get(incident.id) ?? [] },
    })),
} satisfies Record<string, (site: SiteData) => Entry[]>;

/** Fills a collection's store from the site data; a write-up is rendered by its MDX module. */
function fill(kind: keyof typeof selections, context: LoaderContext): void {
  const { store } = context;
  const site = siteData();
  if (!site) return;
  store.clear();
  const entries: Entry[] = selections[kind](site);
  for (const entry of entries) {
    const data = JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>;
    if (entry.filePath !== undefined && entry.contents !== undefined) {
      store.set({
        id: entry.id,
        data,
        body: entry.contents,
        filePath: entry.filePath,
        digest: context.generateDigest(entry.contents),
        deferredRender: true,
      });
    } else store.set({ id: entry.id, data, digest: context.generateDigest(data) });
  }
}

/** True for a file the site data is read from (write-ups, outlets, sources, events). */
function isSiteInput(path: string): boolean {
  const file = relative(settings.root, resolve(path)).split("\\").join("/");
  return (
    /^content\/incidents\/[^/]+\.mdx?$/.test(file) ||
    file === sitePaths.outlets ||
    new RegExp(`^${sitePaths.incidentData}/[^/]+/(sources\\.yaml|events\\.csv)$`).test(file)
  );
}

/** The contexts of the collections that reload on a change, each once however often Astro syncs. */
const watching = new Map<keyof typeof selections, LoaderContext>();

/**
 * A content loader over the validated site data (src/lib/content): the write-ups' frontmatter,
 * outlets, sources and claims per incident, or events per incident, parsed and cross-checked once
 * there. In the dev server it reloads when any of those files changes, and logs the problems of
 * a change that breaks the content, one paragraph each.
 */
export function siteDataLoader(kind: keyof typeof selections): Loader {
  return {
    name: `casefile-${kind}`,
    load: (context) => {
      fill(kind, context);
      watchInputs(kind, context);
      return Promise.resolve();
    },
  };
}

/** In dev, reads the site data again and refills every collection once its inputs settle. */
function watchInputs(kind: keyof typeof selections, context: LoaderContext): void {
  const { watcher } = context;
  if (!watcher) return;
  const first = watching.size === 0;
  watching.set(kind, context);
  if (!first) return;
  watcher.add([join(settings.root, "content"), join(settings.root, "data")]);
  onSettledChange(watcher, isSiteInput, () => {
    generation++;
    for (const [each, eachContext] of watching) fill(each, eachContext);
    for (const problem of contentProblems()) context.logger.error(formatProblem(problem));
  });
}
