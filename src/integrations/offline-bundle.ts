import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { selfContainedPage } from "../lib/offline/dossier.ts";
import { filesUnder } from "../lib/offline/files.ts";
import { generatedFiles } from "../lib/offline/offline-manifest.ts";
import { offlinePage, offlineStylesheet } from "../lib/offline/relative-links.ts";
import { writeZipFile, type ZipFile, type ZipSummary } from "../lib/offline/zip.ts";

/** The file name of an incident's self-contained dossier, next to its page. */
export const dossierFile = "dossier.html";

/** Where a built site lives and how its URLs look. */
export interface BuiltSite {
  /** The output folder. */
  out: string;
  /** The base path (`/` or `/casefile/`). */
  base: string;
  /** The site's origin (`https://example.org`). */
  origin: string;
}

/** Writes `incidents/<id>/dossier.html`, one self-contained file per incident page. */
export function writeDossiers({ out, base, origin }: BuiltSite): number {
  const files = filesUnder(out);
  const built = new Set(files);
  const favicon = existsSync(join(out, "favicon.svg"))
    ? readFileSync(join(out, "favicon.svg"), "utf8")
    : undefined;
  const stylesheet = (path: string) => {
    const file = path.startsWith(base) ? path.slice(base.length) : undefined;
    return file !== undefined && file.endsWith(".css") && built.has(file)
      ? readFileSync(join(out, file), "utf8")
      : undefined;
  };
  const pages = files.filter((file) => /^incidents\/[^/]+\/index\.html$/.test(file));
  let written = 0;
  for (const page of pages) {
    const html = readFileSync(join(out, page), "utf8");
    // Redirect pages of renamed incidents have no write-up to save.
    if (html.includes('http-equiv="refresh"')) continue;
    writeFileSync(
      join(out, page.replace(/index\.html$/, dossierFile)),
      selfContainedPage(html, { stylesheet, favicon, origin }),
    );
    written++;
  }
  return written;
}

/** True for a built file the offline copy carries: not the search index, the worker or the zip itself. */
export function inOfflineCopy(file: string): boolean {
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
 * pages and style sheets with relative links ending in `index.html`, so that it reads from disk
 * (`file:`). A generator, so that only the file being zipped or written is held in memory.
 */
export function* offlineCopy({ out, base, origin }: BuiltSite): Generator<ZipFile> {
  const files = filesUnder(out).filter(inOfflineCopy);
  const options = { base, files: new Set(files), origin };
  for (const file of files) {
    const bytes = readFileSync(join(out, file));
    if (file.endsWith(".html") && !file.endsWith(`/${dossierFile}`)) {
      yield [file, Buffer.from(offlinePage(bytes.toString("utf8"), file, options))];
    } else if (file.endsWith(".css")) {
      yield [file, Buffer.from(offlineStylesheet(bytes.toString("utf8"), file, options))];
    } else {
      yield [file, bytes];
    }
  }
}

/** Writes `casefile-offline.zip` (the offline copy under a `casefile/` folder) into the site. */
export function writeOfflineZip(site: BuiltSite): ZipSummary {
  return writeZipFile(join(site.out, generatedFiles.zip), offlineCopy(site), "casefile");
}
