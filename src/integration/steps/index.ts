/**
 * The steps after Astro has written the pages, in one list: each names the steps it needs and runs
 * as soon as they are done, so that the search index (Pagefind, in its own process) is written
 * while a worker thread writes the dossiers and then the zip. The service worker, which lists
 * every file, comes last.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { generatedFiles } from "../../lib/offline/offline-manifest.ts";
import type { CachedZipSummary } from "../../lib/offline/zip-cache.ts";
import { publishCaptureFiles } from "./capture-files.ts";
import { publishDataFiles } from "./data-files.ts";
import { writeIncidentExports } from "./incident-exports.ts";
import { pruneCaches } from "./prune-caches.ts";
import { runOfflineTask, type OfflineTask } from "./offline-bundle.ts";
import { writeSearchIndex } from "./search-index.ts";
import { writeServiceWorker } from "./service-worker.ts";
import type { BuildStep, StepContext } from "./step.ts";
import { checkUrlLock } from "./url-lock.ts";

/** Runs an offline step in a worker thread, or on this one if a worker cannot start. */
function inWorker(task: OfflineTask): Promise<number | CachedZipSummary> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(new URL("offline-worker.ts", import.meta.url)), {
        workerData: task,
      });
    } catch {
      resolve(runOfflineTask(task));
      return;
    }
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the offline worker stopped with code ${code}`));
    });
  });
}

/** What one offline step needs to know. */
const offlineTask = (step: OfflineTask["step"], { site, cache }: StepContext): OfflineTask => ({
  step,
  site,
  cache,
});

/** Every step after the pages, in the order they are listed in the log. */
export const buildSteps: readonly BuildStep[] = [
  { name: "data files", needs: [], run: publishDataFiles },
  { name: "incident exports", needs: [], run: writeIncidentExports },
  { name: "capture files", needs: [], run: publishCaptureFiles },
  // Lists the built files: after every step that adds a page; redirect pages are searchable.
  {
    name: "URL lock",
    needs: ["data files", "incident exports", "capture files"],
    run: checkUrlLock,
  },
  {
    name: "search index",
    needs: ["URL lock"],
    run: async ({ out, cache }) => {
      const summary = await writeSearchIndex(out, `${cache.folder}/search`);
      return `search index: ${summary.pages} pages in ${summary.shards} indexes, ${summary.reused} unchanged since the last build`;
    },
  },
  {
    name: "dossiers",
    needs: ["URL lock"],
    run: async (context) =>
      `${(await inWorker(offlineTask("dossiers", context))) as number} self-contained incident dossiers`,
  },
  {
    name: "offline zip",
    // The zip carries the dossiers.
    needs: ["dossiers"],
    run: async (context) => {
      const zip = (await inWorker(offlineTask("zip", context))) as CachedZipSummary;
      context.zip = zip;
      return `${generatedFiles.zip}: ${zip.files} files (${zip.reused} unchanged), ${Math.round(zip.bytes / 1024)} kB`;
    },
  },
  {
    name: "service worker",
    // It lists every file, the index and the zip among them.
    needs: ["search index", "offline zip"],
    run: async ({ out, site, zip, cache, settings }) => {
      const worker = await writeServiceWorker(
        out,
        { base: site.base, description: settings.config.description },
        zip?.digests,
        cache,
      );
      return [
        ...worker.warnings.map((warning) => `warning: ${warning}`),
        `service worker: ${worker.precached} files precached, ${worker.listed} listed for saving offline`,
      ].join("\n");
    },
  },
  // Last, once nothing reads a cache any more.
  { name: "prune caches", needs: ["service worker"], run: pruneCaches },
];
