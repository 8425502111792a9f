import { join } from "node:path";
import { processCaptures } from "../archive/index.ts";
import { claimEntry } from "./disk-cache.ts";
import {
  archiveCache,
  archiveInMemory,
  archiveKey,
  digestCaptures,
  storeArchive,
  storedArchive,
  type ArchiveReader,
  type DigestedCaptures,
} from "./archive-store.ts";

/** The archive of a site with its digest over every capture's path and bytes. */
export interface DigestedArchive {
  /** Digest of the engine version and every capture. */
  digest: string;
  /**
   * The processed archive: read from the disk cache part by part when it is stored there, held
   * in memory only when the cache could not be written.
   */
  archive: ArchiveReader;
  /** True when it came from the cache. */
  cached: boolean;
  /** True when it is in the disk cache (false if the cache could not be written). */
  stored: boolean;
  /** Milliseconds spent processing (0 when cached). */
  milliseconds: number;
}

/**
 * Runs the archive engine over a site's captures, or reuses the result cached on disk for the same
 * captures, so that `check`, the content loader, the pages and rebuilds process them once (a
 * process that finds another one processing the same captures waits for its result). A
 * caller that has read and digested the captures already passes them, so they are not read twice.
 * Once stored, the processed archive is let go: callers read it back one incident at a time.
 */
export function processArchive(
  root: string,
  cacheDir = join(root, "node_modules/.cache/casefile"),
  { inputs, digest, decisions }: DigestedCaptures = digestCaptures(root),
): DigestedArchive {
  const cache = archiveCache(root, cacheDir);
  const key = archiveKey(digest);
  const cached = (): DigestedArchive | undefined => {
    const stored = storedArchive(digest, cache);
    return stored && { digest, archive: stored, cached: true, stored: true, milliseconds: 0 };
  };
  const before = cached();
  if (before) return before;
  // The check and Astro's content loader run side by side: the second to start waits for the first.
  const release = claimEntry(cache, key);
  try {
    const meanwhile = cached();
    if (meanwhile) return meanwhile;
    const started = performance.now();
    const archive = processCaptures(inputs, { decisions });
    const milliseconds = Math.round(performance.now() - started);
    const reader = storeArchive(cache, key, archive) ? storedArchive(digest, cache) : undefined;
    return {
      digest,
      archive: reader ?? archiveInMemory(archive),
      cached: false,
      stored: reader !== undefined,
      milliseconds,
    };
  } finally {
    release();
  }
}
