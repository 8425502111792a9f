/**
 * The steps after `astro build`, run by `npm run build` (scripts/build.ts) once Astro has exited,
 * so that the memory Astro held is given back before Pagefind and the zip need theirs.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { generatedFiles } from "../lib/offline/offline-manifest.ts";
import {
  writeOfflineCopies,
  type BuiltSite,
  type OfflineCache,
  type OfflineCopiesSummary,
  type OfflineCopiesTask,
} from "./offline-bundle.ts";
import { writeSearchIndex } from "./search.ts";
import { writeServiceWorker } from "./service-worker.ts";

/** Writes the dossiers and the offline zip in a worker thread, or on this one if a worker cannot start. */
function offlineCopiesInWorker(task: OfflineCopiesTask): Promise<OfflineCopiesSummary> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(new URL("offline-worker.ts", import.meta.url)), {
        workerData: task,
      });
    } catch {
      resolve(writeOfflineCopies(task));
      return;
    }
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the offline worker stopped with code ${code}`));
    });
  });
}

/** Seconds since `start`, for the log. */
const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/**
 * Offline reading and search for a built site: the search index (Pagefind, in its own process) on
 * this thread while a worker writes one self-contained `dossier.html` per incident and then the
 * zip of the whole site (Pagefind reads neither); then the service worker and offline manifest,
 * which list every file, last. The index, the dossiers, the zip and the worker keep what they made
 * in `cache`, so that what did not change since the last build is not made again. `log` hears
 * one line per step.
 */
export async function writeOfflineAndSearch(
  site: BuiltSite,
  cache: OfflineCache,
  log: (line: string) => void,
): Promise<void> {
  const start = performance.now();
  const task = { site, cache };
  const [, copies] = await Promise.all([
    writeSearchIndex(site.out, join(cache.folder, "search")).then((summary) => {
      log(
        `search index: ${summary.pages} pages in ${summary.shards} indexes, ${summary.reused} unchanged since the last build (${since(start)})`,
      );
    }),
    offlineCopiesInWorker(task).then((summary) => {
      log(
        `${summary.dossiers} self-contained incident dossiers (${summary.seconds.dossiers} s); ${generatedFiles.zip}: ${summary.zip.files} files (${summary.zip.reused} unchanged), ${Math.round(summary.zip.bytes / 1024)} kB (${summary.seconds.zip} s; ${since(start)})`,
      );
      return summary;
    }),
  ]);
  const worker = await writeServiceWorker(site.out, site.base, copies.zip.digests, cache);
  for (const warning of worker.warnings) log(`warning: ${warning}`);
  log(
    `service worker: ${worker.precached} files precached, ${worker.listed} listed for saving offline (${since(start)})`,
  );
}
