import type { Loader, LoaderContext } from "astro/loaders";
import { join, relative, resolve } from "node:path";
import { processArchive } from "../../lib/content/archive-cache.ts";
import { archiveCache, archiveKey, digestCaptures } from "../../lib/content/archive-store.ts";
import { awaitEntry } from "../../lib/content/disk-cache.ts";
import { sitePaths } from "../../lib/content/load.ts";
import { formatProblem, internalProblem, isCasefileError, problemsOf } from "../../lib/errors.ts";
import { settings } from "../current.ts";
import { setContentProblems } from "../problems.ts";
import { onSettledChange } from "../settled.ts";

/** Processes the captures (or finds them processed) and records the archive's digest. */
function sync({ store, meta, logger }: LoaderContext): void {
  const root = settings.root;
  const cache = archiveCache(root);
  const captures = digestCaptures(root);
  const { digest } = captures;
  const record = (data: Record<string, unknown>) => {
    store.clear();
    store.set({ id: "archive", data: { digest, ...data }, digest });
  };
  setContentProblems("archive", []);
  if (meta.get("digest") === digest && store.has("archive") && cache.has(archiveKey(digest))) {
    logger.info("archive unchanged");
    return;
  }
  if (cache.has(archiveKey(digest)) || awaitEntry(cache, archiveKey(digest))) {
    // Processed already (by `check`, or an earlier build), or just now by the check running
    // beside this build, which we waited for: the pages read it from the cache.
    logger.info("archive: cached");
    record({});
  } else {
    try {
      const { archive, stored, milliseconds } = processArchive(root, undefined, captures);
      logger.info(
        `archive: ${archive.stats.files} captures → ${archive.stats.documents} documents, ${archive.stats.uniqueParagraphs} unique paragraphs (${milliseconds} ms)`,
      );
      // Not stored (a read-only checkout): the store keeps the archive, held in memory whole.
      record(stored ? {} : { archive: archive.part([]) });
    } catch (error) {
      // Kept as data: the build's check reports it; the dev server shows it until it is fixed.
      // An internal error too, as one paragraph naming the capture it was reading.
      const problems = isCasefileError(error)
        ? problemsOf(error)
        : [internalProblem(error, sitePaths.archives)];
      if (!isCasefileError(error) && settings.debug)
        logger.error(String((error as Error).stack ?? error));
      setContentProblems("archive", problems);
      for (const problem of problems) logger.error(formatProblem(problem));
      return;
    }
  }
  meta.set("digest", digest);
}

/**
 * Runs the archive engine over data/archives/ once per build. The result is cached on disk under
 * the digest of every capture's path and bytes (see `processArchive`), where `check` and the
 * pages read it; Astro's data store keeps only that digest, since serialising the whole archive
 * into the store costs seconds and hundreds of megabytes on a large site. Only when the disk cache
 * cannot be written (a read-only checkout) does the store hold the archive itself. In the dev
 * server a change to any capture, or to a sources file (which holds the researchers' decisions
 * on them), processes them again when it changes the archive's digest.
 */
export function archiveLoader(): Loader {
  let watching = false;
  return {
    name: "casefile-archive",
    load: (context) => {
      sync(context);
      const { watcher } = context;
      if (watcher && !watching) {
        watching = true;
        const archives = join(settings.root, sitePaths.archives);
        const incidents = join(settings.root, sitePaths.incidentData);
        watcher.add(archives);
        // The researchers' decisions on the captures are written in the sources files.
        watcher.add(incidents);
        onSettledChange(
          watcher,
          (path) =>
            !relative(archives, resolve(path)).startsWith("..") ||
            (!relative(incidents, resolve(path)).startsWith("..") && path.endsWith("sources.yaml")),
          () => sync(context),
        );
      }
      return Promise.resolve();
    },
  };
}
