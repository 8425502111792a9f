import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { generatedFiles } from "../lib/offline/offline-manifest.ts";
import type { ZipSummary } from "../lib/offline/zip.ts";
import { writeDossiers, writeOfflineZip, type BuiltSite } from "./offline-bundle.ts";
import { writeSearchIndex } from "./search.ts";
import { writeServiceWorker } from "./service-worker.ts";

/** Writes the offline zip in a worker thread, or on this one if a worker cannot start. */
function zipInWorker(site: BuiltSite, root: URL): Promise<ZipSummary> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(fileURLToPath(new URL("src/integrations/zip-worker.ts", root)), {
        workerData: site,
      });
    } catch {
      resolve(writeOfflineZip(site));
      return;
    }
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the offline zip worker stopped with code ${code}`));
    });
  });
}

/**
 * Offline reading and search, after the pages are written, in this order: one self-contained
 * `dossier.html` per incident; then the search index (Pagefind, in its own process) and the zip of
 * the whole site (in a worker thread) at the same time, since neither reads what the other
 * writes; then the service worker and offline manifest, which list every file, last.
 */
export function offlineAndSearch(): AstroIntegration {
  let site = { base: "/", origin: "http://localhost:4321" };
  let root = new URL("file:///");
  return {
    name: "casefile-offline-and-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = {
          base: config.base.endsWith("/") ? config.base : `${config.base}/`,
          origin: new URL(config.site ?? "http://localhost:4321").origin,
        };
        root = config.root;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const built = { ...site, out: fileURLToPath(dir) };
        logger.info(`${writeDossiers(built)} self-contained incident dossiers`);
        const [pages, zip] = await Promise.all([
          writeSearchIndex(built.out),
          zipInWorker(built, root),
        ]);
        logger.info(`search index: ${pages} pages`);
        logger.info(
          `${generatedFiles.zip}: ${zip.files} files, ${Math.round(zip.bytes / 1024)} kB`,
        );
        const worker = await writeServiceWorker(built.out, built.base);
        for (const warning of worker.warnings) logger.warn(warning);
        logger.info(
          `service worker: ${worker.precached} files precached, ${worker.listed} listed for saving offline`,
        );
      },
    },
  };
}
