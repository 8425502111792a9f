import type { AstroIntegration } from "astro";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { generatedFiles } from "../lib/offline/offline-manifest.ts";
import {
  writeOfflineCopies,
  type OfflineCopiesSummary,
  type OfflineCopiesTask,
} from "./offline-bundle.ts";
import { writeSearchIndex } from "./search.ts";
import { writeServiceWorker } from "./service-worker.ts";

/** Writes the dossiers and the offline zip in a worker thread, or on this one if a worker cannot start. */
function offlineCopiesInWorker(task: OfflineCopiesTask, root: URL): Promise<OfflineCopiesSummary> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(new URL("src/integrations/zip-worker.ts", root)), {
        workerData: task,
      });
    } catch {
      resolve(writeOfflineCopies(task));
      return;
    }
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the offline zip worker stopped with code ${code}`));
    });
  });
}

/** Seconds since `start`, for the log. */
const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/**
 * Offline reading and search, after the pages are written: the search index (Pagefind, in its own
 * process) on this thread while a worker writes one self-contained `dossier.html` per incident and
 * then the zip of the whole site (Pagefind reads neither); then the service worker and offline
 * manifest, which list every file, last. The index and the zip keep their last copy in the build's
 * cache folder, so that what did not change since the last build is not done again.
 */
export function offlineAndSearch(): AstroIntegration {
  let site = { base: "/", origin: "http://localhost:4321" };
  let root = new URL("file:///");
  let cache = "";
  return {
    name: "casefile-offline-and-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = {
          base: config.base.endsWith("/") ? config.base : `${config.base}/`,
          origin: new URL(config.site ?? "http://localhost:4321").origin,
        };
        root = config.root;
        cache = join(fileURLToPath(config.cacheDir), "casefile");
      },
      "astro:build:done": async ({ dir, logger }) => {
        const built = { ...site, out: fileURLToPath(dir) };
        const start = performance.now();
        const task = {
          site: built,
          cache: { folder: cache, projectRoot: fileURLToPath(root) },
        };
        const [, copies] = await Promise.all([
          writeSearchIndex(built.out, join(cache, "search")).then((summary) => {
            logger.info(
              `search index: ${summary.pages} pages${summary.reused ? ", unchanged since the last build" : ""} (${since(start)})`,
            );
            return summary;
          }),
          offlineCopiesInWorker(task, root).then((summary) => {
            logger.info(
              `${summary.dossiers} self-contained incident dossiers; ${generatedFiles.zip}: ${summary.zip.files} files (${summary.zip.reused} unchanged), ${Math.round(summary.zip.bytes / 1024)} kB (${since(start)})`,
            );
            return summary;
          }),
        ]);
        const worker = await writeServiceWorker(
          built.out,
          built.base,
          copies.zip.digests,
          task.cache,
        );
        for (const warning of worker.warnings) logger.warn(warning);
        logger.info(
          `service worker: ${worker.precached} files precached, ${worker.listed} listed for saving offline (${since(start)})`,
        );
      },
    },
  };
}
