import type { AstroIntegration } from "astro";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSW } from "workbox-build";
import { filesUnder } from "../lib/offline/files.ts";
import { generatedFiles, offlineManifest } from "../lib/offline/offline-manifest.ts";
import { webManifest } from "../lib/offline/web-manifest.ts";

/**
 * Offline reading: after the build, writes the web app manifest and `offline-manifest.json` (every
 * page and file, for the save button), then a Workbox service worker at `<base>sw.js` that
 * precaches the app shell and caches pages network-first and assets as they are used. The worker
 * precaches the offline manifest under its content digest, so any change to the site changes
 * `sw.js` and the next visit installs it (`skipWaiting`, `clientsClaim`); no timestamps.
 */
export function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "casefile-service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(
          join(out, generatedFiles.webManifest),
          `${JSON.stringify(webManifest(base, "Incident dossiers with charts, source-reliability tables and the deduplicated text of every source."), null, 2)}\n`,
        );
        const contents = new Map(
          filesUnder(out).map((file) => [file, readFileSync(join(out, file))]),
        );
        const manifest = offlineManifest(contents, base);
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
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `service worker: ${count} files precached, ${manifest.urls.length} listed for saving offline`,
        );
      },
    },
  };
}
