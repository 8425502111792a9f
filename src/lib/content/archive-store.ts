import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Archive, CaptureInput } from "../archive/types.ts";
import { listCaptures } from "./captures.ts";
import { diskCache, type DiskCache } from "./disk-cache.ts";
import { readFileSync } from "node:fs";

/**
 * Where a processed archive is kept between steps and builds, without the engine itself: pages
 * read the archive through this module, so that a change to the engine's code does not count as a
 * change to every page's code (which would make the incremental build render every page again).
 */

/** Version of the cached archive's shape; bump it when the engine's output changes. */
const engineVersion = "6";

/** The captures of a site with their digest over every path and bytes (and the engine version). */
export interface DigestedCaptures {
  /** The captures, labelled by site-relative path. */
  inputs: CaptureInput[];
  /** Digest of the engine version and every capture. */
  digest: string;
}

/** Reads a site's captures and digests them. */
export function digestCaptures(root: string): DigestedCaptures {
  const hash = createHash("sha256").update(engineVersion);
  const inputs = listCaptures(root).map((file) => {
    const bytes = new Uint8Array(readFileSync(join(root, file)));
    hash.update(`${file}\0`).update(createHash("sha256").update(bytes).digest());
    return { file, bytes };
  });
  return { inputs, digest: hash.digest("hex") };
}

/** The disk cache of processed archives of a site (under its `node_modules/.cache/casefile/`). */
export function archiveCache(
  root: string,
  folder = join(root, "node_modules/.cache/casefile"),
): DiskCache {
  return diskCache(folder, { prefix: "archive-", extension: ".json" });
}

/** The file key of an archive in its cache. */
export function archiveKey(digest: string): string {
  return digest.slice(0, 32);
}

/**
 * The processed archive of captures with this digest from the disk cache, if there. Not kept in
 * memory here: on a large site the archive is the biggest object of a build, and the content
 * loader and the pages (which hold it for the whole build) must not each keep a copy.
 */
export function storedArchive(digest: string, cache: DiskCache): Archive | undefined {
  const text = cache.read(archiveKey(digest));
  return text === undefined ? undefined : (JSON.parse(text) as Archive);
}
