import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageJSON } from "node:module";
import {
  generateSW,
  getManifest,
  type GenerateSWOptions,
  type GetManifestOptions,
} from "workbox-build";
import { diskCache } from "../../lib/content/disk-cache.ts";
import { bytesDigest, digest, sourceDigest } from "../../lib/digest.ts";
import { filesUnder } from "../../lib/offline/files.ts";
import { generatedFiles, offlineManifest } from "../../lib/offline/offline-manifest.ts";
import { webManifest } from "../../lib/offline/web-manifest.ts";

/** What writing the service worker did. */
export interface ServiceWorkerSummary {
  /** Files the worker precaches. */
  precached: number;
  /** URLs the offline manifest lists for saving the whole site. */
  listed: number;
  /** Workbox's warnings. */
  warnings: string[];
}

/** Stands for the offline manifest's version in the worker's bundle until it is filled in. */
const versionSlot = "casefile0version0slot";

/** The version of workbox-build, which writes the worker. */
function workboxVersion(): string {
  const manifest = findPackageJSON("workbox-build", import.meta.url);
  return manifest
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
    : "";
}

/**
 * The content digest of every file under a folder but the zip (made from the others), read one at
 * a time unless `known` has it already.
 */
function fileDigests(out: string, known: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    filesUnder(out)
      .filter((file) => file !== generatedFiles.zip)
      .map((file) => [file, known.get(file) ?? bytesDigest(readFileSync(join(out, file)))]),
  );
}

/**
 * Offline reading: writes the web app manifest and `offline-manifest.json` (every page and file,
 * for the save button), then a Workbox service worker at `<base>sw.js` that precaches the app
 * shell and caches pages network-first and assets as they are used. The worker precaches the
 * offline manifest under its content digest, so any change to the site changes `sw.js` and the
 * next visit installs it (`skipWaiting`, `clientsClaim`); no timestamps. `known` holds content
 * digests taken already (by the zip), by file name; with a cache, a worker bundled before for the
 * same precache list and code is reused.
 */
export async function writeServiceWorker(
  out: string,
  { base, description }: { base: string; description: string },
  known: ReadonlyMap<string, string> = new Map(),
  cache?: { folder: string; projectRoot: string },
): Promise<ServiceWorkerSummary> {
  writeFileSync(
    join(out, generatedFiles.webManifest),
    `${JSON.stringify(webManifest(base, description), null, 2)}\n`,
  );
  const manifest = offlineManifest(fileDigests(out, known), base);
  writeFileSync(
    join(out, generatedFiles.offlineManifest),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  const precache: GetManifestOptions = {
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
        url: `${base}${generatedFiles.offlineManifest}?v=${versionSlot}`,
        revision: null,
      },
    ],
  };
  const swDest = join(out, generatedFiles.serviceWorker);
  const options: GenerateSWOptions = {
    ...precache,
    swDest,
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
  };
  // The worker is bundled with a slot for the offline manifest's version, filled in below: the
  // bundle (a second or more) then depends only on what it precaches besides that manifest (names
  // and revisions), the cache name and the code configuring it, and can be kept between builds.
  const { manifestEntries, count, warnings } = await getManifest(precache);
  const key = digest(
    workboxVersion(),
    cache ? sourceDigest(cache.projectRoot, ["src/integration/steps/service-worker.ts"]) : null,
    manifestEntries,
    manifest.cache,
  );
  const workers = cache && diskCache(join(cache.folder, "service-worker"), { extension: ".js" });
  let bundle = workers?.read(key);
  if (bundle === undefined) {
    await generateSW(options);
    bundle = readFileSync(swDest, "utf8");
    workers?.write(key, bundle);
  }
  if (bundle.split(versionSlot).length !== 2)
    throw new Error("the service worker does not name the offline manifest's version exactly once");
  writeFileSync(swDest, bundle.replace(versionSlot, manifest.version));
  return { precached: count, listed: manifest.urls.length, warnings };
}
