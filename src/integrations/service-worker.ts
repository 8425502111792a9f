import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSW } from "workbox-build";
import { filesUnder } from "../lib/offline/files.ts";
import { generatedFiles, offlineManifest } from "../lib/offline/offline-manifest.ts";
import { webManifest } from "../lib/offline/web-manifest.ts";

/** What writing the service worker did. */
export interface ServiceWorkerSummary {
  /** Files the worker precaches. */
  precached: number;
  /** URLs the offline manifest lists for saving the whole site. */
  listed: number;
  /** Workbox's warnings. */
  warnings: string[];
}

/** The content digest of every file under a folder, read one at a time. */
function fileDigests(out: string): Map<string, string> {
  return new Map(
    filesUnder(out).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(join(out, file)))
        .digest("hex"),
    ]),
  );
}

/**
 * Offline reading: writes the web app manifest and `offline-manifest.json` (every page and file,
 * for the save button), then a Workbox service worker at `<base>sw.js` that precaches the app
 * shell and caches pages network-first and assets as they are used. The worker precaches the
 * offline manifest under its content digest, so any change to the site changes `sw.js` and the
 * next visit installs it (`skipWaiting`, `clientsClaim`); no timestamps.
 */
export async function writeServiceWorker(out: string, base: string): Promise<ServiceWorkerSummary> {
  writeFileSync(
    join(out, generatedFiles.webManifest),
    `${JSON.stringify(webManifest(base, "Incident dossiers with charts, source-reliability tables and the deduplicated text of every source."), null, 2)}\n`,
  );
  const manifest = offlineManifest(fileDigests(out), base);
  writeFileSync(
    join(out, generatedFiles.offlineManifest),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  const { count, warnings } = await generateSW({
    globDirectory: out,
    globPatterns: [
      "_astro/*.{css,js}",
      "index.html",
      "404.html",
      generatedFiles.webManifest,
      "favicon.svg",
    ],
    modifyURLPrefix: { "": base },
    dontCacheBustURLsMatching: /^_astro\//,
    additionalManifestEntries: [
      {
        url: `${base}${generatedFiles.offlineManifest}?v=${manifest.version}`,
        revision: null,
      },
    ],
    swDest: join(out, generatedFiles.serviceWorker),
    mode: "production",
    sourcemap: false,
    inlineWorkboxRuntime: true,
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Pages: the newest when online, the last seen (or saved) copy offline.
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: "NetworkFirst",
        options: {
          cacheName: manifest.cache,
          networkTimeoutSeconds: 4,
          matchOptions: { ignoreSearch: true },
        },
      },
      {
        // Hashed bundles never change under the same name.
        urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.includes("/_astro/"),
        handler: "CacheFirst",
        options: { cacheName: manifest.cache },
      },
      {
        // Data files, JSON, search index: fast from the cache, refreshed behind the reader.
        // The save button's requests (header set in src/scripts/save-offline.ts) and the
        // offline manifest go to the network, so that saving stores the newest copies.
        urlPattern: ({ sameOrigin, request, url }) =>
          sameOrigin &&
          !request.headers.has("x-casefile-save") &&
          !url.pathname.endsWith("/offline-manifest.json"),
        handler: "StaleWhileRevalidate",
        options: { cacheName: manifest.cache },
      },
    ],
  });
  return { precached: count, listed: manifest.urls.length, warnings };
}
