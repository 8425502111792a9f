import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { selfContainedPage } from "../../lib/offline/dossier.ts";
import { filesUnder } from "../../lib/offline/files.ts";
import { generatedFiles } from "../../lib/offline/offline-manifest.ts";
import { offlineDossier } from "../../lib/offline/offline-dossier.ts";
import { offlinePage, offlineStylesheet } from "../../lib/offline/relative-links.ts";
import { diskCache } from "../../lib/content/disk-cache.ts";
import { bytesDigest, digest, sourceDigest } from "../../lib/digest.ts";
import {
  writeZipThroughCache,
  type CachedZipSummary,
  type SourceFile,
} from "../../lib/offline/zip-cache.ts";
import { zipLevel } from "../../lib/offline/zip.ts";
import { isRedirectPage } from "../../lib/urls/url-lock.ts";

/** The file name of an incident's self-contained dossier, next to its page. */
const dossierFile = "dossier.html";

/** Where a built site lives and how its URLs look. */
export interface BuiltSite {
  /** The output folder. */
  out: string;
  /** The base path (`/` or `/casefile/`). */
  base: string;
  /** The site's origin (`https://example.org`). */
  origin: string;
}

/**
 * Writes `incidents/<id>/dossier.html`, one self-contained file per incident page. With a cache,
 * a dossier whose page, style sheets, icon, origin and code are unchanged is copied from it.
 */
function writeDossiers({ out, base, origin }: BuiltSite, cache?: OfflineCache): number {
  const files = filesUnder(out);
  const favicon = existsSync(join(out, "favicon.svg"))
    ? readFileSync(join(out, "favicon.svg"), "utf8")
    : undefined;
  const stylesheets = new Map(
    files
      .filter((file) => file.endsWith(".css"))
      .map((file) => [file, readFileSync(join(out, file), "utf8")]),
  );
  const stylesheet = (path: string) => {
    const file = path.startsWith(base) ? path.slice(base.length) : undefined;
    return file === undefined ? undefined : stylesheets.get(file);
  };
  const dossiers = cache && diskCache(join(cache.folder, "dossiers"), { extension: ".html" });
  const salt =
    cache && digest(offlineCode(cache.projectRoot), stylesheets, favicon ?? null, origin);
  const pages = files.filter((file) => /^incidents\/[^/]+\/index\.html$/.test(file));
  let written = 0;
  for (const page of pages) {
    const bytes = readFileSync(join(out, page));
    // Redirect pages of renamed incidents have no write-up to save; every other page has one.
    if (isRedirectPage(bytes.toString("utf8"))) continue;
    const target = join(out, page.replace(/index\.html$/, dossierFile));
    const key = digest(salt ?? null, bytesDigest(bytes));
    if (dossiers?.has(key)) copyFileSync(dossiers.path(key), target);
    else {
      const dossier = selfContainedPage(bytes.toString("utf8"), { stylesheet, favicon, origin });
      writeFileSync(target, dossier);
      dossiers?.write(key, dossier);
    }
    written++;
  }
  return written;
}

/** True for a built file the offline copy carries: not the search index, the worker or the zip itself. */
function inOfflineCopy(file: string): boolean {
  return !(
    file.startsWith(generatedFiles.search) ||
    file === generatedFiles.zip ||
    file === generatedFiles.serviceWorker ||
    file === generatedFiles.offlineManifest ||
    file === generatedFiles.webManifest ||
    file.startsWith(".") ||
    file.endsWith(".map")
  );
}

/**
 * The offline copy of a built site, one file at a time in sorted order: every file it carries,
 * pages, dossiers and style sheets to be given relative links ending in `index.html` (`prepare`),
 * so that it reads from disk (`file:`). A generator, so that only the file being zipped or written
 * is held in memory.
 */
export function* offlineCopy(
  { out, base, origin }: BuiltSite,
  files = filesUnder(out).filter(inOfflineCopy),
): Generator<SourceFile> {
  const options = { base, files: new Set(files), origin };
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
  for (const name of files) {
    const bytes = readFileSync(join(out, name));
    if (name.endsWith(`/${dossierFile}`)) {
      yield {
        name,
        bytes,
        prepare: (built) => Buffer.from(offlineDossier(text(built), name, options)),
      };
    } else if (name.endsWith(".html")) {
      yield {
        name,
        bytes,
        prepare: (built) => Buffer.from(offlinePage(text(built), name, options)),
      };
    } else if (name.endsWith(".css")) {
      yield {
        name,
        bytes,
        prepare: (built) => Buffer.from(offlineStylesheet(text(built), name, options)),
      };
    } else {
      yield { name, bytes, prepare: (built) => built };
    }
  }
}

/** Where the offline copies may keep what they made last time, and the project whose code makes them. */
export interface OfflineCache {
  /** The build's cache folder for Casefile (the zip and the dossiers go in folders under it). */
  folder: string;
  /** The project root, with `src/`: the code that makes the copies is part of their cache keys. */
  projectRoot: string;
}

/** The version of the code that makes the offline copies: a digest of its source. */
function offlineCode(projectRoot: string): string {
  return sourceDigest(projectRoot, [
    "src/lib/offline",
    "src/lib/urls",
    "src/integration/steps/offline-bundle.ts",
  ]);
}

/**
 * Writes `casefile-offline.zip` (the offline copy under a `casefile/` folder) into the site. With a
 * cache, files unchanged since the last build are copied from the last zip as stored, not
 * rewritten and deflated again; the zip is the same bytes either way.
 */
export function writeOfflineZip(site: BuiltSite, cache?: OfflineCache): CachedZipSummary {
  const files = filesUnder(site.out).filter(inOfflineCopy);
  return writeZipThroughCache({
    path: join(site.out, generatedFiles.zip),
    folder: "casefile",
    cacheFolder: cache && join(cache.folder, "offline-zip"),
    // What `prepare` and the zip depend on besides each file's bytes.
    salt: cache
      ? digest(
          site.base,
          site.origin,
          files,
          zipLevel,
          process.versions.zlib,
          offlineCode(cache.projectRoot),
        )
      : "",
    files: offlineCopy(site, files),
  });
}

/** The work of the offline worker: which step, for which built site and cache. */
export interface OfflineTask {
  /** The step to run off the main thread. */
  step: "dossiers" | "zip";
  /** The built site. */
  site: BuiltSite;
  /** Where the step keeps what it made, for the next build. */
  cache: OfflineCache;
}

/** Runs one offline step: the number of dossiers written, or what writing the zip did. */
export function runOfflineTask({ step, site, cache }: OfflineTask): number | CachedZipSummary {
  return step === "dossiers" ? writeDossiers(site, cache) : writeOfflineZip(site, cache);
}
