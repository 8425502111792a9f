import { createHash } from "node:crypto";

/** The generated files that the offline manifest, the service worker and the bundle leave out. */
export const generatedFiles = {
  /** The zip of the whole site for reading from disk. */
  zip: "casefile-offline.zip",
  /** The service worker. */
  serviceWorker: "sw.js",
  /** The list of URLs the "save the whole site" button fetches. */
  offlineManifest: "offline-manifest.json",
  /** The web app manifest. */
  webManifest: "manifest.webmanifest",
  /** Pagefind's folder. */
  search: "pagefind/",
} as const;

/** Pagefind files our own search page never loads (its default UIs and the playground). */
const unusedSearchFile =
  /^pagefind\/(?:\d+\/)?(?:pagefind-(?:ui|component-ui|modular-ui|highlight)[^/]*|playground\/.*)$/;

/** What the offline manifest, written next to the site, holds. */
export interface OfflineManifest {
  /** The base path the site was built under. */
  base: string;
  /** The Cache Storage name that the service worker's runtime routes and the save button share. */
  cache: string;
  /** A digest of every file's content: it changes whenever the site does. */
  version: string;
  /** Every page and file to fetch, as base-prefixed URLs, sorted. */
  urls: string[];
}

/** The Cache Storage name of a site, one per base path so that two sites on one origin stay apart. */
export function cacheName(base: string): string {
  return `casefile-pages-${base === "/" ? "root" : base.replace(/^\/|\/$/g, "").replace(/[^a-z0-9]+/gi, "-")}`;
}

/** True for a built file a reader may want offline (not the zip, the worker or unused search UI). */
function isOfflineFile(file: string): boolean {
  return (
    file !== generatedFiles.zip &&
    file !== generatedFiles.serviceWorker &&
    !file.startsWith(".") &&
    !file.endsWith(".map") &&
    !unusedSearchFile.test(file)
  );
}

/** The URL a built file is served at: `incidents/x/index.html` → `/base/incidents/x/`. */
export function fileUrl(file: string, base: string): string {
  const path =
    file === "index.html"
      ? ""
      : file.endsWith("/index.html")
        ? file.slice(0, -"index.html".length)
        : file;
  return base + path.split("/").map(encodeURIComponent).join("/");
}

/**
 * A short digest over files' names and content digests, stable for the same files in any order.
 * The zip is left out: it is made from the other files, so it changes only when they do.
 */
function contentVersion(digests: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const name of [...digests.keys()].sort()) {
    if (name !== generatedFiles.zip)
      hash.update(name).update("\0").update(digests.get(name)!).update("\n");
  }
  return hash.digest("hex").slice(0, 16);
}

/** The offline manifest of a built site from its files' content digests (by file name). */
export function offlineManifest(
  digests: ReadonlyMap<string, string>,
  base: string,
): OfflineManifest {
  const offline = [...digests.keys()].filter(isOfflineFile).sort();
  return {
    base,
    cache: cacheName(base),
    version: contentVersion(digests),
    urls: offline
      .filter((file) => file !== generatedFiles.offlineManifest)
      .map((file) => fileUrl(file, base)),
  };
}
